"""The "At a glance" block of a code page: the facts that decide a reader's next step,
each derived from the record (and the RFC rules it inherits), never typed twice."""

from __future__ import annotations

from markupsafe import Markup

from generator import prose
from generator.columns import COLUMNS, grouped
from generator.escape import anchor, inert
from generator.headers import header_uses
from generator.meanings import meanings
from generator.model import CodeRecord, HeaderUse
from generator.pages import code_src, header_src
from generator.site import Site
from generator.urls import url_of

WHERE_SEEN = {
    "client": "in the response the client receives",
    "body": "inside a response body whose HTTP status is another",
    "logs": "only in the logs; the client never receives it",
    "client-and-logs": "in the response and in the logs",
    "internal": "only inside the product, never on the wire",
}
# Where a number outside 100-599 shows (generator.model.OtherNumber.seen).
OTHER_SEEN = {
    "script": "only to code reading the response (fetch, XMLHttpRequest); never on the wire",
    "body": "inside the body of an error page or response",
    "logs": "only in the server's logs",
    "header": "in a response header field",
    "client": "as the status the client receives, outside the 100-599 range",
}


def _level(header: HeaderUse) -> str:
    """'MUST' or 'MUST, if a 200 to the same request would have sent it'."""
    level = header.requirement.upper()
    return f"{level}, {header.condition}" if header.condition else level


def field_link(name: str, site: Site, root: str) -> Markup:
    """A header field's name, linked to its page (``root`` leads from the page to the site
    root) when the site has one, else in code: the one way pages print a field's name.
    (A linked name is not also set in code: Material's link colour on the code background
    fails the contrast check in the dark palette.)"""
    if name.lower() not in site.headers:
        return Markup('<code class="name">{}</code>').format(inert(name))
    return Markup('<span class="name">{}</span>').format(
        anchor(root + url_of(header_src(name)), name)
    )


def _join(items: list[Markup]) -> Markup:
    return Markup(", ").join(items)


def glance(record: CodeRecord, site: Site, root: str) -> list[tuple[str, Markup]]:
    """(term, description) pairs, in reading order; ``root`` leads from the page to the
    site root, for links to other codes."""

    def link(code: int) -> Markup:
        return anchor(root + url_of(code_src(code)), site.codes[code].title)

    facts: list[tuple[str, Markup]] = []
    spec = record.specification
    if spec is not None:
        facts.append(("Status", inert(spec.status_label + " in the IANA registry")))
    else:
        facts.append(("Status", inert("Unofficial: not in the IANA registry")))
        facts.append(("Sent by", inert(record.vendor_names)))
        seen = dict.fromkeys(WHERE_SEEN[use.seen_by] for use in record.vendors)
        facts.append(("Where you see it", inert("; ".join(seen))))
    senders = meanings(record)
    if len(senders) > 1:
        facts.append(
            (
                "Meanings",
                inert(f"{len(senders)}: it depends on who sent it; ")
                + Markup('<a href="#meanings">{}</a>').format("see every meaning"),
            )
        )
    instead = list(dict.fromkeys(code for alt in record.when_not_to_use for code in alt.instead))
    if instead:
        facts.append(("Alternatives", _join([link(code) for code in instead[:5]])))
    fixes = record.fixes or next((u.fixes for u in record.vendors if u.fixes.sides()), None)
    if fixes is not None:
        # A registered code's proxy advice waits in "How to fix it"; for a CDN's or a
        # proxy's own code, what to change there is often the answer.
        only = ("client", "server") if record.registered else ()
        for label, items in fixes.sides(only):
            facts.append((label, prose.render(items[0], root).inline))
    for key in ("cacheable", "retry", "body"):
        column = COLUMNS[key]
        facts.append((column.label, column.cell(record)))
    required = tuple(
        h for h in header_uses(record) if h.where == "response" and h.requirement != "may"
    )
    if required:
        facts.append(
            (
                "Response headers",
                Markup("; ").join(
                    _join([field_link(n, site, root) for n in names]) + inert(f" ({level})")
                    for names, level in grouped(required, _level)
                ),
            )
        )
    return facts

"""The properties of a code, as table cells derived from its record, never typed twice.

The same columns fill the comparison tables, the Properties table of a code page and
the JSON API's comparison rows, so a fact reads the same wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.escape import anchor, inert
from generator.headers import must_send
from generator.model import BODY_LABELS, METHOD_LABELS, RETRY_LABELS, CodeRecord, HeaderUse


def _status(record: CodeRecord) -> str:
    if record.specification is None:
        vendors = sorted({v.vendor for v in record.vendors})
        return "Unofficial (" + ", ".join(vendors) + ")"
    return record.specification.status_label


def _redirect(record: CodeRecord, attribute: str) -> str:
    redirect = record.properties.redirect
    if redirect is None:
        return "Not a redirect"
    if attribute == "permanent":
        return "Permanent" if redirect.permanent else "Temporary"
    if attribute == "method":
        return METHOD_LABELS[redirect.method]
    return redirect.search_engines


def _retry(record: CodeRecord) -> str:
    label = RETRY_LABELS[record.properties.retry]
    note = record.properties.retry_note
    return f"{label}. {note}" if note else label


def _specification(record: CodeRecord) -> str:
    if record.specification is None:
        return "None (vendor code)"
    return f"[{record.specification.citation}]({record.specification.link})"


def grouped(uses: tuple[HeaderUse, ...], key: Callable[[HeaderUse], str | None]):
    """Field names that share ``key`` (a condition, a level) together, in first-seen order."""
    groups: dict[str | None, list[str]] = {}
    for header in uses:
        groups.setdefault(key(header), []).append(header.name)
    return [(names, shared) for shared, names in groups.items()]


def by_condition(uses: list[HeaderUse]) -> list[tuple[list[str], str | None]]:
    """Field names under one condition together, in first-seen order (the status x header
    table's cells)."""
    return grouped(tuple(uses), lambda h: h.condition)


def _must_send_groups(record: CodeRecord) -> list[tuple[list[str], str | None]]:
    """The required response fields, those under one condition together, in order."""
    return grouped(must_send(record), lambda h: h.condition)


def _must_send(record: CodeRecord) -> str:
    """'`Content-Range` (single-part responses only); `ETag`, `Date` (if ...)', for the API."""
    parts = [
        ", ".join(f"`{n}`" for n in names) + (f" ({condition})" if condition else "")
        for names, condition in _must_send_groups(record)
    ]
    return "; ".join(parts) or "Nothing specific"


def _must_send_html(record: CodeRecord) -> Markup:
    if not must_send(record):
        return inert("Nothing specific")
    return Markup("; ").join(
        Markup(", ").join(Markup("<code>{}</code>").format(inert(n)) for n in names)
        + (inert(f" ({condition})") if condition else "")
        for names, condition in _must_send_groups(record)
    )


def _specification_html(record: CodeRecord) -> Markup:
    spec = record.specification
    if spec is None:
        return inert("None (vendor code)")
    return anchor(spec.link, spec.citation)


@dataclass(frozen=True)
class Column:
    label: str
    # The cell as text (Markdown where it names a header or links), as the API gives it.
    value: Callable[[CodeRecord], str]
    # The cell as HTML for a page; by default the value as plain text.
    html: Callable[[CodeRecord], Markup] | None = None
    # The fact that tells codes apart in a comparison; by default the value. (Retry: the
    # verdict, not its per-code note.)
    fact: Callable[[CodeRecord], object] | None = None

    def cell(self, record: CodeRecord) -> Markup:
        return self.html(record) if self.html else inert(self.value(record))

    def fact_of(self, record: CodeRecord) -> object:
        return self.fact(record) if self.fact else self.value(record)


COLUMNS: dict[str, Column] = {
    "summary": Column("Meaning", lambda r: r.summary),
    "use_when": Column("Use it when", lambda r: r.use_when or "Not sent by choice"),
    "status": Column("Registry status", _status),
    "cacheable": Column(
        "Cacheable by default",
        lambda r: (
            "Yes"
            if r.properties.cacheable_by_default
            else "No (only with explicit freshness information)"
        ),
    ),
    "retry": Column("Retry", _retry, fact=lambda r: r.properties.retry),
    "body": Column("Content", lambda r: BODY_LABELS[r.properties.body]),
    "must_send": Column(
        "Must send",
        _must_send,
        _must_send_html,
    ),
    "permanent": Column("Redirect", lambda r: _redirect(r, "permanent")),
    "method": Column("Method and body on redirect", lambda r: _redirect(r, "method")),
    "search_engines": Column("Search engines", lambda r: _redirect(r, "search_engines")),
    "specification": Column("Defined in", _specification, _specification_html),
}


# The rows of a code page's Properties table after its class, each shown when it applies.
PROPERTY_ROWS: tuple[tuple[str, Callable[[CodeRecord], bool]], ...] = (
    ("cacheable", lambda r: True),
    ("retry", lambda r: True),
    ("body", lambda r: True),
    ("permanent", lambda r: r.properties.redirect is not None),
    ("method", lambda r: r.properties.redirect is not None),
    ("search_engines", lambda r: r.properties.redirect is not None),
    ("must_send", lambda r: bool(must_send(r))),
)


def property_rows(record: CodeRecord) -> list[Column]:
    return [COLUMNS[key] for key, shown in PROPERTY_ROWS if shown(record)]


def verdict_label(records: list[CodeRecord]) -> str:
    """The heading of a comparison's verdicts: a choice between codes you send, or, where
    some codes are a vendor's (nobody chooses to send Cloudflare's 522), what each says."""
    return "Choose it when" if all(r.registered for r in records) else "What it tells you"

"""The content rules: what a record must say to be true and complete, checked on the
loaded site. ``python -m generator check`` and the build run the same rules, through
``loader.load_site``, so a check that passes means the build will not fail on the data.

Each rule reports through ``Source.problem``: the file, the line and the field.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator import httpmsg, identity, prose, rfc, snippets
from generator.columns import COLUMNS
from generator.headers import always_sends_for, header_uses
from generator.model import (
    FIX_SIDES,
    CodeRecord,
    Comparison,
    Fixes,
    Guide,
    GuideQuestion,
    HeaderRecord,
    Prose,
)
from generator.problems import Problem, Source
from generator.sections import sections_of
from generator.site import Site

Path_ = tuple[Any, ...]


def missing(code: int) -> str:
    return f"{code} has no record (expected a code in data/codes/)"


# --------------------------------------------------------------------------- examples


ExampleMessage = tuple[Path_, str, httpmsg.Message | str]


@identity.by_identity
def example_messages(record: CodeRecord) -> tuple[ExampleMessage, ...]:
    """(path, 'request' or 'response', parsed message or the parse error) of each step;
    parsed once for a record object (a serve rebuild keeps unchanged records' objects)."""
    found: list[ExampleMessage] = []
    for e, example in enumerate(record.examples):
        for s, step in enumerate(example.steps):
            for kind in ("request", "response"):
                text = getattr(step, kind)
                if text is None:
                    continue
                path = ("examples", e, "steps", s, kind)
                try:
                    found.append((path, kind, httpmsg.parse(text, kind=kind)))
                except httpmsg.MessageError as exc:
                    found.append((path, kind, str(exc)))
    return tuple(found)


def example_responses(record: CodeRecord) -> Iterator[tuple[Path_, httpmsg.Message]]:
    for path, kind, message in example_messages(record):
        if kind == "response" and isinstance(message, httpmsg.Message):
            yield path, message


def _content_length(message: httpmsg.Message) -> str | None:
    """A Content-Length must match the body shown, unless the body is elided with '...'."""
    declared = message.header("Content-Length")
    if declared is None or "..." in message.body:
        return None
    if message.status is not None and (message.status < 200 or message.status == 304):
        return None
    actual = len(message.body.encode("utf-8"))
    if not declared.isdigit() or int(declared) != actual:
        return (
            f"Content-Length: {declared} but the body shown is {actual} bytes "
            "(expected them to agree; end an elided body with '...')"
        )
    return None


# What a code block shows without sideways scrolling on a laptop (about 80 characters of
# the page's monospace type at 1280 px); wider header lines wrap on the page instead.
JSON_LINE_LIMIT = 80


def _wide_json_line(message: httpmsg.Message) -> str | None:
    """A JSON body is written the way a reader can read it: one member per line."""
    content_type = (message.header("Content-Type") or "").split(";")[0].strip().lower()
    if not (content_type.endswith("/json") or content_type.endswith("+json")):
        return None
    for number, line in enumerate(message.body.split("\n"), start=1):
        if len(line) > JSON_LINE_LIMIT:
            return (
                f"line {number} of the JSON body is {len(line)} characters (expected at most "
                f"{JSON_LINE_LIMIT}: pretty-print the body with 2-space indentation, and update "
                "Content-Length)"
            )
    return None


def check_examples(record: CodeRecord, source: Source) -> list[Problem]:
    problems: list[Problem] = []
    seen_own_code = False
    for e, example in enumerate(record.examples):
        for s, step in enumerate(example.steps):
            if not (step.request or step.response or step.log):
                problems.append(
                    source.problem(
                        ("examples", e, "steps", s),
                        "empty step (expected a request, a response or a log line)",
                    )
                )
            if step.log is not None and str(record.code) in step.log:
                seen_own_code = True
    requests: dict[Path_, httpmsg.Message] = {}
    for path, kind, message in example_messages(record):
        if isinstance(message, str):
            problems.append(source.problem(path, message))
            continue
        wide = _wide_json_line(message)
        if wide:
            problems.append(source.problem(path, wide))
        request = requests.get((*path[:-1], "request")) if kind == "response" else None
        if kind == "request":
            # Checked with its response: a request shown alone may stop after its header
            # section (Expect: 100-continue), its body not sent yet.
            requests[path] = message
            continue
        if request is not None:
            length = _content_length(request)
            if length:
                problems.append(source.problem((*path[:-1], "request"), length))
        if kind == "response":
            status = message.status
            assert status is not None
            if status == record.code or f"HTTP/1.1 {record.code} " in message.body:
                seen_own_code = True  # a status line, or a status inside a 207 body
            if rfc.never_has_content(status) and message.body.strip():
                problems.append(
                    source.problem(
                        path,
                        f"a {status} response has content (expected none: {rfc.NO_CONTENT_RULE})",
                    )
                )
            if request is not None and request.method == "HEAD":
                if message.body.strip():
                    problems.append(
                        source.problem(path, "a response to HEAD has content (expected none)")
                    )
                continue
        length = _content_length(message)
        if length:
            problems.append(source.problem(path, length))
    if not seen_own_code:
        what = "a response" if record.registered else "a response or log line"
        problems.append(
            source.problem(
                ("examples",), f"no example shows {record.code} (expected {what} with it)"
            )
        )
    return problems


# --------------------------------------------------------------------------- one record


GLANCE_LINE_LIMIT = 200

# The sides every registered error code must advise on: At a glance shows their first lines.
REQUIRED_FIX_SIDES = ("client", "server")
MISSING_FIXES = (
    "missing 'fixes' for a registered error code (expected client and server advice: "
    "the At a glance block shows their first lines)"
)


def _missing_fix_problems(record: CodeRecord, source: Source) -> list[Problem]:
    """A registered 4xx or 5xx code tells the reader what to do now, on both sides."""
    if not (record.registered and record.is_error):
        return []
    if record.fixes is None:
        return [source.problem(("fixes",), MISSING_FIXES)]
    labels = dict(FIX_SIDES)
    return [
        source.problem(
            ("fixes", side),
            f"no advice for a registered error code (expected at least one item: the first "
            f"is shown At a glance as '{labels[side]}')",
        )
        for side in REQUIRED_FIX_SIDES
        if not getattr(record.fixes, side)
    ]


def _fix_problems(record: CodeRecord, source: Source) -> list[Problem]:
    """Record-level fixes belong to registered error codes, which must have them; a vendor
    code's fixes belong to each vendor use. The first line of each side is shown At a
    glance: keep it short."""
    problems = _missing_fix_problems(record, source)
    if record.fixes is not None and not (record.registered and record.is_error):
        where = "each vendor use's 'fixes'" if record.vendors else "no 'fixes'"
        problems.append(
            source.problem(
                ("fixes",), f"only registered 4xx and 5xx codes carry 'fixes' (expected {where})"
            )
        )
    located: list[tuple[Path_, Fixes]] = [
        (("vendors", i, "fixes"), u.fixes) for i, u in enumerate(record.vendors)
    ]
    if record.fixes is not None:
        located.insert(0, (("fixes",), record.fixes))
    for path, fixes in located:
        for side in ("client", "server", "proxy"):
            items = getattr(fixes, side)
            if items and len(items[0]) > GLANCE_LINE_LIMIT:
                problems.append(
                    source.problem(
                        (*path, side, 0),
                        f"{len(items[0])} characters (expected at most {GLANCE_LINE_LIMIT}: "
                        "the first item is the one line shown At a glance)",
                    )
                )
    return problems


def check_record(record: CodeRecord, source: Source, stem: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: Path_, message: str) -> None:
        problems.append(source.problem(path, message))

    if stem != str(record.code):
        add(("code",), f"{record.code} does not match the file name (expected {stem})")
    if record.registered:
        if record.use_when is None:
            add(("use_when",), "missing required field for a registered code")
        if not record.when_to_use:
            add(("when_to_use",), "empty list for a registered code (expected at least 1)")
        if not record.when_not_to_use:
            add(("when_not_to_use",), "empty list for a registered code (expected at least 1)")
        spec = record.specification
        assert spec is not None
        if spec.document.startswith("draft-") and not spec.url:
            add(("specification", "url"), "missing (expected a link for a draft)")
        if spec.status == "temporary" and not (spec.registered and spec.expires):
            add(
                ("specification",),
                "a temporary registration needs 'registered' and 'expires' dates",
            )
    elif not record.vendors:
        add(
            ("vendors",),
            "an unregistered code needs at least one vendor use "
            "(expected 'specification' for a registered code, or 'vendors')",
        )
    problems += _fix_problems(record, source)
    if record.properties.redirect is not None and record.class_digit != 3:
        add(("properties", "redirect"), "only 3xx codes are redirects (expected no 'redirect')")
    if rfc.never_has_content(record.code) and record.properties.body != "none":
        add(
            ("properties", "body"),
            f"{record.properties.body!r} for a code whose responses never have content "
            f"(expected 'none': {rfc.NO_CONTENT_RULE})",
        )
    cacheable = record.registered and record.code in rfc.CACHEABLE_BY_DEFAULT
    if record.properties.cacheable_by_default != cacheable:
        add(
            ("properties", "cacheable_by_default"),
            f"{str(record.properties.cacheable_by_default).lower()} (expected "
            f"{str(cacheable).lower()}: RFC 9110 section 15.1 and RFC 7725 list the codes "
            "that are cacheable by default, and no unofficial code is)",
        )
    rules = {rule.name: rule for rule in rfc.header_rules(record.code)}
    for i, header in enumerate(record.headers):
        rule = rules.get(header.name) if header.where == "response" else None
        if rule is None:
            continue
        if header.requirement != rule.requirement:
            add(
                ("headers", i, "requirement"),
                f"{header.requirement!r} for {header.name} (expected {rule.requirement!r}: "
                f"{rule.citation})",
            )
        if header.condition not in (None, rule.condition):
            add(
                ("headers", i, "condition"),
                f"{header.condition!r} (expected {rule.condition!r}, the condition of "
                f"{rule.citation}; leave it out and the page shows that one)",
            )
    problems += check_examples(record, source)
    problems += check_field_values(record, source)
    return problems


# --------------------------------------------------------------------------- header records

# Header page file names the /headers/ section keeps for its own pages.
RESERVED_HEADER_STEMS = frozenset({"index", "status-matrix"})


def check_header(header: HeaderRecord, source: Source, stem: str) -> list[Problem]:
    """One header record: named for its file, defined somewhere a reader can follow, its
    example made of lines of that field."""
    problems: list[Problem] = []

    def add(path: Path_, message: str) -> None:
        problems.append(source.problem(path, message))

    if stem != header.slug:
        add(
            ("name",),
            f"{header.name!r} does not match the file name (expected {stem}.yaml "
            "to hold the field whose lower-case name is " + repr(stem) + ")",
        )
    if stem in RESERVED_HEADER_STEMS:
        add(
            ("name",),
            f"{stem!r} is the name of a page of the headers section (expected another file name)",
        )
    definition = header.defined_in
    if not definition.is_rfc and definition.url is None:
        add(("defined_in", "url"), "missing (expected a link to the vendor's documentation)")
    if not definition.is_rfc and definition.section is not None:
        add(
            ("defined_in", "section"),
            "a section number for a document that is no RFC (expected it only with 'RFC <number>')",
        )
    if header.syntax is not None and not definition.is_rfc:
        add(
            ("syntax",),
            "ABNF from a document that is no RFC (expected 'syntax' only "
            "when 'defined_in' names the RFC it is copied from)",
        )
    for number, line in enumerate(header.example.strip().splitlines(), start=1):
        name, colon, _ = line.partition(":")
        if not colon or name.strip().lower() != header.slug:
            add(
                ("example",),
                f"line {number} is {line[:60]!r} (expected a field line "
                f"such as '{header.name}: value')",
            )
    return problems


def check_header_pages(site: Site) -> list[Problem]:
    """Every header field a code page lists has a header record, so its link resolves.
    (Checked once the data has header records at all: a data folder without them builds
    code pages whose header names are plain text.)"""
    problems = []
    for code, record in sorted(site.codes.items()):
        source = site.sources[("code", code)]
        named = {h.name.lower(): i for i, h in enumerate(record.headers)}
        for use in header_uses(record):
            if use.name.lower() in site.headers:
                continue
            where = (
                ("headers", named[use.name.lower()], "name")
                if use.name.lower() in named
                else ("headers",)
            )
            problems.append(
                source.problem(
                    where,
                    f"{use.name} has no header record (expected "
                    f"data/headers/{use.name.lower()}.yaml: every header on a code page "
                    "links to its page)",
                )
            )
    return problems


# --------------------------------------------------------------------------- vendors


def check_products(site: Site) -> list[Problem]:
    """Each product names vendor uses and other pages that exist, and no vendor use
    belongs to two products."""
    source = site.sources[("vendors",)]
    problems: list[Problem] = []
    used = {use.vendor for record in site.codes.values() for use in record.vendors}
    owner: dict[str, str] = {}
    for i, product in enumerate(site.products):
        for j, vendor in enumerate(product.vendors):
            where = ("products", i, "vendors", j)
            if vendor not in used:
                problems.append(
                    source.problem(
                        where,
                        f"{vendor!r} is the vendor of no code record's use "
                        "(expected a 'vendor' value from data/codes/)",
                    )
                )
            elif vendor in owner:
                problems.append(
                    source.problem(
                        where,
                        f"{vendor!r} already belongs to {owner[vendor]!r} "
                        "(expected each vendor in one product)",
                    )
                )
            owner.setdefault(vendor, product.name)
        for j, slug in enumerate(product.other):
            if slug not in site.others:
                problems.append(
                    source.problem(
                        ("products", i, "other", j),
                        f"{slug!r} has no page (expected a file in data/other/)",
                    )
                )
        problems += check_links(site, product, source, ("products", i))
    return problems


# --------------------------------------------------------------------------- links


@identity.by_identity
def prose_fields(item: Any) -> tuple[tuple[Path_, Prose], ...]:
    """(path, text) for every Markdown field of a record or other model; walked once for
    an object (a serve rebuild keeps unchanged records' objects)."""
    return tuple(_each_prose_field(item, ()))


def _each_prose_field(item: Any, path: Path_) -> Iterator[tuple[Path_, Prose]]:
    if isinstance(item, BaseModel):
        for name in type(item).model_fields:
            yield from _each_prose_field(getattr(item, name), (*path, name))
    elif isinstance(item, list):
        for i, value in enumerate(item):
            yield from _each_prose_field(value, (*path, i))
    elif isinstance(item, Prose):
        yield path, item


def link_problem(site: Site, target: str) -> str | None:
    """Why a link to this site ('404.md#faq') would not resolve, or None."""
    src, _, anchor = target.partition("#")
    code = src.removesuffix(".md")
    if len(code) == 3 and code.isdigit():
        record = site.codes.get(int(code))
        if record is None:
            return None if site.knows(int(code)) else f"links to /{target}, but {missing(code)}"
        anchors = [section.id for section in sections_of(record, site)]
        if anchor and anchor not in anchors:
            return (
                f"links to /{target}, but the {code} page has no section #{anchor} "
                f"(expected one of: {', '.join(anchors)})"
            )
        return None
    if src not in site.page_sources():
        return (
            f"links to /{src}, which is not a page of this site (expected a code such as /404.md)"
        )
    if anchor:
        return f"links to /{target}: only code pages have sections a record may link to"
    return None


def check_links(site: Site, item: Any, source: Source, prefix: Path_ = ()) -> list[Problem]:
    problems = []
    for path, text in prose_fields(item):
        for target in prose.render(text).targets:
            problem = link_problem(site, target)
            if problem:
                problems.append(source.problem((*prefix, *path), problem))
    return problems


# --------------------------------------------------------------------------- across records


def check_references(site: Site, record: CodeRecord, source: Source) -> list[Problem]:
    """Codes a record names exist; the status lines of its examples use their phrases."""
    problems: list[Problem] = []

    def add(path: Path_, message: str) -> None:
        problems.append(source.problem(path, message))

    for i, other in enumerate(record.related):
        if not site.knows(other):
            add(("related", i), missing(other))
        elif other == record.code:
            add(("related", i), "a code cannot be related to itself")
    for i, alt in enumerate(record.when_not_to_use):
        for j, other in enumerate(alt.instead):
            if not site.knows(other):
                add(("when_not_to_use", i, "instead", j), missing(other))
    for i, vendor in enumerate(record.vendors):
        for j, other in enumerate(vendor.stands_in_for):
            if not site.knows(other):
                add(("vendors", i, "stands_in_for", j), missing(other))
        if vendor.client_receives is not None and not site.knows(vendor.client_receives):
            add(("vendors", i, "client_receives"), missing(vendor.client_receives))
    for path, message in example_responses(record):
        status = message.status or 0
        for name in always_sends_for(status, site.codes.get(status)):
            if not message.has_header(name):
                add(
                    path,
                    f"a {status} response without {name} (expected it: every {status} "
                    "response carries it)",
                )
        other = site.codes.get(message.status or 0)
        if other is None or message.reason is None or not other.registered:
            continue
        allowed = {other.phrase}
        if other.specification and other.specification.status == "unused":
            allowed |= {p.name for p in other.specification.previous_names}
        if message.reason not in allowed:
            add(
                path,
                f"status line says {message.status} {message.reason!r} "
                f"(expected the registry's phrase {other.phrase!r})",
            )
    return problems


def check_comparison(site: Site, group: Comparison, source: Source) -> list[Problem]:
    problems = []
    for i, code in enumerate(group.codes):
        if not site.knows(code):
            problems.append(source.problem(("codes", i), missing(code)))
    if len(set(group.codes)) != len(group.codes):
        problems.append(source.problem(("codes",), "a code is listed twice"))
    for i, former in enumerate(group.former_slugs):
        if former in site.comparisons:
            problems.append(
                source.problem(
                    ("former_slugs", i),
                    f"'{former}' is the URL of a comparison today "
                    "(expected a former URL that no comparison uses)",
                )
            )
    records = [site.codes[code] for code in group.codes if code in site.codes]
    for i, name in enumerate(group.columns):
        column = COLUMNS[name]
        facts = {repr(column.fact_of(record)) for record in records}
        if len(records) > 1 and len(facts) == 1:
            problems.append(
                source.problem(
                    ("columns", i),
                    f"'{name}' ({column.label}) is the same for every code in this group "
                    "(expected only columns that tell the codes apart: remove it, or say it "
                    "once in the intro)",
                )
            )
        if name == "use_when" and group.verdicts:
            problems.append(
                source.problem(
                    ("columns", i),
                    "'use_when' repeats what the verdicts say for this group "
                    "(expected the verdicts or the column, not both)",
                )
            )
    for i, verdict in enumerate(group.verdicts):
        if verdict.code not in group.codes:
            problems.append(
                source.problem(
                    ("verdicts", i, "code"),
                    f"{verdict.code} is not one of this group's codes "
                    f"(expected one of {', '.join(map(str, group.codes))})",
                )
            )
    return problems


def check_guide(site: Site, guide: Guide, source: Source) -> list[Problem]:
    """Every answer leads to exactly one of a code or a further question; codes exist."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}

    def walk(question: GuideQuestion, path: Path_) -> None:
        where = source.problem((*path, "id"), "").field
        if question.id in seen:
            problems.append(
                source.problem(
                    (*path, "id"),
                    f"'{question.id}' is already used at {seen[question.id]} "
                    "(expected a unique anchor)",
                )
            )
        seen[question.id] = where
        for i, answer in enumerate(question.answers):
            here = (*path, "answers", i)
            if (answer.code is None) == (answer.next is None):
                problems.append(
                    source.problem(
                        here,
                        "expected exactly one of 'code' (a leaf) or 'next' (a further question)",
                    )
                )
            if answer.code is not None and not site.knows(answer.code):
                problems.append(source.problem((*here, "code"), missing(answer.code)))
            for j, code in enumerate(answer.also):
                if not site.knows(code):
                    problems.append(source.problem((*here, "also", j), missing(code)))
            if answer.next is not None:
                walk(answer.next, (*here, "next"))

    for b, branch in enumerate(guide.branches):
        walk(branch.start, ("branches", b, "start"))
    return problems


def check_site(site: Site) -> list[Problem]:
    """Every rule that needs more than one record, over the whole loaded site."""
    problems: list[Problem] = []
    for code, record in sorted(site.codes.items()):
        source = site.sources[("code", code)]
        problems += check_references(site, record, source)
        problems += check_links(site, record, source)
    for slug, group in sorted(site.comparisons.items()):
        source = site.sources[("comparison", slug)]
        problems += check_comparison(site, group, source)
        problems += check_links(site, group, source)
    if site.headers:
        problems += check_header_pages(site)
        for slug, header in sorted(site.headers.items()):
            problems += check_links(site, header, site.sources[("header", slug)])
    for slug, other in sorted(site.others.items()):
        source = site.sources[("other", slug)]
        if slug == "index":
            problems.append(
                source.file_problem(
                    "(file)",
                    "index is the name of the section's own page (expected another file name)",
                )
            )
        for i, code in enumerate(other.related):
            if not site.knows(code):
                problems.append(source.problem(("related", i), missing(code)))
        problems += check_links(site, other, source)
    if site.products:
        problems += check_products(site)
    classes = site.sources.get(("classes",))
    if classes is not None:
        for i, code_class in enumerate(site.classes.values()):
            problems += check_links(site, code_class, classes, ("classes", i))
        for digit in sorted({r.class_digit for r in site.codes.values()}):
            if digit not in site.classes:
                problems.append(
                    classes.file_problem(
                        "classes", f"class {digit}xx has records but no description"
                    )
                )
    if site.guide is not None:
        source = site.sources[("guide",)]
        problems += check_guide(site, site.guide, source)
        problems += check_links(site, site.guide, source)
    problems += snippets.check(site)
    return problems


# --------------------------------------------------------------------------- field values

HTTP_DATE_FIELDS = ("Date", "Last-Modified", "Expires", "If-Modified-Since", "If-Unmodified-Since")


def http_date_problem(value: str) -> str | None:
    """Why ``value`` is not an IMF-fixdate (RFC 9110 section 5.6.7), or None."""
    try:
        parsed = datetime.datetime.strptime(value, "%a, %d %b %Y %H:%M:%S GMT")
    except ValueError:
        return (
            f"{value!r} is not an HTTP date (expected an IMF-fixdate such as "
            "'Sun, 06 Nov 1994 08:49:37 GMT', RFC 9110 section 5.6.7)"
        )
    weekday = parsed.strftime("%a")
    if not value.startswith(weekday):
        return f"{value!r}: that day was a {weekday} (expected the weekday to match the date)"
    return None


def field_value_problems(message: httpmsg.Message) -> list[str]:
    """Date fields are IMF-fixdates; Retry-After is delay-seconds or an HTTP date."""
    problems = []
    for name, value in message.headers:
        if name.lower() in (f.lower() for f in HTTP_DATE_FIELDS):
            problem = http_date_problem(value)
            if problem:
                problems.append(f"{name}: {problem}")
        elif name.lower() == "retry-after" and not value.isdigit():
            problem = http_date_problem(value)
            if problem:
                problems.append(
                    f"Retry-After: {value!r} is neither a number of seconds nor an HTTP date "
                    "(RFC 9110 section 10.2.3)"
                )
    return problems


def problem_details_problem(message: httpmsg.Message) -> str | None:
    """An application/problem+json body is an RFC 9457 object whose status is the response's."""
    content_type = (message.header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type != "application/problem+json" or "..." in message.body:
        return None
    try:
        body = json.loads(message.body)
    except ValueError as exc:
        return f"the application/problem+json body is not JSON ({exc})"
    if not isinstance(body, dict):
        return "the application/problem+json body is not a JSON object (RFC 9457 section 3)"
    for member in ("type", "title", "detail", "instance"):
        if member in body and not isinstance(body[member], str):
            return f"problem details member {member!r} is not a string (RFC 9457 section 3.1)"
    if "status" in body and body["status"] != message.status:
        return (
            f"problem details say status {body['status']!r} in a {message.status} response "
            "(expected them equal, RFC 9457 section 3.1.2)"
        )
    return None


def check_field_values(record: CodeRecord, source: Source) -> list[Problem]:
    problems = []
    for path, _kind, message in example_messages(record):
        if isinstance(message, str):
            continue
        problems += [source.problem(path, p) for p in field_value_problems(message)]
        if message.status is not None:
            problem = problem_details_problem(message)
            if problem:
                problems.append(source.problem(path, problem))
    return problems

"""Framework snippets: how to send a code from FastAPI, Flask, Express, Go and the rest.

A snippet is "status + required headers + body" in one framework's idiom. Nobody writes
nine times sixty snippets: each framework has one template,
``templates/snippets/<framework>.j2``, rendered from a code's parameters in
``data/snippets.yaml`` (method, header values, body) and from facts the site already
holds: the constant names of the "In code" section (so the two sections never disagree),
whether the code has content (generator.rfc) and whether it is a redirect.

The text rendered here is exactly what the page shows and what the tests run
(tests/test_snippets.py). Values reach the code only through the quoting functions below,
and the model allows header values no backslash, "$" or "#", so no value can end a string
literal or interpolate into one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator import identity, rfc
from generator.headers import header_uses
from generator.model import CodeRecord, Framework, SnippetCode
from generator.problems import Problem, Source
from generator.site import Site

TEMPLATES = Path(__file__).parent / "templates" / "snippets"
# The widest line a snippet may have: wider ones scroll sideways in the page's code block
# at 1280 px (a tab counts as four columns, as the site's code blocks show it).
MAX_COLUMNS = 79
TAB_COLUMNS = 4
# What a map literal on one line leaves for the rest of its line (key, status, brackets).
ONE_LINE_ROOM = 20
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Which "In code" constants each framework's snippets use, so that both sections agree.
CONSTANT_LIBRARY = {
    "python": "python",
    "go": "go",
    "java": "java",
    "csharp": "aspnetcore",
    "ruby": "rails",
}
# Header fields the body itself supplies (the framework sets it from the body).
BODY_HEADERS = frozenset({"Content-Type"})


@dataclass(frozen=True)
class Snippet:
    """One framework's snippet for one code: the text, and what it sends."""

    framework: str
    code: int
    text: str
    method: str
    headers: tuple[tuple[str, str], ...]
    # None for redirects: each framework's helper writes its own short body, or none.
    has_body: bool | None
    body_kind: str  # problem, json, text, none, redirect
    content_type: str | None


@dataclass(frozen=True)
class Tab:
    """A framework's tab on one code page: its snippet, or why it has none."""

    id: str
    framework: Framework
    snippet: Snippet | None
    reason: str | None


# --------------------------------------------------------------------------- quoting


def quote(language: str, value: str) -> str:
    """``value`` as a string literal of ``language`` (values never hold a backslash)."""
    if language == "php":
        return "'" + value.replace("'", "\\'") + "'"
    if language in ("python", "javascript", "ruby") and '"' in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', '\\"') + '"'


def _scalar(language: str, value: str | int) -> str:
    return str(value) if isinstance(value, int) else quote(language, value)


def _pair(language: str, key: str, value: str | int) -> tuple[str, str]:
    """A map entry as (key with its separator, value)."""
    shown = _scalar(language, value)
    if language in ("javascript", "ruby") and key.isidentifier():
        return f"{key}:", shown
    if language == "javascript":
        return f"{quote(language, key)}:", shown
    if language == "ruby":
        return f"{quote(language, key)} =>", shown
    if language == "csharp":
        return f"{key} =", shown
    if language == "php":
        return f"{quote(language, key)} =>", shown
    if language == "java":
        return f"{quote(language, key)},", shown
    return f"{quote(language, key)}:", shown


# open, close, padding inside the brackets on one line, trailing comma on the last line
_MAPS = {
    "python": ("{", "}", "", ","),
    "go": ("map[string]any{", "}", "", ","),
    "javascript": ("{", "}", " ", ","),
    "ruby": ("{", "}", " ", ""),
    "php": ("[", "]", "", ","),
    "csharp": ("new {", "}", " ", ","),
    "java": ("Map.of(", ")", "", ""),
}


def mapping(
    language: str, items: dict[str, str | int], indent: str = "", room: int = ONE_LINE_ROOM
) -> str:
    """A map literal: on one line where it fits, else one entry a line, indented one step
    deeper than ``indent``, as the language's formatter would."""
    open_, close, pad, last = _MAPS[language]
    pairs = [_pair(language, k, v) for k, v in items.items()]
    inner = ", ".join(f"{k} {v}" for k, v in pairs)
    one_line = f"{open_}{pad}{inner}{pad}{close}" if inner else f"{open_}{close}"
    # One line when it fits with room for what follows it on the line (a key before it,
    # a status after it); one entry a line otherwise.
    if len(pairs) <= 1 or len(indent) + len(one_line) + room <= MAX_COLUMNS:
        return one_line
    # Go's indentation is spaces too: Markdown turns tabs in a code block into spaces, so
    # the page could not show gofmt's tabs, and the text run is the text shown.
    unit = {"javascript": "  ", "ruby": "  "}.get(language, "    ")
    width = max(len(k) for k, _ in pairs) if language == "go" else 0  # gofmt aligns
    lines = [f"{indent}{unit}{k.ljust(width)} {v}," for k, v in pairs]
    lines[-1] = lines[-1][:-1] + last
    return "\n".join([open_, *lines, indent + close])


# --------------------------------------------------------------------------- parameters


def constant(record: CodeRecord, language: str) -> str | None:
    """The "In code" name the snippet uses: one that works in every supported version
    without a deprecation warning; None means the snippet uses the number."""
    library = CONSTANT_LIBRARY.get(language)
    if library is None:
        return None
    for entry in record.constants.names(library):
        if entry.since is None and entry.deprecated is None:
            return entry.name
    return None


def body_kind(record: CodeRecord, params: SnippetCode) -> str:
    if rfc.never_has_content(record.code) or record.properties.body == "none":
        return "none"
    if params.body is not None:
        return "text" if isinstance(params.body, str) else "json"
    if record.code in REDIRECTS and "Location" in params.headers:
        return "redirect"
    if record.is_error:
        return "problem"
    return "none"


def required_headers(record: CodeRecord) -> list[str]:
    """The response fields the code must or should always send (no condition)."""
    return [
        h.name
        for h in header_uses(record)
        if h.where == "response"
        and h.requirement in ("must", "should")
        and h.condition is None
        and h.name not in BODY_HEADERS
    ]


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # source code, not HTML: values are quoted by language instead
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


_ENV = _environment()


def render(
    framework_id: str, framework: Framework, record: CodeRecord, params: SnippetCode
) -> Snippet:
    """A framework's snippet for ``record``. Made once per record and template: the code
    page, its frameworks page, the API and the checks all ask, and a serve rebuild keeps
    the objects of unchanged files; an edited template (serve watches them) makes its
    snippets again."""
    try:
        edited = (TEMPLATES / f"{framework_id}.j2").stat().st_mtime_ns
    except OSError:
        edited = None
    return _made(framework_id, edited, framework, record, params)


@identity.by_identity
def _made(
    framework_id: str,
    edited: int | None,
    framework: Framework,
    record: CodeRecord,
    params: SnippetCode,
) -> Snippet:
    return _render(framework_id, framework, record, params)


def _render(
    framework_id: str, framework: Framework, record: CodeRecord, params: SnippetCode
) -> Snippet:
    language = framework.language
    kind = body_kind(record, params)
    headers = dict(params.headers)
    location = headers.pop("Location", None) if kind == "redirect" else None
    problem = {"title": record.phrase, "status": record.code}
    body: dict | str | None = problem if kind == "problem" else params.body
    content_type = {
        "problem": "application/problem+json",
        "json": None,
        "text": params.content_type or "text/plain",
    }.get(kind)
    name = constant(record, language)
    context = {
        "code": record.code,
        "phrase": record.phrase,
        "status": name or str(record.code),
        "named": name is not None,
        "method": params.method,
        "kind": kind,
        "headers": headers,
        "location": location,
        "body": body,
        "content_type": content_type,
        # The headers with Content-Type, for frameworks that set the type as a header.
        "typed_headers": {**headers, **({"Content-Type": content_type} if content_type else {})},
        "q": lambda value: quote(language, value),
        "mapping": lambda items, indent="", room=ONE_LINE_ROOM: mapping(
            language, items, indent, room
        ),
    }
    text = _ENV.get_template(f"{framework_id}.j2").render(context).strip("\n") + "\n"
    sent = tuple(params.headers.items())
    return Snippet(
        framework=framework_id,
        code=record.code,
        text=text,
        method=params.method,
        headers=sent,
        has_body=None if kind == "redirect" else kind != "none",
        body_kind=kind,
        content_type=content_type,
    )


# --------------------------------------------------------------------------- per page


def frameworks(site: Site) -> list[tuple[str, Framework]]:
    return sorted(site.frameworks.items(), key=lambda item: (item[1].order, item[0]))


def params_of(site: Site, record: CodeRecord) -> SnippetCode | None:
    if site.snippets is None or not record.registered:
        return None
    return site.snippets.codes.get(str(record.code))


def tabs(site: Site, record: CodeRecord) -> list[Tab]:
    """The frameworks' tabs of a code page; empty when the code has no snippets."""
    params = params_of(site, record)
    if params is None or params.not_sent is not None:
        return []
    result = []
    for framework_id, framework in frameworks(site):
        reason = framework.not_published.get(str(record.code))
        snippet = None if reason else render(framework_id, framework, record, params)
        result.append(Tab(framework_id, framework, snippet, reason))
    return result


def all_snippets(site: Site) -> list[Snippet]:
    """Every snippet the site publishes, for the tests that run them."""
    return [
        tab.snippet
        for code in sorted(site.codes)
        for tab in tabs(site, site.codes[code])
        if tab.snippet is not None
    ]


def columns(line: str) -> int:
    return len(line.expandtabs(TAB_COLUMNS))


# --------------------------------------------------------------------------- checks


def check(site: Site) -> list[Problem]:
    """What data/snippets.yaml and data/frameworks/ must satisfy, with file and line."""
    source = site.sources.get(("snippets",))
    if source is None or site.snippets is None:
        return []
    problems: list[Problem] = []
    entries = site.snippets.codes
    for code, record in sorted(site.codes.items()):
        if record.registered and str(code) not in entries:
            problems.append(
                source.problem(
                    ("codes",),
                    f"{code} has no entry (expected parameters or not_sent for every "
                    "registered code)",
                )
            )
    for key, params in sorted(entries.items()):
        path: tuple = ("codes", key)
        record = site.codes.get(int(key))
        if record is None or not record.registered:
            problems.append(
                source.problem(path, f"{key} is not a registered code with a record here")
            )
            continue
        if params.not_sent is not None:
            if params.headers or params.body is not None or params.content_type:
                problems.append(
                    source.problem(path, "has not_sent and parameters (expected one or the other)")
                )
            continue
        problems += _check_params(site, source, record, params, path)
    for framework_id, framework in frameworks(site):
        shown = site.sources[("framework", framework_id)]
        if not (TEMPLATES / f"{framework_id}.j2").is_file():
            problems.append(
                shown.file_problem(
                    "(file)",
                    f"has no template (expected generator/templates/snippets/{framework_id}.j2)",
                )
            )
        for code in framework.not_published:
            params = entries.get(code)
            known = int(code) in site.codes
            if (params is None and known) or (params is not None and params.not_sent):
                problems.append(
                    shown.problem(
                        ("not_published", code),
                        f"{code} has no snippets anyway (expected a code data/snippets.yaml "
                        "gives parameters)",
                    )
                )
    return problems


def _check_params(
    site: Site, source: Source, record: CodeRecord, params: SnippetCode, path: tuple
) -> list[Problem]:
    problems = []
    missing = [name for name in required_headers(record) if name not in params.headers]
    if missing:
        problems.append(
            source.problem(
                (*path, "headers"),
                f"lacks {', '.join(missing)} (expected a value for every header field "
                f"{record.code} must or should always send)",
            )
        )
    kind = body_kind(record, params)
    if kind == "none" and params.body is not None:
        problems.append(
            source.problem(
                (*path, "body"), f"{record.code} responses have no content (expected no body)"
            )
        )
    if kind == "none" and record.properties.body == "expected":
        problems.append(
            source.problem(path, f"{record.code} responses usually have content (expected a body)")
        )
    if params.content_type and kind != "text":
        problems.append(source.problem((*path, "content_type"), "is only for a text body"))
    if problems:
        return problems
    for framework_id, framework in frameworks(site):
        template = TEMPLATES / f"{framework_id}.j2"
        if str(record.code) in framework.not_published or not template.is_file():
            continue
        snippet = render(framework_id, framework, record, params)
        for number, line in enumerate(snippet.text.splitlines(), 1):
            if columns(line) > MAX_COLUMNS:
                problems.append(
                    source.problem(
                        path,
                        f"the {framework.label} snippet's line {number} is {columns(line)} "
                        f"columns wide (expected at most {MAX_COLUMNS}, so that it does not "
                        "scroll sideways: use shorter values)",
                    )
                )
                break
    return problems

"""Load every record under ``data/``, validate all of it, and fail once with every problem.

Three passes, each collecting problems instead of stopping at the first:
1. each file parses as UTF-8 YAML into a mapping, with no duplicate keys;
2. each mapping validates against its model (types, required fields, unknown fields);
3. the records are checked as content (examples parse, status lines match, codes that
   are referenced exist, registered and unofficial codes carry what they must).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator import httpmsg, prose
from generator.model import (
    ClassFile,
    CodeRecord,
    Comparison,
    Guide,
    GuideQuestion,
    Prose,
)
from generator.problems import DataError, Problem
from generator.sections import sections_of
from generator.site import Site
from generator.yamlsource import Located, dotted, load_yaml

M = TypeVar("M", bound=BaseModel)

NO_CONTENT_CODES = {204, 304}


# --------------------------------------------------------------------------- pydantic


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return f"a {type(value).__name__} ({value})"


def _type_message(error: dict[str, Any], raw: str | None) -> str:
    kind = error["type"]
    value = error.get("input")
    expected = {
        "string_type": "text",
        "int_type": "a whole number",
        "bool_type": "true or false",
        "list_type": "a list",
        "dict_type": "a mapping",
        "model_type": "a mapping",
        "model_attributes_type": "a mapping",
        "date_type": "a date (YYYY-MM-DD)",
    }[kind]
    got = _describe(value)
    hint = ""
    if kind == "string_type" and isinstance(value, bool) and raw is not None:
        hint = f"; YAML reads a bare {raw} as a boolean: write it in quotes"
    elif kind == "string_type" and raw is not None and not isinstance(value, int | float):
        hint = f"; YAML read the bare {raw} as a {type(value).__name__}: write it in quotes"
    elif kind == "string_type" and isinstance(value, dict):
        hint = "; an unquoted line with ': ' in it becomes a key: quote it or use a | block"
    elif kind == "string_type" and isinstance(value, int | float):
        hint = "; write it in quotes if it is meant as text"
    return f"expected {expected}, got {got}{hint}"


def _pydantic_problems(
    exc: ValidationError, model: type[BaseModel], located: Located, name: str
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        field_name = dotted(loc)
        line = located.line_of(loc)
        if kind == "missing":
            parent = _model_at(model, loc[:-1])
            described = _field_description(parent, str(loc[-1]))
            message = "missing required field" + (f" ({described})" if described else "")
        elif kind == "extra_forbidden":
            parent = _model_at(model, loc[:-1])
            known = list(parent.model_fields) if parent else []
            close = difflib.get_close_matches(str(loc[-1]), known, n=1)
            if close:
                message = f"unknown field (did you mean '{close[0]}'?)"
            else:
                message = f"unknown field (expected one of: {', '.join(known)})"
        elif kind in {
            "string_type",
            "int_type",
            "bool_type",
            "list_type",
            "dict_type",
            "model_type",
            "model_attributes_type",
            "date_type",
        }:
            message = _type_message(error, located.raw.get(loc))
        elif kind == "literal_error":
            message = f"{error['input']!r} is not allowed (expected {error['ctx']['expected']})"
        elif kind == "too_short":
            actual = error["ctx"].get("actual_length", 0)
            need = error["ctx"].get("min_length")
            message = (
                "empty list" if actual == 0 else f"only {actual} item{'s' if actual != 1 else ''}"
            ) + f" (expected at least {need})"
        elif kind == "too_long":
            actual = error["ctx"].get("actual_length")
            most = error["ctx"].get("max_length")
            message = f"{actual} items (expected at most {most})"
        elif kind == "string_too_long":
            message = (
                f"{len(error['input'])} characters (expected at most {error['ctx']['max_length']})"
            )
        elif kind == "string_pattern_mismatch":
            pattern = error["ctx"]["pattern"]
            message = f"{error['input']!r} does not match the expected form {pattern}"
        elif kind in {"greater_than_equal", "less_than_equal"}:
            message = f"{error['input']} is out of range (expected 100 to 599)"
            if field_name == "digit" or field_name.endswith(".digit"):
                message = f"{error['input']} is out of range (expected 1 to 5)"
        elif kind == "value_error":
            message = error["msg"].removeprefix("Value error, ")
        else:
            message = error["msg"]
        problems.append(Problem(name, line, field_name, message))
    return problems


def _model_at(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """Follow a path of field names through nested models (list indexes are skipped)."""
    current = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        current = _model_in(info.annotation)
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None


def _field_description(model: type[BaseModel] | None, name: str) -> str | None:
    if model is None or name not in model.model_fields:
        return None
    return model.model_fields[name].description


def _validate(model: type[M], located: Located, name: str) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(located.data), []
    except ValidationError as exc:
        return None, _pydantic_problems(exc, model, located, name)


# --------------------------------------------------------------------------- content checks


def _check_examples(record: CodeRecord, located: Located, name: str) -> list[Problem]:
    problems: list[Problem] = []
    seen_own_code = False
    for e, example in enumerate(record.examples):
        for s, step in enumerate(example.steps):
            base = ("examples", e, "steps", s)
            if not (step.request or step.response or step.log):
                problems.append(
                    Problem(
                        name,
                        located.line_of(base),
                        dotted(base),
                        "empty step (expected a request, a response or a log line)",
                    )
                )
                continue
            request = None
            if step.request is not None:
                try:
                    request = httpmsg.parse(step.request, kind="request")
                except httpmsg.MessageError as exc:
                    path = (*base, "request")
                    problems.append(Problem(name, located.line_of(path), dotted(path), str(exc)))
            if step.log is not None and str(record.code) in step.log:
                seen_own_code = True
            if step.response is None:
                continue
            path = (*base, "response")
            try:
                response = httpmsg.parse(step.response, kind="response")
            except httpmsg.MessageError as exc:
                problems.append(Problem(name, located.line_of(path), dotted(path), str(exc)))
                continue
            status = response.status
            assert status is not None
            if status == record.code or f"HTTP/1.1 {record.code} " in response.body:
                seen_own_code = True  # a status line, or a status inside a 207 body
            if (status < 200 or status in NO_CONTENT_CODES) and response.body.strip():
                problems.append(
                    Problem(
                        name,
                        located.line_of(path),
                        dotted(path),
                        f"a {status} response has content (expected none: "
                        "1xx, 204 and 304 responses end after the header section)",
                    )
                )
            if request is None or request.method != "HEAD":
                problems += _content_length_problems(response, name, located, path)
            if request is not None:
                problems += _content_length_problems(request, name, located, (*base, "request"))
            if request and request.method == "HEAD" and response.body.strip():
                problems.append(
                    Problem(
                        name,
                        located.line_of(path),
                        dotted(path),
                        "a response to HEAD has content (expected none)",
                    )
                )
    if not seen_own_code:
        what = "a response" if record.registered else "a response or log line"
        problems.append(
            Problem(
                name,
                located.line_of(("examples",)),
                "examples",
                f"no example shows {record.code} (expected {what} with it)",
            )
        )
    return problems


def _content_length_problems(
    message: httpmsg.Message, name: str, located: Located, path: tuple[Any, ...]
) -> list[Problem]:
    """A Content-Length must match the body shown, unless the body is elided with '...'."""
    declared = message.header("Content-Length")
    if declared is None or "..." in message.body:
        return []
    if message.status is not None and (message.status < 200 or message.status == 304):
        return []
    actual = len(message.body.encode("utf-8"))
    if not declared.isdigit() or int(declared) != actual:
        return [
            Problem(
                name,
                located.line_of(path),
                dotted(path),
                f"Content-Length: {declared} but the body shown is {actual} bytes "
                "(expected them to agree; end an elided body with '...')",
            )
        ]
    return []


def _example_responses(record: CodeRecord):
    for e, example in enumerate(record.examples):
        for s, step in enumerate(example.steps):
            if step.response is None:
                continue
            try:
                yield (
                    ("examples", e, "steps", s, "response"),
                    httpmsg.parse(step.response, kind="response"),
                )
            except httpmsg.MessageError:
                continue  # reported by _check_examples


def _check_record(record: CodeRecord, located: Located, name: str, stem: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(name, located.line_of(path), dotted(path), message))

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
    if record.properties.redirect is not None and record.class_digit != 3:
        add(("properties", "redirect"), "only 3xx codes are redirects (expected no 'redirect')")
    if (record.code < 200 or record.code in NO_CONTENT_CODES) and record.properties.body != "none":
        add(
            ("properties", "body"),
            f"{record.properties.body!r} for a code whose responses never have content "
            "(expected 'none')",
        )
    problems += _check_examples(record, located, name)
    own = [(path, msg) for path, msg in _example_responses(record) if msg.status == record.code]
    for header in record.must_send:
        if own and not any(msg.has_header(header) for _, msg in own):
            add(
                ("examples",),
                f"no {record.code} response in the examples sends {header} "
                "(expected it: the record says the response must send it)",
            )
    return problems


def prose_fields(item: Any, path: tuple[Any, ...] = ()):
    """(path, text) for every Markdown field of a record or other model."""
    if isinstance(item, BaseModel):
        for name in type(item).model_fields:
            yield from prose_fields(getattr(item, name), (*path, name))
    elif isinstance(item, list):
        for i, value in enumerate(item):
            yield from prose_fields(value, (*path, i))
    elif isinstance(item, Prose):
        yield path, item


def link_problem(site: Site, target: str) -> str | None:
    """Why a record's link to this site ('404.md#faq') would not resolve, or None."""
    src, _, anchor = target.partition("#")
    code = src.removesuffix(".md")
    if len(code) == 3 and code.isdigit():
        record = site.codes.get(int(code))
        if record is None and site.knows(int(code)):
            return None
        if record is None:
            return f"links to /{target}, but {code} has no record (expected a code in data/codes/)"
        anchors = [section.id for section in sections_of(record)]
        if anchor and anchor not in anchors:
            known = ", ".join(anchors)
            return (
                f"links to /{target}, but the {code} page has no section #{anchor} "
                f"(expected one of: {known})"
            )
        return None
    pages = {
        "index.md",
        "codes.md",
        "api.md",
        *(["guide.md"] if site.guide else []),
        *([f"compare/{slug}.md" for slug in site.comparisons]),
        *(["compare/index.md"] if site.comparisons else []),
        *(f"{digit}xx.md" for digit in site.classes),
    }
    if src not in pages:
        return (
            f"links to /{src}, which is not a page of this site (expected a code such as /404.md)"
        )
    if anchor:
        return f"links to /{target}: only code pages have sections a record may link to"
    return None


def _cross_check(site: Site, names: dict[int, str]) -> list[Problem]:
    problems: list[Problem] = []
    codes = site.codes

    def add(code: int, path: tuple[Any, ...], message: str) -> None:
        located = site.sources[names[code]]
        problems.append(Problem(names[code], located.line_of(path), dotted(path), message))

    def missing(target: int) -> str:
        return f"{target} has no record (expected a code in data/codes/)"

    for code, record in codes.items():
        for i, other in enumerate(record.related):
            if not site.knows(other):
                add(code, ("related", i), missing(other))
            elif other == code:
                add(code, ("related", i), "a code cannot be related to itself")
        for i, alt in enumerate(record.when_not_to_use):
            for j, other in enumerate(alt.instead):
                if not site.knows(other):
                    add(code, ("when_not_to_use", i, "instead", j), missing(other))
        for i, vendor in enumerate(record.vendors):
            for j, other in enumerate(vendor.stands_in_for):
                if not site.knows(other):
                    add(code, ("vendors", i, "stands_in_for", j), missing(other))
            if vendor.client_receives is not None and not site.knows(vendor.client_receives):
                add(code, ("vendors", i, "client_receives"), missing(vendor.client_receives))
        for path, text in prose_fields(record):
            for target in prose.render(text).targets:
                problem = link_problem(site, target)
                if problem:
                    add(code, path, problem)
        for path, message in _example_responses(record):
            other = codes.get(message.status or 0)
            if other is None or message.reason is None or not other.registered:
                continue
            allowed = {other.phrase}
            if other.specification and other.specification.status == "unused":
                allowed |= {p.name for p in other.specification.previous_names}
            if message.reason not in allowed:
                add(
                    code,
                    path,
                    f"status line says {message.status} {message.reason!r} "
                    f"(expected the registry's phrase {other.phrase!r})",
                )
    return problems


def _check_other_links(site: Site, root: Path) -> list[Problem]:
    """Links in comparisons, classes and the guide resolve, as those in records do."""
    problems: list[Problem] = []
    files: list[tuple[str, Any]] = [
        (_display(root / "comparisons" / f"{slug}.yaml", root), group)
        for slug, group in site.comparisons.items()
    ]
    files.append((_display(root / "classes.yaml", root), list(site.classes.values())))
    if site.guide is not None:
        files.append((_display(root / "guide.yaml", root), site.guide))
    for name, item in files:
        located = site.sources.get(name)
        for path, text in prose_fields(item):
            if isinstance(item, list):
                path = ("classes", *path)
            for target in prose.render(text).targets:
                problem = link_problem(site, target)
                if problem:
                    line = located.line_of(path) if located else None
                    problems.append(Problem(name, line, dotted(path), problem))
    return problems


def _check_guide(guide: Guide, site: Site, located: Located, name: str) -> list[Problem]:
    """Every answer leads to exactly one of a code or a further question; codes exist."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}

    def walk(question: GuideQuestion, path: tuple[Any, ...]) -> None:
        where = dotted((*path, "id"))
        if question.id in seen:
            problems.append(
                Problem(
                    name,
                    located.line_of((*path, "id")),
                    where,
                    f"'{question.id}' is already used at {seen[question.id]} "
                    "(expected a unique anchor)",
                )
            )
        seen[question.id] = where
        for i, answer in enumerate(question.answers):
            here = (*path, "answers", i)
            if (answer.code is None) == (answer.next is None):
                problems.append(
                    Problem(
                        name,
                        located.line_of(here),
                        dotted(here),
                        "expected exactly one of 'code' (a leaf) or 'next' (a further question)",
                    )
                )
            for field_name, codes in (
                ("code", [answer.code] if answer.code is not None else []),
                ("also", answer.also),
            ):
                for j, code in enumerate(codes):
                    if not site.knows(code):
                        sub = (*here, field_name) if field_name == "code" else (*here, "also", j)
                        problems.append(
                            Problem(
                                name,
                                located.line_of(sub),
                                dotted(sub),
                                f"{code} has no record (expected a code in data/codes/)",
                            )
                        )
            if answer.next is not None:
                walk(answer.next, (*here, "next"))

    for b, branch in enumerate(guide.branches):
        walk(branch.start, ("branches", b, "start"))
    return problems


# --------------------------------------------------------------------------- entry points


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _read(
    file: Path, model: type[M], root: Path, site: Site
) -> tuple[str, Located | None, M | None, list[Problem]]:
    """Parse one file and validate it against ``model``; collect the problems."""
    name = _display(file, root)
    if _outside(file, root):
        link = "is a symbolic link that leads outside the data folder (expected a file inside it)"
        return name, None, None, [Problem(name, None, "(file)", link)]
    located, problems = load_yaml(file, name)
    if located is None:
        return name, None, None, problems
    site.sources[name] = located
    parsed, found = _validate(model, located, name)
    return name, located, parsed, problems + found


CODE_FILE = re.compile(r"^[0-9]{3}\.yaml$", re.ASCII)
COMPARISON_FILE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$", re.ASCII)


def _outside(path: Path, root: Path) -> bool:
    """Whether ``path`` (a symbolic link, perhaps) resolves to somewhere outside ``root``."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        return True


def _record_files(
    root: Path, folder: Path, pattern: re.Pattern[str], expected: str
) -> tuple[list[Path], list[Problem]]:
    """The record files of one folder, and a problem for anything else found there.

    Hidden files (editors' swap files, .DS_Store) are left alone; every other entry must
    be a record file named as expected, inside the data folder.
    """
    if not folder.exists():
        return [], []
    shown = _display(folder, root)
    if not folder.is_dir():
        return [], [Problem(shown, None, "(folder)", "is not a folder (expected a folder)")]
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return [], [Problem(shown, None, "(folder)", f"cannot be read: {reason}")]
    files: list[Path] = []
    problems: list[Problem] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        name = _display(entry, root)
        if _outside(entry, root):
            problems.append(
                Problem(
                    name,
                    None,
                    "(file)",
                    "is a symbolic link that leads outside the data folder "
                    "(expected a file inside it)",
                )
            )
        elif not pattern.match(entry.name):
            problems.append(
                Problem(name, None, "(file)", f"is not a record file (expected {expected})")
            )
        elif not entry.is_file():
            problems.append(Problem(name, None, "(file)", "is not a file (expected a file)"))
        else:
            files.append(entry)
    return files, problems


def load_site(root: Path) -> Site:
    """Load and validate everything under ``root`` (the ``data/`` folder).

    Raises DataError listing every problem; never returns half-valid data.
    """
    root = Path(root)
    problems: list[Problem] = []
    site = Site(codes={}, classes={}, comparisons={})
    names: dict[int, str] = {}

    if not root.is_dir():
        raise DataError([Problem(str(root), None, "(folder)", "does not exist (expected data/)")])

    code_files, found = _record_files(
        root, root / "codes", CODE_FILE, "a file named for its code, such as 404.yaml"
    )
    problems += found
    if not code_files and not found:
        problems.append(
            Problem(_display(root / "codes", root), None, "(folder)", "holds no records")
        )
    for file in code_files:
        name, located, record, found = _read(file, CodeRecord, root, site)
        problems += found
        if record is None:
            site.unloadable.add(int(file.stem))
            continue
        problems += _check_record(record, located, name, file.stem)
        if record.code in site.codes:
            problems.append(
                Problem(
                    name,
                    located.line_of(("code",)),
                    "code",
                    f"{record.code} already has a record in {names[record.code]} "
                    "(expected one record per code)",
                )
            )
            continue
        site.codes[record.code] = record
        names[record.code] = name

    class_file = root / "classes.yaml"
    if class_file.is_file():
        name, located, parsed, found = _read(class_file, ClassFile, root, site)
        problems += found
        for i, item in enumerate(parsed.classes if parsed else []):
            if item.digit in site.classes:
                problems.append(
                    Problem(
                        name,
                        located.line_of(("classes", i)),
                        f"classes[{i}].digit",
                        f"class {item.digit}xx is described twice",
                    )
                )
            site.classes[item.digit] = item
    else:
        problems.append(Problem(_display(class_file, root), None, "(file)", "is missing"))

    comparison_files, found = _record_files(
        root,
        root / "comparisons",
        COMPARISON_FILE,
        "a file named for its page, in lower case with hyphens, such as 401-vs-403.yaml",
    )
    problems += found
    for file in comparison_files:
        name, located, group, found = _read(file, Comparison, root, site)
        problems += found
        if group is None:
            continue
        for i, code in enumerate(group.codes):
            if not site.knows(code):
                problems.append(
                    Problem(
                        name,
                        located.line_of(("codes", i)),
                        f"codes[{i}]",
                        f"{code} has no record (expected a code in data/codes/)",
                    )
                )
        if len(set(group.codes)) != len(group.codes):
            problems.append(
                Problem(name, located.line_of(("codes",)), "codes", "a code is listed twice")
            )
        for i, verdict in enumerate(group.verdicts):
            if verdict.code not in group.codes:
                problems.append(
                    Problem(
                        name,
                        located.line_of(("verdicts", i, "code")),
                        f"verdicts[{i}].code",
                        f"{verdict.code} is not one of this group's codes "
                        f"(expected one of {', '.join(map(str, group.codes))})",
                    )
                )
        site.comparisons[file.stem] = group

    guide_file = root / "guide.yaml"
    if guide_file.is_file():
        name, located, site.guide, found = _read(guide_file, Guide, root, site)
        problems += found
        if site.guide is not None:
            problems += _check_guide(site.guide, site, located, name)

    for digit in sorted({r.class_digit for r in site.codes.values()}):
        if digit not in site.classes:
            problems.append(
                Problem(
                    _display(class_file, root),
                    None,
                    "classes",
                    f"class {digit}xx has records but no description",
                )
            )

    problems += _cross_check(site, names)
    problems += _check_other_links(site, root)
    if problems:
        raise DataError(problems)
    return site

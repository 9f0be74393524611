"""Read a YAML file into plain Python data, remembering where every value stands.

PyYAML alone keeps the last of duplicate keys silently and forgets line numbers once a
document is constructed. Here the document is composed into nodes first; the nodes are
then turned into Python values while every path (``("examples", 0, "steps")``) is
mapped to the line it starts on, and duplicate keys are reported instead of dropped.

Records come from pull requests, so the file is screened before it is composed: a size
limit, then one pass over the parser's events that refuses what a record never needs
(anchors, aliases, merge keys, explicit tags, several documents) and nesting deeper than
any record has. An alias bomb or a ten-thousand-deep list is refused in milliseconds,
with a line, instead of exhausting memory or the stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problem

Path_ = tuple[str | int, ...]

# Generous bounds: the largest record is about 15 KB, its longest text about 2,000
# characters, and the deepest file (the decision guide) nests 19 levels.
MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 64
MAX_STRING_CHARS = 20_000

# libyaml where PyYAML was built with it: the same nodes and marks, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """A parsed YAML document plus the line of each value, by path."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    # Keys where the raw scalar text matters for a helpful message (yes/no, dates).
    raw: dict[Path_, str] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


class _Refused(Exception):
    def __init__(self, line: int | None, field: str, message: str) -> None:
        super().__init__(message)
        self.line, self.field, self.message = line, field, message


def _line(mark: Any) -> int | None:
    return mark.line + 1 if mark is not None else None


def _screen(text: str) -> None:
    """Refuse YAML features no record needs, before anything is built from them."""
    depth = 0
    documents = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = _line(event.start_mark)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused(
                    line, "(document)", "a second YAML document (expected one record per file)"
                )
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                line,
                "(syntax)",
                f"alias *{event.anchor} is not allowed (expected plain values: "
                "records do not use anchors, aliases or merge keys; repeat the text instead)",
            )
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise _Refused(
                line,
                "(syntax)",
                f"anchor &{event.anchor} is not allowed (expected plain values: "
                "records do not use anchors, aliases or merge keys)",
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Refused(
                line,
                "(syntax)",
                f"the tag {tag} is not allowed (expected plain values: text, numbers, "
                "true/false, lists and mappings)",
            )
        if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and not event.style:
            raise _Refused(
                line,
                "(syntax)",
                "the merge key << is not allowed (expected each field written out)",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(
                    line,
                    "(syntax)",
                    f"nesting deeper than {MAX_DEPTH} levels (expected a record's own shape)",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Builder:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.constructor = yaml.constructor.SafeConstructor()
        self.located = Located(data=None)
        self.problems: list[Problem] = []

    def scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.constructor.construct_object(node)
        except (ValueError, OverflowError) as exc:
            # PyYAML turns 2026-02-30 into a ValueError from datetime.date.
            what = "date" if node.tag.endswith(":timestamp") else "value"
            raise _Refused(
                _line(node.start_mark),
                "(syntax)",
                f"{node.value!r} is not a valid {what} ({exc}; "
                "write it in quotes if it is meant as text)",
            ) from None

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.located.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(
                        Problem(
                            self.filename,
                            key_node.start_mark.line + 1,
                            _dotted(path),
                            "a mapping key must be plain text (expected a field name)",
                        )
                    )
                    continue
                key = self.scalar(key_node)
                line = key_node.start_mark.line + 1
                if not isinstance(key, str):
                    self.problems.append(
                        Problem(
                            self.filename,
                            line,
                            _dotted(path),
                            f"the key {key_node.value!r} is read as {type(key).__name__}, "
                            "not a field name (expected a field name; YAML reads bare "
                            "numbers, yes/no and null as values: quote it)",
                        )
                    )
                    continue
                if key in first_line:
                    self.problems.append(
                        Problem(
                            self.filename,
                            line,
                            _dotted((*path, key)),
                            f"duplicate key; it is already set on line {first_line[key]} "
                            "(expected each field once)",
                        )
                    )
                    continue
                first_line[key] = line
                result[key] = self.build(value_node, (*path, key))
                # A key's line is more useful than its value's for block values.
                self.located.lines[(*path, key)] = line
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if len(node.value) > MAX_STRING_CHARS:
            raise _Refused(
                _line(node.start_mark),
                _dotted(path),
                f"{len(node.value):,} characters (expected at most {MAX_STRING_CHARS:,}: "
                "split a long text into list items or shorten it)",
            )
        value = self.scalar(node)
        if not isinstance(value, str):
            self.located.raw[path] = node.value
        return value


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(document)"


dotted = _dotted


def _syntax_problem(exc: yaml.MarkedYAMLError, display_name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or "invalid YAML"
    if exc.context:
        what = f"{exc.context}, {what}"
    if "mapping values are not allowed" in what or "could not find expected ':'" in what:
        what += (
            " (an unquoted value with ': ' in it, on this line or the one before? "
            "quote it or use a | block)"
        )
    return Problem(display_name, _line(mark), "(syntax)", f"invalid YAML: {what}")


def load_yaml(file: Path, display_name: str) -> tuple[Located | None, list[Problem]]:
    """Parse ``file``; return the located data and any problems found on the way."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Problem(
                    display_name,
                    None,
                    "(file)",
                    f"{size:,} bytes (expected at most {MAX_FILE_BYTES:,}: "
                    "a record is a few kilobytes)",
                )
            ]
        raw = file.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, [Problem(display_name, None, "(file)", f"cannot be read: {reason}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                display_name,
                line,
                "(file)",
                f"byte 0x{raw[exc.start]:02x} is not UTF-8 (expected a UTF-8 text file; "
                "re-save it as UTF-8)",
            )
        ]
    return parse_yaml(text, display_name)


def parse_yaml(text: str, display_name: str) -> tuple[Located | None, list[Problem]]:
    """Screen, compose and build one YAML text (see the module docstring)."""
    try:
        _screen(text)
        node = yaml.compose(text, Loader=_Loader)
    except _Refused as refused:
        return None, [Problem(display_name, refused.line, refused.field, refused.message)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, display_name)]
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, [
            Problem(
                display_name,
                line,
                "(file)",
                f"the control character U+{char:04X} is not allowed in YAML "
                "(expected printable text: remove it)",
            )
        ]
    except yaml.YAMLError as exc:
        message = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return None, [Problem(display_name, None, "(syntax)", f"invalid YAML: {message}")]
    if node is None:
        return None, [
            Problem(display_name, 1, "(document)", "the file is empty (expected a mapping)")
        ]
    builder = _Builder(display_name)
    try:
        data = builder.build(node, ())
    except _Refused as refused:
        return None, [Problem(display_name, refused.line, refused.field, refused.message)]
    except yaml.constructor.ConstructorError as exc:
        return None, [
            Problem(
                display_name,
                _line(exc.problem_mark),
                "(syntax)",
                f"invalid YAML value: {exc.problem}",
            )
        ]
    builder.located.data = data
    if not isinstance(data, dict):
        if isinstance(data, list):
            kind = "a list"
        elif data is None:
            kind = "nothing but an empty document"
        else:
            kind = f"a single {type(data).__name__} value"
        builder.problems.append(
            Problem(
                display_name,
                node.start_mark.line + 1,
                "(document)",
                f"the file holds {kind} (expected a mapping of field: value)",
            )
        )
        return None, builder.problems
    return builder.located, builder.problems

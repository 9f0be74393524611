"""Read a YAML file into plain Python data, remembering where every value stands.

PyYAML alone keeps the last of duplicate keys silently and forgets line numbers once a
document is constructed. Here the document is composed into nodes first; the nodes are
then turned into Python values while every path (``("examples", 0, "steps")``) is
mapped to the line it starts on, and duplicate keys are reported instead of dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problem

Path_ = tuple[str | int, ...]


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


class _Builder:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.constructor = yaml.constructor.SafeConstructor()
        self.located = Located(data=None)
        self.problems: list[Problem] = []

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
                key = self.constructor.construct_object(key_node)
                line = key_node.start_mark.line + 1
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
        value = self.constructor.construct_object(node)
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


def load_yaml(file: Path, display_name: str) -> tuple[Located | None, list[Problem]]:
    """Parse ``file``; return the located data and any problems found on the way."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [Problem(display_name, None, "(file)", f"cannot be read: {exc.strerror}")]
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
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        if "mapping values are not allowed" in what or "could not find expected ':'" in what:
            what += (
                " (an unquoted value with ': ' in it, on this line or the one before? "
                "quote it or use a | block)"
            )
        return None, [Problem(display_name, line, "(syntax)", f"invalid YAML: {what}")]
    except yaml.YAMLError as exc:  # pragma: no cover - composer errors are all marked
        return None, [Problem(display_name, None, "(syntax)", f"invalid YAML: {exc}")]
    if node is None:
        return None, [
            Problem(display_name, 1, "(document)", "the file is empty (expected a mapping)")
        ]
    builder = _Builder(display_name)
    try:
        data = builder.build(node, ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        return None, [
            Problem(
                display_name,
                mark.line + 1 if mark else None,
                "(syntax)",
                f"invalid YAML value: {exc.problem}",
            )
        ]
    builder.located.data = data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single {type(data).__name__} value"
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

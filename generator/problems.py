"""Validation problems: what is wrong, where, and what was expected."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.yamlsource import Located


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class DataError(Exception):
    """Raised once, with every problem found, when the data does not validate."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


@dataclass
class Source:
    """A data file as loaded: its name as shown to people and where each value stands.

    ``source.problem(path, message)`` is the one way a check reports a problem at a
    value: it supplies the file, the line and the field's dotted name.
    """

    name: str
    located: Located | None = field(default=None, repr=False)

    def problem(self, path: tuple[Any, ...], message: str) -> Problem:
        from generator.yamlsource import dotted

        line = self.located.line_of(path) if self.located is not None else None
        return Problem(self.name, line, dotted(path), message)

    def file_problem(self, field_name: str, message: str) -> Problem:
        return Problem(self.name, None, field_name, message)

"""The sections of a code page, in order: the one list the template, the link checks and
the tests read.

Adding a section is one entry here and one partial, ``templates/code/<id>.md.j2``, which
sees the page's context (``record``, ``spec``, ``code_class``, ``groups`` and the shared
macros as ``m``). The id is the section's anchor (``/429/#faq``): records may link to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model import CodeRecord


def _always(record: CodeRecord) -> bool:
    return True


@dataclass(frozen=True)
class Section:
    id: str
    title: str | Callable[[CodeRecord], str]
    applies: Callable[[CodeRecord], bool] = _always
    # Sections made of tables and raw exchanges stay out of the search index.
    searchable: bool = True

    def heading(self, record: CodeRecord) -> str:
        return self.title(record) if callable(self.title) else self.title

    @property
    def partial(self) -> str:
        return f"code/{self.id}.md.j2"


CODE_SECTIONS: tuple[Section, ...] = (
    Section("meaning", "Meaning"),
    Section("seen-as", "You may see this as", applies=lambda r: bool(r.phrasings)),
    Section("who-uses-it", "Who uses it", applies=lambda r: bool(r.vendors)),
    Section("when-to-use", "When to use", applies=lambda r: bool(r.when_to_use)),
    Section("when-not-to-use", "When not to use", applies=lambda r: bool(r.when_not_to_use)),
    Section(
        "examples",
        lambda r: "Examples" if len(r.examples) > 1 else "Example",
        searchable=False,
    ),
    Section("comparison", "Comparison", searchable=False),
    Section("best-practices", "Best practices"),
    Section("common-mistakes", "Common mistakes"),
    Section("faq", "FAQ"),
    Section("headers", "Headers"),
    Section("properties", "Properties", searchable=False),
    Section("in-code", "In code"),
    Section("specification", "Specification"),
    Section("related-codes", "Related codes", searchable=False),
)


def sections_of(record: CodeRecord) -> list[Section]:
    """The sections the page of ``record`` has."""
    return [s for s in CODE_SECTIONS if s.applies(record)]

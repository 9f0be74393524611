"""The sections of a code page, in order: the one list the template, the link checks and
the tests read.

Adding a section is one entry here and one partial, ``templates/code/<id>.html.j2``, which
sees the page's context (``record``, ``spec``, ``code_class``, ``groups`` and the shared
macros as ``m``). The id is the section's anchor (``/429/#faq``): records may link to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.meanings import is_shared
from generator.model import CodeRecord

if TYPE_CHECKING:
    from generator.site import Site


def _always(record: CodeRecord) -> bool:
    return True


def _has_fixes(record: CodeRecord) -> bool:
    return record.fixes is not None or any(use.fixes.sides() for use in record.vendors)


def _has_client_table(record: CodeRecord, site: Site) -> bool:
    return site.clients is not None and site.clients.of(record.code) is not None


@dataclass(frozen=True)
class Section:
    id: str
    title: str | Callable[[CodeRecord], str]
    applies: Callable[[CodeRecord], bool] = _always
    # For a section made from data beside the record (data/clients.yaml): whether the
    # site has that data for this record.
    applies_in: Callable[[CodeRecord, Site], bool] | None = None

    def heading(self, record: CodeRecord) -> str:
        return self.title(record) if callable(self.title) else self.title

    @property
    def partial(self) -> str:
        return f"code/{self.id}.html.j2"


# The answer first (the At a glance block sits above these), the depth after: a reader
# comes with "which code?" or "how do I fix it?"; the precise meaning, the exchanges and the
# tables are there for the reader who stays.
CODE_SECTIONS: tuple[Section, ...] = (
    Section("when-to-use", "When to use", applies=lambda r: bool(r.when_to_use)),
    Section("when-not-to-use", "When not to use", applies=lambda r: bool(r.when_not_to_use)),
    Section("how-to-fix", "How to fix it", applies=_has_fixes),
    Section("meaning", "Meaning"),
    Section("meanings", "Every meaning of this number", applies=is_shared),
    Section("seen-as", "You may see this as", applies=lambda r: bool(r.phrasings)),
    Section("who-uses-it", "Who uses it", applies=lambda r: bool(r.vendors)),
    Section("clients", "How clients react", applies_in=_has_client_table),
    Section("examples", lambda r: "Examples" if len(r.examples) > 1 else "Example"),
    Section("headers", "Headers"),
    Section("comparison", "Comparison"),
    Section("best-practices", "Best practices"),
    Section("common-mistakes", "Common mistakes"),
    Section("faq", "FAQ"),
    Section("properties", "Properties"),
    Section("in-code", "In code"),
    Section("frameworks", "Send it from your framework", applies=lambda r: r.registered),
    Section("specification", "Specification"),
    Section("related-codes", "Related codes"),
)


def sections_of(record: CodeRecord, site: Site | None = None) -> list[Section]:
    """The sections the page of ``record`` has (in ``site``, for data beside the record)."""
    return [
        s
        for s in CODE_SECTIONS
        if s.applies(record)
        and (s.applies_in is None or (site is not None and s.applies_in(record, site)))
    ]

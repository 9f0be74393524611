"""Every meaning of a number: the registered one (if any) and each vendor's, with where it
is seen, how current it is and how well it is sourced. Derived from the record, so a page,
the shared-numbers index and the API cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.model import CodeRecord, MeaningStatus

if TYPE_CHECKING:
    from generator.site import Site

SEEN = {
    "client": "as the status the client receives",
    "logs": "only in logs",
    "client-and-logs": "as the status, and in logs",
    "body": "inside a response body whose status is another",
    "internal": "only inside the product",
}
STATUS_LABELS: dict[str, str] = {
    "current": "In use",
    "deprecated": "Deprecated",
    "historic": "Historic: no longer used",
    "disputed": "Disputed attribution",
}
# A registry entry's status, as a meaning's.
REGISTRY_STATUS: dict[str, MeaningStatus] = {
    "registered": "current",
    "temporary": "current",
    "deprecated": "deprecated",
    "obsoleted": "historic",
    "unused": "historic",
}


@dataclass(frozen=True)
class Meaning:
    who: str
    phrase: str
    seen: str  # a key of SEEN
    status: MeaningStatus
    source: str
    source_title: str
    grade: str  # primary, secondary
    registered: bool = False

    @property
    def seen_label(self) -> str:
        return SEEN[self.seen]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def meanings(record: CodeRecord) -> list[Meaning]:
    """The registered meaning first, then each vendor's, in the record's order."""
    found = []
    spec = record.specification
    if spec is not None:
        found.append(
            Meaning(
                who=f"IANA registry ({spec.document})",
                phrase=record.phrase,
                seen="client",
                status=REGISTRY_STATUS[spec.status],
                source=spec.link,
                source_title=spec.citation,
                grade="primary",
                registered=True,
            )
        )
    for use in record.vendors:
        found.append(
            Meaning(
                who=use.vendor,
                phrase=use.phrase,
                seen=use.seen_by,
                status=use.status,
                source=use.source,
                source_title=use.source_title,
                grade=use.source_grade,
            )
        )
    return found


def is_shared(record: CodeRecord) -> bool:
    """Whether the number means different things from different senders."""
    return len(meanings(record)) > 1


def shared_numbers(site: Site) -> list[CodeRecord]:
    return [site.codes[code] for code in sorted(site.codes) if is_shared(site.codes[code])]

"""The header fields of a code: what its record says, completed by the RFC rules.

A record inherits every rule of generator.rfc that applies to its code: the page lists
the field even when the record does not, and where the record does, the rule's level and
condition are the ones shown, so a page cannot contradict the specification. The record
keeps its own words for what the field does with the code. Where the record states a
different level or condition, generator.rules reports it.
"""

from __future__ import annotations

from generator import rfc
from generator.model import CodeRecord, HeaderUse, Prose


def header_uses(record: CodeRecord) -> tuple[HeaderUse, ...]:
    """The record's fields (with the rules' levels), then the rules' fields it lacks."""
    rules = {rule.name: rule for rule in rfc.header_rules(record.code)}
    uses: list[HeaderUse] = []
    for header in record.headers:
        rule = rules.pop(header.name, None) if header.where == "response" else None
        if rule is not None:
            header = header.model_copy(
                update={"requirement": rule.requirement, "condition": rule.condition}
            )
        uses.append(header)
    for rule in rules.values():
        uses.append(
            HeaderUse.model_construct(
                name=rule.name,
                where="response",
                requirement=rule.requirement,
                condition=rule.condition,
                purpose=Prose(f"{rule.purpose} ({rule.citation})"),
            )
        )
    return tuple(uses)


def must_send(record: CodeRecord) -> tuple[HeaderUse, ...]:
    """The response header fields required with this code, each with its condition."""
    return tuple(
        h for h in header_uses(record) if h.where == "response" and h.requirement == "must"
    )


def always_sends(record: CodeRecord) -> tuple[str, ...]:
    """The response header fields every response with this code carries (no condition)."""
    return tuple(h.name for h in must_send(record) if h.condition is None)


def always_sends_for(status: int, record: CodeRecord | None) -> tuple[str, ...]:
    """The same for any status an example shows, whether or not the site has its record."""
    if record is not None:
        return always_sends(record)
    return tuple(
        r.name for r in rfc.header_rules(status) if r.requirement == "must" and r.condition is None
    )

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
    return _uses(record.code, record.headers)


def _uses(code: int, declared: list[HeaderUse] | tuple[()]) -> tuple[HeaderUse, ...]:
    rules = {rule.name: rule for rule in rfc.header_rules(code)}
    uses: list[HeaderUse] = []
    for header in declared:
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


def _must(uses: tuple[HeaderUse, ...]) -> tuple[HeaderUse, ...]:
    return tuple(h for h in uses if h.where == "response" and h.requirement == "must")


def must_send(record: CodeRecord) -> tuple[HeaderUse, ...]:
    """The response header fields required with this code, each with its condition."""
    return _must(header_uses(record))


def always_sends_for(status: int, record: CodeRecord | None) -> tuple[str, ...]:
    """The response header fields every response with ``status`` carries (no condition),
    from its record where the site has one, else from the RFC rules alone."""
    uses = _uses(status, record.headers if record is not None else ())
    return tuple(h.name for h in _must(uses) if h.condition is None)

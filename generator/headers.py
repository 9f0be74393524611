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
from generator.site import Site


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


# --------------------------------------------------------------------------- by header

LEVELS = ("must", "should", "may")


def named(site: Site) -> dict[str, str]:
    """Every header field some code names (in its record or through the RFC rules), by
    lower-case name, with the spelling first met."""
    names: dict[str, str] = {}
    for code in sorted(site.codes):
        for use in header_uses(site.codes[code]):
            names.setdefault(use.name.lower(), use.name)
    return names


Carriers = dict[str, list[tuple[int, HeaderUse]]]


def carriers_by_name(site: Site) -> Carriers:
    """``carriers`` of every field at once, by lower-case name: one pass over the codes,
    for a caller that asks about every header."""
    index: Carriers = {}
    for code in sorted(site.codes):
        for use in header_uses(site.codes[code]):
            index.setdefault(use.name.lower(), []).append((code, use))
    return index


def carriers(site: Site, name: str, index: Carriers | None = None) -> list[tuple[int, HeaderUse]]:
    """(code, use) for every code whose page lists the field ``name``, by code: the
    record's own entries with the rules' levels, and the rules' entries it lacks.
    ``index`` is ``carriers_by_name(site)``, if the caller has it."""
    if index is None:
        index = carriers_by_name(site)
    return list(index.get(name.lower(), []))


def by_level(
    site: Site, name: str, index: Carriers | None = None
) -> dict[str, list[tuple[int, HeaderUse]]]:
    """The responses that carry ``name``, grouped by requirement (must, should, may),
    each with the condition as the record and rules state it."""
    groups: dict[str, list[tuple[int, HeaderUse]]] = {level: [] for level in LEVELS}
    for code, use in carriers(site, name, index):
        if use.where == "response":
            groups[use.requirement].append((code, use))
    return groups


def in_requests(
    site: Site, name: str, index: Carriers | None = None
) -> list[tuple[int, HeaderUse]]:
    """The codes whose requests carry ``name`` (If-Match for 412, Range for 416, ...)."""
    return [(code, use) for code, use in carriers(site, name, index) if use.where == "request"]


def matrix(site: Site) -> list[tuple[int, dict[str, list[HeaderUse]]]]:
    """The status x header table: for every code that must or should send some response
    field, its response fields grouped by level (must, should, may)."""
    rows = []
    for code in sorted(site.codes):
        levels: dict[str, list[HeaderUse]] = {level: [] for level in LEVELS}
        for use in header_uses(site.codes[code]):
            if use.where == "response":
                levels[use.requirement].append(use)
        if levels["must"] or levels["should"]:
            rows.append((code, levels))
    return rows

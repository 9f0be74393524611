"""Tune the search index Material writes, after the build.

Material's search plugin copies a page's tags onto every section of the page, so a
page with many sections matches a keyword once per section and wins on keyword count
instead of relevance. Here:

- tags (the record's keywords) stay on each page's top entry only;
- each code page's top entry gets a ``names`` field (number, reason phrase, previous
  and vendor names) and a ``headers`` field (the header fields the code involves), so
  that a code's names and headers count as much as its keywords, and a header name
  ("Retry-After") finds the codes that use it.

Material's search worker indexes every field named in the plugin's ``fields`` setting.
"""

from __future__ import annotations

import json
from pathlib import Path


def tune(index: dict, fields: dict[str, dict[str, list[str]]]) -> dict:
    """``fields`` maps a page location ('429/') to extra fields for its top entry."""
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        if "#" in location:
            doc.pop("tags", None)
        else:
            doc.update(fields.get(location, {}))
    return index


def rewrite(site_dir: Path, fields: dict[str, dict[str, list[str]]]) -> None:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = tune(json.loads(path.read_text(encoding="utf-8")), fields)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

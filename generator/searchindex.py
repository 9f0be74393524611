"""Write the search index Material's search worker loads, from the records, after the build.

Material's search plugin indexes every paragraph of every section of every page (900 KB for
this site) and copies a page's tags onto each section, so that a long page wins on word
count rather than on relevance. Here every generated page becomes one entry made from what
people search with:

- ``text`` is the page's one-line description (a code's summary), the line shown under the
  result; the page's sections are not indexed;
- the page's index fields (``Entry.fields``, planned in generator/pages.py): a code's names
  (number, phrase, previous and vendor names), its vendors, the headers it involves, its
  keywords, its phrasings (what people say when they meet it) and its FAQ questions.

Other spellings ("unauthorised", "forbiden") are matched at query time (docs/assets/site.js
asks for words one edit away), so the index holds each word once.

The page's ``tags`` (at most three chips, generator/pages.MAX_CHIPS) are shown, not
indexed (Material would index them at a boost of a million): mkdocs.yml's
``plugins.search.fields`` names the indexed fields and their boosts.

Material's plugin is told to skip generated pages (``search: {exclude: true}`` in their
metadata), so it never parses their full HTML only for the entry to be thrown away here;
the entry is written from the records instead, with the title Material would have given it
(the page's h1) and the page's place in the build order. Hand-written pages (docs/) keep
the entries Material made for them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import markupsafe


@dataclass(frozen=True)
class Entry:
    """A generated page's search entry: its title (the page's h1, as Material gives it),
    one-line description, index fields, chips (``tags``) and boost."""

    text: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    title: str = ""
    tags: list[str] = field(default_factory=list)
    boost: float = 1.0

    def doc(self, location: str) -> dict:
        return {
            "location": location,
            "title": self.title,
            # Material shows ``text`` as HTML: the plain description is escaped here.
            "text": str(markupsafe.escape(self.text)),
            "tags": [str(tag) for tag in self.tags if tag],
            "boost": self.boost,
            **{name: values for name, values in self.fields.items() if values},
        }


def tune(index: dict, entries: dict[str, Entry], order: list[str] | None = None) -> dict:
    """Give each generated page (``entries``, keyed by location such as '429/') one entry
    and drop any section entries Material made for it; keep hand-written pages' entries as
    Material made them. Pages follow ``order`` (the locations in build order); the rest
    (a generated page not in it, a hand-written page Material indexed without being
    seen) keep their place after those."""
    material: dict[str, list[dict]] = {}
    for doc in index.get("docs", []):
        page = doc.get("location", "").partition("#")[0]
        if page not in entries:
            material.setdefault(page, []).append(doc)
    docs: list[dict] = []
    for location in dict.fromkeys([*(order or []), *entries, *material]):
        if location in entries:
            docs.append(entries[location].doc(location))
        else:
            docs.extend(material.get(location, []))
    index["docs"] = docs
    # Material indexes tags at a boost of a million unless told otherwise; here they are
    # the chips shown under a result, and the keywords field holds them all.
    index.get("config", {}).get("fields", {}).pop("tags", None)
    return index


def rewrite(site_dir: Path, entries: dict[str, Entry], order: list[str] | None = None) -> None:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = tune(json.loads(path.read_text(encoding="utf-8")), entries, order)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

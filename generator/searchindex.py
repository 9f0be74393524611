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

The front matter's ``tags`` (at most three chips, generator/pages.MAX_CHIPS) are shown, not
indexed (Material would index them at a boost of a million): mkdocs.yml's
``plugins.search.fields`` names the indexed fields and their boosts.
Hand-written pages (docs/) keep the entries Material made for them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import markupsafe


@dataclass(frozen=True)
class Entry:
    """A generated page's search entry: its one-line description and its index fields."""

    text: str
    fields: dict[str, list[str]] = field(default_factory=dict)


def tune(index: dict, entries: dict[str, Entry]) -> dict:
    """Replace the entries of generated pages (``entries``, keyed by location such as
    '429/') with one entry each; keep hand-written pages' entries as Material made them."""
    docs = []
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        page, _, section = location.partition("#")
        entry = entries.get(page)
        if entry is None:
            docs.append(doc)
            continue
        if section:
            continue
        # Material shows ``text`` as HTML: the plain description is escaped here.
        doc["text"] = str(markupsafe.escape(entry.text))
        doc.update({name: values for name, values in entry.fields.items() if values})
        docs.append(doc)
    index["docs"] = docs
    # Material indexes tags at a boost of a million unless told otherwise; here they are
    # the chips shown under a result, and the keywords field holds them all.
    index.get("config", {}).get("fields", {}).pop("tags", None)
    return index


def rewrite(site_dir: Path, entries: dict[str, Entry]) -> None:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = tune(json.loads(path.read_text(encoding="utf-8")), entries)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

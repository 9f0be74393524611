"""The headings of a page the generator writes as HTML: their ids, permalinks and the page's
table of contents, as Python-Markdown's toc extension (mkdocs.yml: ``toc: permalink: true``)
makes them for a Markdown page.

A page kind whose template writes HTML (generator.kinds, ``Kind.markdown`` false) skips
Markdown altogether: its HTML goes to the page as it is (generator/hook.py), and this module
does the one thing Markdown still did to it. The algorithm is toc's own, with its functions
(``slugify``, ``unique``, ``strip_tags``, ``nest_toc_tokens``): a heading keeps the id its
template gave it; one without gets the slug of its text, made unique on the page; each gets
the permalink ``¶``; every heading becomes an entry of the table of contents, whose title is
the heading's HTML without tags.

Headings are found with a pattern, which is safe here because the HTML is the generator's:
text inside a heading was escaped by the renderer (generator.escape), so it cannot close
the heading or open another.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.DOTALL)
_ID = re.compile(r'\sid="([^"]*)"')
# The generator writes attributes after one space; a literal start keeps the search fast.
_NAMED = re.compile(r' (?:id|name)="([^"]*)"')
PERMALINK = '<a class="headerlink" href="#{}" title="Permanent link">&para;</a>'


@dataclass(frozen=True)
class Finished:
    html: str
    # Python-Markdown's toc tokens, nested (what mkdocs.structure.toc.get_toc takes).
    toc: list[dict]
    # Every id and named anchor on the page, for MkDocs' checks of links to anchors.
    anchors: frozenset[str]


def finish(page_html: str) -> Finished:
    """``page_html`` with each heading given its id and permalink, and the page's table of
    contents."""
    headings = list(HEADING.finditer(page_html))
    used = {m.group(1) for h in headings for m in _ID.finditer(h.group(2))}
    counters: dict[str, int] = {}
    tokens: list[dict] = []
    out: list[str] = []
    end = 0
    for heading in headings:
        level, attributes, inner = int(heading.group(1)), heading.group(2), heading.group(3)
        inner = inner.strip()
        name = strip_tags(inner)
        given = _ID.search(attributes)
        if given:
            anchor = given.group(1)
        else:
            anchor = unique(slugify(html.unescape(name), "-"), used, counters)
            attributes = f'{attributes} id="{anchor}"'
        tokens.append({"level": level, "id": anchor, "name": name, "html": inner})
        out.append(page_html[end : heading.start()])
        out.append(f"<h{level}{attributes}>{inner}{PERMALINK.format(anchor)}</h{level}>")
        end = heading.end()
    out.append(page_html[end:])
    finished = "".join(out)
    anchors = frozenset(html.unescape(m.group(1)) for m in _NAMED.finditer(finished))
    return Finished(finished, nest_toc_tokens(tokens), anchors)

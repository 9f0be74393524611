"""HTML the generator writes whole, handed to Markdown as one opaque block.

Most page kinds write HTML and skip Markdown altogether (generator.headings); this module
serves the kinds whose template writes Markdown (generator.kinds, ``markdown=True``), where
a block of HTML sits among paragraphs of prose. Much of such a page is HTML the templates
make themselves (tables, example exchanges, diagrams, record prose already rendered by
generator.prose). As raw HTML in the Markdown,
each page's HTML was parsed by md_in_html, block by block and tag by tag, only to be
printed unchanged, and every example message went through a Pygments formatter and lexer
made afresh for it. Here a template wraps such HTML in ``{% filter prerendered %}``: the
block reaches the page as it is, through Python-Markdown's own stash, and messages are
highlighted with one lexer per language and one formatter per title, as pymdownx.highlight
would highlight them (``highlighted``).

What is stashed is what the template printed after the renderer's escaping (render.py
finalize): record text in it is already inert or sanitised. Markdown would not have
changed a raw HTML block either: stashing changes who skips it, not what it holds. The
markers are HTML comments, which record text can never produce (generator.prose strips
comments; generator.escape writes ``<`` and ``!`` as character references).

Blocks are stashed after Markdown has normalised whitespace and before anything else reads
the page: MkDocs' own pass over raw HTML, which collects the ids that links to anchors are
checked against, would parse them all again. A block with an id (or a named anchor) is
therefore not stashed: its markers are dropped and it stays raw HTML that MkDocs reads.
"""

from __future__ import annotations

import re
from functools import cache

import markdown
from markupsafe import Markup
from pygments import highlight
from pygments.lexers import get_lexer_by_name
from pymdownx.highlight import RE_PYG_CODE, BlockHtmlFormatter

from generator import memo

OPEN = "<!-- prerendered -->"
# An attribute that makes an anchor links may point at (MkDocs checks them): id, or name
# (on <a>). Matching more than attributes only costs a block its stashing.
_ANCHOR = re.compile(r"\s(?:id|name)\s*=")
CLOSE = "<!-- /prerendered -->"
_MARKERS = (OPEN, CLOSE)


def prerendered(html: Markup) -> Markup:
    """A Jinja filter: ``html`` as one block that Markdown passes through untouched. Blocks
    inside it (a table macro's, in a section that is pre-rendered as a whole) merge into it.

    Only HTML the renderer has made (Markup: a ``{% filter prerendered %}`` block, whose
    values went through render.py's finalize, or generator output such as ``highlighted``)
    is accepted. A filter sees a value before finalize does: record text given here
    directly would reach the page as it was written, unsanitised."""
    text = str(made_by_renderer(html)).strip("\n")
    if OPEN in text:
        text = "\n".join(line for line in text.split("\n") if line.strip() not in _MARKERS)
    return Markup(f"{OPEN}\n{text}\n{CLOSE}")


def made_by_renderer(html: Markup) -> Markup:
    """``html`` if it is HTML the renderer made; record text is refused."""
    if not isinstance(html, Markup):
        raise TypeError(
            f"prerendered takes HTML the renderer made, not {type(html).__name__}: "
            "use {% filter prerendered %}{{ value }}{% endfilter %}"
        )
    return html


@cache
def _lexer(language: str):
    # pymdownx.highlight's defaults: stripnl on, no extra lexer options.
    return get_lexer_by_name(language, stripnl=True)


@cache
def _formatter(title: str) -> BlockHtmlFormatter:
    """The formatter pymdownx.highlight makes for a titled block with this site's settings
    (classes, no line numbers, code wrapped in <code>), made once per title."""
    return BlockHtmlFormatter(
        cssclass="highlight",
        linenos=False,
        linenostart=1,
        linenostep=1,
        linenospecial=0,
        style="default",
        noclasses=False,
        hl_lines=[],
        wrapcode=True,
        filename=title,
        linespans="",
        lineanchors="",
        anchorlinenos=False,
    )


def highlighted(text: str, language: str, title: str = "") -> Markup:
    """``text`` highlighted as ``language``: the HTML superfences makes from
    generator.render.fence(text, language, title). A titled block is an example message
    (Request, Response, Log, ABNF), class ``message``. Pygments escapes the title and the
    text itself (pygments.util.html_escape), so both are given as they are; the fence's
    title, made inert first, was escaped twice (a ':' in a title showed as '&#58;')."""
    title = str(title)
    code = memo.HIGHLIGHTED.get(
        memo.Memo.key(text, language, title),
        lambda: highlight(text.rstrip(), _lexer(language), _formatter(title)),
    )
    if not title:
        return Markup(code)
    match = RE_PYG_CODE.match(code)
    assert match is not None, "Pygments' HTML formatter opens with a <div>"
    return Markup(f'<div class="message {match.group(3)}">{code[match.end() :]}')


class _Stash(markdown.preprocessors.Preprocessor):
    """Each block between the markers becomes one stash placeholder. A block may be
    indented as a whole (inside a content tab): the markers' indent is taken off its
    lines and put before the placeholder."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        indent = ""
        for line in lines:
            if block is None:
                if line.strip() == OPEN:
                    block, indent = [], line[: len(line) - len(line.lstrip())]
                else:
                    out.append(line)
            elif line.strip() == CLOSE:
                html = "\n".join(block)
                if _ANCHOR.search(html):
                    out.extend(indent + line if line else line for line in block)
                else:
                    out.extend(["", indent + self.md.htmlStash.store(html), ""])
                block = None
            else:
                block.append(line.removeprefix(indent) if line.strip() else "")
        if block is not None:  # an unclosed block stays as the HTML it is
            out.extend([indent + OPEN, *block])
        return out


class PrerenderedExtension(markdown.Extension):
    """Stash each marked block after whitespace is normalised (priority 30) and before
    superfences (25), MkDocs' raw HTML pass (21) and md_in_html (20) read the page."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_Stash(md), "generator_prerendered", 28)

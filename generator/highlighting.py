"""Example messages, ABNF and framework snippets highlighted as pymdownx.highlight would
highlight them in a fenced block (classes, no line numbers, code wrapped in <code>), but
with one Pygments lexer per language and one formatter per title, made once, rather than
afresh for every block, and without a span around each run of whitespace (Pygments'
``w`` class, which no style colours visibly: 7,100 elements over the site, a quarter of
a frameworks page's spans). Results are kept between builds (generator.memo)."""

from __future__ import annotations

from functools import cache

from markupsafe import Markup
from pygments import highlight
from pygments.filter import Filter
from pygments.lexers import get_lexer_by_name
from pygments.token import Text, Whitespace
from pymdownx.highlight import RE_PYG_CODE, BlockHtmlFormatter

from generator import memo


class _PlainWhitespace(Filter):
    """Whitespace tokens as plain text: the formatter then writes them into the text
    around them instead of into a span of their own."""

    def filter(self, lexer, stream):
        for token, value in stream:
            yield (Text if token in Whitespace else token), value


@cache
def _lexer(language: str):
    # pymdownx.highlight's defaults: stripnl on, no extra lexer options.
    lexer = get_lexer_by_name(language, stripnl=True)
    lexer.add_filter(_PlainWhitespace())
    return lexer


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
    """``text`` highlighted as ``language``: the HTML superfences makes for a fenced block
    of it (with ``title``: ``{ .language .message title="..." }``). A titled block is an
    example message (Request, Response, Log, ABNF), class ``message``. Pygments escapes the
    title and the text itself (pygments.util.html_escape), so both are given as they are."""
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

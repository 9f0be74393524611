"""The templates' indentation goes from built pages; white space a reader sees stays
(generator/whitespace.py)."""

from __future__ import annotations

import pytest

from generator.whitespace import collapse


def test_indentation_between_tags_becomes_one_line_break():
    html = '<nav>\n    <ul>\n\n      <li>\n        <a href="/">Home</a>\n      </li>\n</ul>'
    assert collapse(html) == '<nav>\n<ul>\n<li>\n<a href="/">Home</a>\n</li>\n</ul>'


def test_words_split_over_lines_keep_a_space_between_them():
    # A browser shows a line break between words as a space: one is kept.
    assert collapse("<p>The server\n        accepted it</p>") == "<p>The server\naccepted it</p>"


@pytest.mark.parametrize(
    "kept",
    [
        '<pre><code><span class="p">{</span>\n<span class="w">  </span>"id": 1\n}</code></pre>',
        '<pre class="x">\n    indented\n\n\n  text</pre>',
        "<code>Retry-After:\n    120</code>",
        "<kbd>Ctrl\n   C</kbd>",
        "<textarea>\n   typed\n</textarea>",
        "<script>var a = `line\n    two`;</script>",
        '<script type="application/ld+json">{"a":\n   "b"}</script>',
        "<style>\n  a { color: red }\n</style>",
    ],
)
def test_elements_whose_white_space_shows_are_left_as_written(kept):
    html = f"<div>\n    {kept}\n    <p>\n      after</p>\n</div>"
    assert collapse(html) == f"<div>\n{kept}\n<p>\nafter</p>\n</div>"


def test_a_tag_that_only_starts_like_pre_is_not_kept():
    assert collapse("<prefix>\n   x</prefix>") == "<prefix>\nx</prefix>"


@pytest.mark.build
def test_a_built_code_page_carries_no_indentation_outside_its_code(real_site):
    html = (real_site.site / "202" / "index.html").read_text(encoding="utf-8")
    body = html.split("<pre", 1)[0]  # the page up to its first code block
    assert "\n " not in body
    # The highlighted examples keep their lines and the indentation of their bodies.
    blocks = [part.split("</pre>", 1)[0] for part in html.split("<pre")[1:]]
    assert blocks[0].count("\n") >= 4
    assert any("\n  <span" in block for block in blocks)  # a JSON body's indented lines

"""The record Markdown renderer on its own: what it lets through and what it refuses."""

from __future__ import annotations

import pytest

from generator import prose


@pytest.mark.parametrize(
    "text",
    [
        "A plain sentence.",
        "Retry-After: 120 means two minutes.",
        "x - y, then 1999 was the year; 100% sure.",
        'He said "hi" and left.',
        "Ends with a colon:",
        "Numbers 1. inside are fine",
        "Émoji ✓ and non-ASCII text.",
    ],
)
def test_the_plain_line_shortcut_gives_what_markdown_gives(text):
    assert prose._PLAIN_LINE.match(text)
    prose._MD.reset()
    prose._MD.prose_problems, prose._MD.prose_targets, prose._MD.prose_root = [], [], "../"
    assert prose.render(text).html == prose.sanitize(prose._MD.convert(text))


@pytest.mark.parametrize(
    "text", ["- a list item", "# heading", "1. first", "> quote", "a *b*", "see [x](/404.md)"]
)
def test_markup_never_takes_the_shortcut(text):
    assert not prose._PLAIN_LINE.match(text)


def test_internal_links_are_relative_to_the_page_that_shows_them():
    text = "See [the FAQ](/404.md#faq) and [4xx](/4xx.md)."
    assert 'href="../404/#faq"' in prose.render(text).html
    assert 'href="../../4xx/"' in prose.render(text, "../../").html
    assert prose.render(text).targets == ("404.md#faq", "4xx.md")


def test_the_sanitizer_drops_what_the_allowlist_lacks_even_unchecked():
    dirty = '<p onclick="x()">a<script>alert(1)</script><img src=x><a href="javascript:x">b</a></p>'
    assert prose.sanitize(dirty) == "<p>a<a>b</a></p>"

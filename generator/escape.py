"""Make plain text inert wherever a template prints it.

Generated pages are Markdown with HTML blocks in them, so a value may land in Markdown
(a heading) or in HTML (a table cell, an attribute). Characters that mean something in
either are written as numeric character references: the browser shows the character,
while neither Markdown (emphasis, code, links, attribute lists, tables, headings) nor
HTML (tags, attributes) sees syntax. Line breaks become spaces: a value cannot start a
block of its own.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_CHARACTERS = "&<>\"'\\`*_{}[]#|~!:=^$+"
_SIGNIFICANT = str.maketrans({c: f"&#{ord(c)};" for c in _CHARACTERS})
_ANY_SIGNIFICANT = re.compile(f"[{re.escape(_CHARACTERS)}]")
_BREAK = re.compile(r"[\r\n\u2028\u2029]")
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def inert(value: object) -> Markup:
    """``value`` as text that neither Markdown nor HTML can read as markup."""
    text = str(value)
    # Most values (numbers, names, phrases) have neither: two searches cost less than
    # the substitution and the translation (half the time over a build's values).
    if _BREAK.search(text):
        text = _BREAKS.sub(" ", text)
    if _ANY_SIGNIFICANT.search(text):
        text = text.translate(_SIGNIFICANT)
    return Markup(text)


def anchor(href: str, text: object) -> Markup:
    """A link, both its target and its text made inert: the one way pages print one."""
    return Markup('<a href="{}">{}</a>').format(inert(href), inert(text))

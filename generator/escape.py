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

_SIGNIFICANT = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]#|~!:=^$+"})
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def inert(value: object) -> Markup:
    """``value`` as text that neither Markdown nor HTML can read as markup."""
    return Markup(_BREAKS.sub(" ", str(value)).translate(_SIGNIFICANT))


def anchor(href: str, text: object) -> Markup:
    """A link, both its target and its text made inert: the one way pages print one."""
    return Markup('<a href="{}">{}</a>').format(inert(href), inert(text))

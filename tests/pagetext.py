"""What a reader sees of a rendered page's body (the HTML a page kind's template writes):
its headings and the part of the page under one of them."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>')


def _text(inner: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", _PERMALINK.sub("", inner))).strip()


def headings(body: str, level: int = 2) -> list[str]:
    """The text of each heading of ``level``, in page order, as a reader reads it."""
    return [_text(m.group(2)) for m in _HEADING.finditer(body) if int(m.group(1)) == level]


def section_html(body: str, heading: str, level: int = 2) -> str:
    """The HTML under the heading whose text is ``heading``, up to the next heading of
    the same or a higher level."""
    found = [m for m in _HEADING.finditer(body) if int(m.group(1)) <= level]
    for index, match in enumerate(found):
        if int(match.group(1)) == level and _text(match.group(2)) == heading:
            end = found[index + 1].start() if index + 1 < len(found) else len(body)
            return body[match.end() : end]
    raise AssertionError(f"no heading {heading!r} on the page: {headings(body, level)}")


def section(body: str, heading: str, level: int = 2) -> BeautifulSoup:
    return BeautifulSoup(section_html(body, heading, level), "html.parser")

"""What a reader sees of a rendered page's body (the HTML a page kind's template writes):
its headings and the part of the page under one of them."""

from __future__ import annotations

from bs4 import BeautifulSoup
from sitebuild import heading_text


def headings(body: str, level: int = 2) -> list[str]:
    """The text of each heading of ``level``, in page order, as a reader reads it."""
    soup = BeautifulSoup(body, "html.parser")
    return [heading_text(tag) for tag in soup.find_all(f"h{level}")]


def section_html(body: str, heading: str, level: int = 2) -> str:
    """The HTML under the heading whose text is ``heading``, up to the next heading of
    the same or a higher level."""
    ends = {f"h{n}" for n in range(1, level + 1)}
    for tag in BeautifulSoup(body, "html.parser").find_all(f"h{level}"):
        if heading_text(tag) == heading:
            parts = []
            for sibling in tag.next_siblings:
                if getattr(sibling, "name", None) in ends:
                    break
                parts.append(str(sibling))
            return "".join(parts)
    raise AssertionError(f"no heading {heading!r} on the page: {headings(body, level)}")


def section(body: str, heading: str, level: int = 2) -> BeautifulSoup:
    return BeautifulSoup(section_html(body, heading, level), "html.parser")

"""The site navigation, derived from the planned pages and the place each one names.

Material prints navigation titles as HTML, so titles made from record text are escaped
here, where they are made (defence in depth behind validation).
"""

from __future__ import annotations

import html
from typing import Any

from generator.pages import Page

HAND_WRITTEN_TITLES = {"about.md": "About"}


def navigation(pages: list[Page], hand_written: list[str]) -> list[Any]:
    """MkDocs' nav: each page under the sections of its ``nav_path``, in planned order,
    then the hand-written pages at the top level."""
    nav: list[Any] = []
    sections: dict[tuple[str, ...], list[Any]] = {(): nav}
    for page in (page for page in pages if page.in_nav):
        for depth in range(1, len(page.nav_path) + 1):
            path = page.nav_path[:depth]
            if path not in sections:
                sections[path] = []
                sections[path[:-1]].append({html.escape(path[-1]): sections[path]})
        sections[page.nav_path].append({html.escape(page.nav_title): page.src})
    for src in hand_written:
        nav.append({HAND_WRITTEN_TITLES.get(src, src.removesuffix(".md").title()): src})
    return nav

"""The site navigation, derived from the planned pages."""

from __future__ import annotations

from typing import Any

from generator.pages import ALL_CODES_SRC, GUIDE_SRC, HOME_SRC, Page

HAND_WRITTEN_TITLES = {"about.md": "About", "api.md": "JSON API"}


def navigation(pages: list[Page], hand_written: list[str]) -> list[Any]:
    nav: list[Any] = []
    section: list[Any] | None = None
    for page in pages:
        if page.src in (HOME_SRC, ALL_CODES_SRC, GUIDE_SRC):
            nav.append({page.nav_title: page.src})
        elif page.template == "class.md.j2":
            section = [{page.nav_title: page.src}]
            nav.append({page.title.removesuffix(" status codes"): section})
        elif page.template == "compare_index.md.j2":
            section = [{page.nav_title: page.src}]
            nav.append({"Comparisons": section})
        else:
            assert section is not None, f"{page.src} comes before any section"
            section.append({page.nav_title: page.src})
    for src in hand_written:
        nav.append({HAND_WRITTEN_TITLES.get(src, src.removesuffix(".md").title()): src})
    return nav

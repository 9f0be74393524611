"""The site navigation, derived from the planned pages.

Material prints navigation titles as HTML, so titles made from record text are escaped
here, where they are made (defence in depth behind validation).
"""

from __future__ import annotations

import html
from typing import Any

from generator.pages import ALL_CODES_SRC, API_SRC, GUIDE_SRC, HOME_SRC, Page

HAND_WRITTEN_TITLES = {"about.md": "About"}


def navigation(pages: list[Page], hand_written: list[str]) -> list[Any]:
    nav: list[Any] = []
    tail: dict[str, str] | None = None
    section: list[Any] | None = None
    unofficial: list[Any] | None = None
    for page in pages:
        if page.src in (HOME_SRC, ALL_CODES_SRC, GUIDE_SRC):
            nav.append({html.escape(page.nav_title): page.src})
        elif page.src == API_SRC:
            tail = {html.escape(page.nav_title): page.src}
        elif page.template == "class.md.j2":
            section, unofficial = [{html.escape(page.nav_title): page.src}], None
            nav.append({page.title.removesuffix(" status codes"): section})
        elif page.template == "compare_index.md.j2":
            section = [{html.escape(page.nav_title): page.src}]
            nav.append({"Comparisons": section})
        else:
            assert section is not None, f"{page.src} comes before any section"
            record = page.context.get("record")
            if record is not None and not record.registered:
                if unofficial is None:
                    unofficial = []
                    section.append({"Unofficial codes": unofficial})
                unofficial.append({html.escape(page.nav_title): page.src})
            else:
                section.append({html.escape(page.nav_title): page.src})
    if tail:
        nav.append(tail)
    for src in hand_written:
        nav.append({HAND_WRITTEN_TITLES.get(src, src.removesuffix(".md").title()): src})
    return nav

"""The site navigation, derived from the planned pages.

Material prints navigation titles as HTML, so titles made from record text are escaped
here, where they are made (defence in depth behind validation).
"""

from __future__ import annotations

import html
from typing import Any

from generator.pages import Page

HAND_WRITTEN_TITLES = {"about.md": "About"}
TOP_LEVEL = {"home", "all_codes", "guide"}


def navigation(pages: list[Page], hand_written: list[str]) -> list[Any]:
    nav: list[Any] = []
    tail: list[Any] = []
    section: list[Any] | None = None
    unofficial: list[Any] | None = None
    for page in pages:
        entry = {html.escape(page.nav_title): page.src}
        if page.kind in TOP_LEVEL:
            nav.append(entry)
        elif page.kind == "api":
            tail.append(entry)
        elif page.kind in ("class", "compare_index"):
            section, unofficial = [entry], None
            title = page.title.removesuffix(" status codes") if page.kind == "class" else None
            nav.append({title or "Comparisons": section})
        else:
            assert section is not None, f"{page.src} comes before any section"
            if page.kind == "code" and not page.context["record"].registered:
                if unofficial is None:
                    unofficial = []
                    section.append({"Unofficial codes": unofficial})
                unofficial.append(entry)
            else:
                section.append(entry)
    nav += tail
    for src in hand_written:
        nav.append({HAND_WRITTEN_TITLES.get(src, src.removesuffix(".md").title()): src})
    return nav

"""The kinds of generated page: for each, its template, its og:type and its JSON-LD.

Adding a page kind is one row here, one template (``templates/<kind>.md.j2``) and the
pages that ``pages.plan`` makes of it, each with its place in the navigation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from generator import jsonld
from generator.pages import Page
from generator.site import Site


@dataclass(frozen=True)
class Kind:
    og_type: Literal["article", "website"]
    jsonld: Callable[[Page, Site, str], dict[str, Any]]

    @staticmethod
    def template(page: Page) -> str:
        return f"{page.kind}.md.j2"


KINDS: dict[str, Kind] = {
    "home": Kind("website", jsonld.home_page),
    "all_codes": Kind("website", jsonld.plain_page),
    "guide": Kind("article", jsonld.plain_page),
    "class": Kind("website", jsonld.class_page),
    "code": Kind("article", jsonld.code_page),
    "compare_index": Kind("website", jsonld.plain_page),
    "comparison": Kind("article", jsonld.comparison_page),
    "api": Kind("website", jsonld.plain_page),
}


def kind_of(page: Page) -> Kind:
    return KINDS[page.kind]

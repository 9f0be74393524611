"""The kinds of generated page: for each, the pages the data calls for, its og:type and
its JSON-LD; its template is ``templates/<kind>.html.j2``, which writes HTML, or
``templates/<kind>.md.j2`` for a kind that says it writes Markdown.

Adding a page kind is one row here (with its planner, in generator/pages.py, which gives
each page its place in the navigation) and one template. The order of the rows is the
order of the pages: a kind's pages follow those of the rows above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from generator import jsonld, pages
from generator.pages import Page
from generator.site import Site


@dataclass(frozen=True)
class Kind:
    plan: Callable[[Site], list[Page]]
    og_type: Literal["article", "website"]
    jsonld: Callable[[Page, Site, str], dict[str, Any]]
    # Whether the template writes Markdown (pages of prose: MkDocs converts them) rather
    # than HTML (every other page: it skips Markdown, generator.headings).
    markdown: bool = False

    def template(self, page: Page) -> str:
        return f"{page.kind}.{'md' if self.markdown else 'html'}.j2"


KINDS: dict[str, Kind] = {
    "home": Kind(pages.home_pages, "website", jsonld.home_page),
    "all_codes": Kind(pages.all_codes_pages, "website", jsonld.plain_page),
    "cheat_sheet": Kind(pages.cheat_sheet_pages, "website", jsonld.plain_page),
    "guide": Kind(pages.guide_pages, "article", jsonld.plain_page),
    "shared_numbers": Kind(pages.shared_numbers_pages, "website", jsonld.plain_page),
    "vendors": Kind(pages.vendors_pages, "website", jsonld.plain_page),
    "cors": Kind(pages.cors_pages, "article", jsonld.plain_page, markdown=True),
    "class": Kind(pages.class_pages, "website", jsonld.class_page),
    "code": Kind(pages.code_pages, "article", jsonld.code_page),
    "frameworks": Kind(pages.frameworks_pages, "article", jsonld.plain_page),
    "compare_index": Kind(pages.compare_index_pages, "website", jsonld.plain_page),
    "comparison": Kind(pages.comparison_pages, "article", jsonld.comparison_page),
    "headers_index": Kind(pages.headers_index_pages, "website", jsonld.plain_page),
    "header_matrix": Kind(pages.header_matrix_pages, "website", jsonld.plain_page),
    "header": Kind(pages.header_pages, "article", jsonld.header_page),
    "other_index": Kind(pages.other_index_pages, "website", jsonld.plain_page),
    "other": Kind(pages.other_pages, "article", jsonld.plain_page),
    "api": Kind(pages.api_pages, "website", jsonld.plain_page, markdown=True),
}


def plan(site: Site) -> list[Page]:
    """Every generated page: each kind's pages, in the order of KINDS."""
    planned = [page for kind in KINDS.values() for page in kind.plan(site)]
    wrong = [page.src for page in planned if page.kind not in KINDS]
    if wrong:
        raise ValueError(f"pages of no registered kind: {', '.join(wrong)}")
    return planned


def kind_of(page: Page) -> Kind:
    return KINDS[page.kind]

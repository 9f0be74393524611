"""Plan the site: which pages exist, where they live, and what each is made from.

The URL scheme lives here and nowhere else: a code at ``/202/``, a class at ``/2xx/``,
a comparison at ``/compare/<slug>/``. Links between pages are written docs-relative
(``/202.md``) so that MkDocs checks them and rewrites them for any site prefix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from generator.headers import header_uses
from generator.model import CodeClass, CodeRecord, Comparison
from generator.site import Site
from generator.urls import url_of

SITE_NAME = "HTTP Status Codes"
COMPARISONS_NAV = "Comparisons"
UNOFFICIAL_NAV = "Unofficial codes"


def code_src(code: int) -> str:
    return f"{code}.md"


def class_src(digit: int) -> str:
    return f"{digit}xx.md"


def comparison_src(slug: str) -> str:
    return f"compare/{slug}.md"


HOME_SRC = "index.md"
ALL_CODES_SRC = "codes.md"
CHEAT_SHEET_SRC = "cheat-sheet.md"
GUIDE_SRC = "guide.md"
API_SRC = "api.md"
COMPARE_INDEX_SRC = "compare/index.md"


PageKind = Literal[
    "home",
    "all_codes",
    "cheat_sheet",
    "guide",
    "api",
    "class",
    "code",
    "compare_index",
    "comparison",
]


@dataclass
class Page:
    src: str
    kind: PageKind
    title: str
    description: str
    nav_title: str
    context: dict[str, Any] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    # Search: terms indexed with the theme's highest boost, and the page's own boost.
    search_terms: list[str] = field(default_factory=list)
    # Extra index fields for the page's top entry (see generator/searchindex.py).
    search_fields: dict[str, list[str]] = field(default_factory=dict)
    search_boost: float = 1.0
    # Material page options, e.g. ["toc"] to give a wide table the whole width.
    hide: list[str] = field(default_factory=list)
    # Where the page sits in the navigation: the titles of the sections that hold it,
    # outermost first; () for the top level. Sections appear in the order of their pages.
    nav_path: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return url_of(self.src)


# One planner per kind of page: the pages of that kind the data calls for, in the order
# they take in the navigation. generator.kinds names them with the kinds.


def home_pages(site: Site) -> list[Page]:
    return [
        Page(
            src=HOME_SRC,
            kind="home",
            title=SITE_NAME,
            nav_title="Home",
            description=(
                "Every HTTP status code explained: meaning, when to use it and when not to, "
                "real request and response examples, and the RFC section."
            ),
            keywords=["HTTP status codes", "HTTP response codes", "RFC 9110"],
            # The whole width for the list of codes.
            hide=["navigation", "toc"],
        )
    ]


def all_codes_pages(site: Site) -> list[Page]:
    return [
        Page(
            src=ALL_CODES_SRC,
            kind="all_codes",
            title="All HTTP status codes",
            nav_title="All codes",
            description=(
                "Every HTTP status code in one filterable, sortable table: number, name, "
                "class, meaning, registry status, registered or unofficial."
            ),
            keywords=["HTTP status code list", "all HTTP status codes", "status code table"],
            hide=["navigation", "toc"],
        )
    ]


def cheat_sheet_pages(site: Site) -> list[Page]:
    return [
        Page(
            src=CHEAT_SHEET_SRC,
            kind="cheat_sheet",
            title="HTTP status code cheat sheet",
            nav_title="Cheat sheet",
            description=(
                "Every registered HTTP status code on one printable page: number, name and "
                "what it means, by class."
            ),
            keywords=["HTTP status code cheat sheet", "printable HTTP status codes"],
            hide=["navigation", "toc", "footer"],
        )
    ]


def guide_pages(site: Site) -> list[Page]:
    if site.guide is None:
        return []
    return [
        Page(
            src=GUIDE_SRC,
            kind="guide",
            title=site.guide.title,
            nav_title="Which code should I use?",
            description=site.guide.summary,
            context={"guide": site.guide},
            keywords=["which HTTP status code", "choose status code", "decision guide"],
        )
    ]


def class_pages(site: Site) -> list[Page]:
    return [
        _class_page(code_class, site.in_class(digit))
        for digit, code_class in sorted(site.classes.items())
        if site.in_class(digit)
    ]


def code_pages(site: Site) -> list[Page]:
    pages = []
    for digit in sorted(site.classes):
        records = site.in_class(digit)
        for index, record in enumerate(records):
            previous = records[index - 1] if index > 0 else None
            following = records[index + 1] if index + 1 < len(records) else None
            pages.append(_code_page(site, record, previous, following))
    return pages


def compare_index_pages(site: Site) -> list[Page]:
    if not site.comparisons:
        return []
    return [
        Page(
            src=COMPARE_INDEX_SRC,
            kind="compare_index",
            title="Comparisons of confusable HTTP status codes",
            nav_title="All comparisons",
            description=(
                "Side-by-side tables for the HTTP status codes people confuse, "
                "with how to choose between them."
            ),
            context={"groups": sorted(site.comparisons.items())},
            nav_path=(COMPARISONS_NAV,),
        )
    ]


def comparison_pages(site: Site) -> list[Page]:
    return [_comparison_page(site, slug, group) for slug, group in sorted(site.comparisons.items())]


def api_pages(site: Site) -> list[Page]:
    return [
        Page(
            src=API_SRC,
            kind="api",
            title="JSON API",
            nav_title="JSON API",
            description=(
                "Every status code record as static JSON files, with JSON Schemas, for bots, "
                "editor plugins, CLIs and tests."
            ),
            # The examples use a code that exists in this build.
            context={"example": 429 if 429 in site.codes else min(site.codes)},
            keywords=["HTTP status codes JSON", "status code API"],
        )
    ]


def _class_page(code_class: CodeClass, records: list[CodeRecord]) -> Page:
    return Page(
        src=class_src(code_class.digit),
        kind="class",
        title=f"{code_class.title} status codes",
        nav_title=f"{code_class.slug} overview",
        description=code_class.summary,
        context={"code_class": code_class, "records": records},
        keywords=[f"{code_class.slug} status codes", code_class.name],
        nav_path=(code_class.title,),
    )


def _code_page(
    site: Site,
    record: CodeRecord,
    previous: CodeRecord | None,
    following: CodeRecord | None,
) -> Page:
    return Page(
        src=code_src(record.code),
        kind="code",
        title=record.title,
        nav_title=record.title,
        description=record.summary,
        context={
            "record": record,
            "code_class": site.classes[record.class_digit],
            "previous": previous,
            "following": following,
            "groups": site.comparisons_for(record.code),
        },
        keywords=[str(record.code), record.phrase, *record.keywords],
        search_terms=list(record.keywords),
        search_fields={
            "names": record.names,
            "headers": list(dict.fromkeys(h.name for h in header_uses(record))),
        },
        search_boost=2.0,
        # One previous/next: the page's own, within the class (Material's footer would
        # repeat it in navigation order).
        hide=["footer"],
        nav_path=(site.classes[record.class_digit].title,)
        + (() if record.registered else (UNOFFICIAL_NAV,)),
    )


def _comparison_page(site: Site, slug: str, group: Comparison) -> Page:
    return Page(
        src=comparison_src(slug),
        kind="comparison",
        title=group.title,
        nav_title=group.title,
        description=group.summary,
        context={"slug": slug, "group": group},
        nav_path=(COMPARISONS_NAV,),
        keywords=[f"{a} vs {b}" for a, b in zip(group.codes, group.codes[1:], strict=False)],
    )

"""Plan the site: which pages exist, where they live, and what each is made from.

The URL scheme lives here and nowhere else: a code at ``/202/``, a class at ``/2xx/``,
a comparison at ``/compare/<slug>/``, a header field at ``/headers/<lower-case name>/``.
Links between pages are written docs-relative (``/202.md``) so that MkDocs checks them
and rewrites them for any site prefix.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Literal

from generator import headers, snippets, vendors
from generator.headers import header_uses
from generator.meanings import shared_numbers
from generator.model import CodeClass, CodeRecord, Comparison, HeaderRecord
from generator.site import Site
from generator.urls import url_of

SITE_NAME = "HTTP Status Codes"
COMPARISONS_NAV = "Comparisons"
UNOFFICIAL_NAV = "Unofficial codes"
# Chips under a search result: enough to say what the page is about, few enough to scan.
MAX_CHIPS = 3


def code_src(code: int) -> str:
    return f"{code}.md"


def frameworks_src(code: int) -> str:
    """A code's framework snippets, on a page of their own: /202/frameworks/."""
    return f"{code}/frameworks.md"


def class_src(digit: int) -> str:
    return f"{digit}xx.md"


def comparison_src(slug: str) -> str:
    return f"compare/{slug}.md"


def header_src(name: str) -> str:
    """A header field's page, by its name in any case: ``Retry-After`` -> headers/retry-after.md."""
    return f"headers/{name.lower()}.md"


HOME_SRC = "index.md"
ALL_CODES_SRC = "codes.md"
CHEAT_SHEET_SRC = "cheat-sheet.md"
GUIDE_SRC = "guide.md"
CORS_SRC = "cors.md"
API_SRC = "api.md"
COMPARE_INDEX_SRC = "compare/index.md"
HEADERS_INDEX_SRC = "headers/index.md"
HEADER_MATRIX_SRC = "headers/status-matrix.md"
HEADERS_NAV = "Headers"
SHARED_NUMBERS_SRC = "shared-numbers.md"
VENDORS_SRC = "vendors.md"
OTHER_INDEX_SRC = "other/index.md"
OTHER_NAV = "Not status codes"


def other_src(slug: str) -> str:
    return f"other/{slug}.md"


PageKind = Literal[
    "home",
    "all_codes",
    "cheat_sheet",
    "guide",
    "cors",
    "api",
    "class",
    "code",
    "frameworks",
    "compare_index",
    "comparison",
    "shared_numbers",
    "vendors",
    "other_index",
    "other",
    "headers_index",
    "header_matrix",
    "header",
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
    # Search: at most three chips shown under the page's result (front matter tags; not
    # indexed), the page's index fields (see generator/searchindex.py) and its boost.
    search_terms: list[str] = field(default_factory=list)
    search_fields: dict[str, list[str]] = field(default_factory=dict)
    search_boost: float = 1.0
    # Material page options, e.g. ["toc"] to give a wide table the whole width.
    hide: list[str] = field(default_factory=list)
    # Where the page sits in the navigation: the titles of the sections that hold it,
    # outermost first; () for the top level. Sections appear in the order of their pages.
    nav_path: tuple[str, ...] = ()
    # A page reached from another page only (a code's framework snippets) stays out of the
    # navigation (mkdocs.yml's not_in_nav names them) and out of the site search.
    in_nav: bool = True
    in_search: bool = True

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


# What people type when a cross-origin request fails: the CORS page's index keywords.
CORS_KEYWORDS = [
    "CORS",
    "CORS error",
    "preflight",
    "preflight request",
    "OPTIONS preflight",
    "status 0",
    "network error",
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Headers",
    "Access-Control-Max-Age",
    "cross-origin request",
]


# The CORS page's sections (anchor: heading), printed by templates/cors.md.j2 and searched.
CORS_SECTIONS = {
    "preflight": "What a preflight must get back",
    "status-0": "Why the browser shows status 0",
    "confused-codes": "Codes people mistake for a CORS failure",
    "fixing-it": "Fixing it",
}


def cors_pages(site: Site) -> list[Page]:
    return [
        Page(
            src=CORS_SRC,
            kind="cors",
            title="CORS errors and HTTP status codes",
            nav_title="CORS errors",
            description=(
                "What a CORS preflight must get back, why a blocked request shows status 0, "
                "and which status codes people mistake for a CORS failure."
            ),
            keywords=CORS_KEYWORDS[:4],
            context={"sections": CORS_SECTIONS},
            search_fields={"keywords": CORS_KEYWORDS, "questions": list(CORS_SECTIONS.values())},
            search_boost=2.0,
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


def frameworks_pages(site: Site) -> list[Page]:
    """The framework snippets of each code that has them. They are most of a code page's
    bytes and a reader needs one framework's: the code page links here (its "Send it from
    your framework" section) and the snippets load only for the reader who follows it."""
    pages = []
    for digit in sorted(site.classes):
        for record in site.in_class(digit):
            labels = [t.framework.label for t in snippets.tabs(site, record) if t.snippet]
            if not labels:
                continue
            pages.append(
                Page(
                    src=frameworks_src(record.code),
                    kind="frameworks",
                    title=f"Send {record.title} from your framework",
                    nav_title=record.title,
                    description=f"Code that sends {record.title} from {', '.join(labels)}.",
                    context={"record": record, "code_class": site.classes[record.class_digit]},
                    keywords=[f"{record.code} {label}" for label in labels],
                    in_nav=False,
                    in_search=False,
                )
            )
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


def shared_numbers_pages(site: Site) -> list[Page]:
    records = shared_numbers(site)
    if not records:
        return []
    return [
        Page(
            src=SHARED_NUMBERS_SRC,
            kind="shared_numbers",
            title="HTTP status numbers with several meanings",
            nav_title="Numbers with several meanings",
            description=(
                "Status numbers that mean different things from different senders (nginx, "
                "Cloudflare, AWS, Shopify, Esri, ...), each meaning with its source."
            ),
            context={"records": records},
            keywords=["status code conflicts", "vendor status codes", "same status code"],
        )
    ]


def vendors_pages(site: Site) -> list[Page]:
    if not site.products:
        return []
    return [
        Page(
            src=VENDORS_SRC,
            kind="vendors",
            title="Status codes by vendor",
            nav_title="Codes by vendor",
            description=(
                "The unofficial status codes each product sends (nginx, Cloudflare, AWS, IIS, "
                "Shopify, ...), with what each product's operator should check."
            ),
            context={"groups": vendors.groups(site), "shared": bool(shared_numbers(site))},
            keywords=["vendor status codes", "nginx codes", "cloudflare codes", "aws alb codes"],
        )
    ]


def other_index_pages(site: Site) -> list[Page]:
    if not site.others:
        return []
    return [
        Page(
            src=OTHER_INDEX_SRC,
            kind="other_index",
            title="Numbers that are not HTTP status codes",
            nav_title="All of them",
            description=(
                "Numbers people meet next to HTTP status codes that are none: status 0, "
                "Cloudflare 1xxx errors, IIS sub-status codes, warn codes."
            ),
            context={"others": sorted(site.others.items())},
            nav_path=(OTHER_NAV,),
        )
    ]


def other_pages(site: Site) -> list[Page]:
    return [
        Page(
            src=other_src(slug),
            kind="other",
            title=other.title,
            nav_title=other.title,
            description=other.summary,
            context={"other": other, "slug": slug},
            keywords=[other.number, *other.keywords],
            search_terms=list(other.keywords[:MAX_CHIPS]),
            search_fields={"names": [other.number, other.title], "keywords": list(other.keywords)},
            nav_path=(OTHER_NAV,),
        )
        for slug, other in sorted(site.others.items())
    ]


def headers_index_pages(site: Site) -> list[Page]:
    if not site.headers:
        return []
    return [
        Page(
            src=HEADERS_INDEX_SRC,
            kind="headers_index",
            title="HTTP header fields that go with status codes",
            nav_title="All headers",
            description=(
                "Every header field a status code page names: what it means, its syntax, "
                "and which codes must, should or may carry it."
            ),
            context={"headers": sorted(site.headers.values(), key=lambda h: h.slug)},
            keywords=["HTTP headers", "HTTP header fields", "response headers"],
            nav_path=(HEADERS_NAV,),
        )
    ]


def header_matrix_pages(site: Site) -> list[Page]:
    if not site.headers:
        return []
    rows = headers.matrix(site)
    return [
        Page(
            src=HEADER_MATRIX_SRC,
            kind="header_matrix",
            title="Status codes and the header fields they require",
            nav_title="Status x header table",
            description=(
                "One table of which response header fields each status code must, should "
                "or may send, with the conditions the RFCs attach."
            ),
            context={
                "rows": rows,
            },
            keywords=["status code headers table", "required response headers"],
            hide=["toc"],
            nav_path=(HEADERS_NAV,),
        )
    ]


def header_pages(site: Site) -> list[Page]:
    index = headers.carriers_by_name(site)
    return [_header_page(site, header, index) for _, header in sorted(site.headers.items())]


def _header_page(site: Site, header: HeaderRecord, index: headers.Carriers) -> Page:
    return Page(
        src=header_src(header.name),
        kind="header",
        title=f"{header.name} header",
        nav_title=header.name,
        description=header.summary,
        context={
            "header": header,
            "levels": headers.by_level(site, header.name, index),
            "requests": headers.in_requests(site, header.name, index),
        },
        keywords=[header.name, f"{header.name} header", *header.keywords],
        search_terms=[header.name, *header.keywords][:MAX_CHIPS],
        search_fields={"headers": [header.name], "keywords": list(header.keywords)},
        nav_path=(HEADERS_NAV,),
    )


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
        search_terms=list(record.keywords[:MAX_CHIPS]),
        search_fields={
            "names": record.names,
            "vendors": list(dict.fromkeys(use.vendor for use in record.vendors)),
            "headers": list(dict.fromkeys(h.name for h in header_uses(record))),
            "keywords": list(record.keywords),
            "phrasings": list(record.phrasings),
            "questions": [faq.question for faq in record.faq],
        },
        # A phrase that fits a registered and a vendor code ("token expired": 401 and
        # ArcGIS's 498) finds the registered one first; naming the vendor finds its code.
        search_boost=2.0 if record.registered else 1.5,
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
        search_fields={
            "names": [
                *(f"{a} vs {b}" for a, b in itertools.combinations(group.codes, 2)),
                *(site.codes[code].title for code in group.codes if code in site.codes),
            ],
        },
    )

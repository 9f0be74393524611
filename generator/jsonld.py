"""Structured data (schema.org JSON-LD) for each page, as pure functions of the data.

Every URL is absolute and equal to the page's canonical URL. Nothing reads the clock:
two builds of the same data give the same JSON-LD.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from generator import urls
from generator.model import CodeRecord, Comparison, HeaderRecord
from generator.pages import (
    COMPARE_INDEX_SRC,
    HEADERS_INDEX_SRC,
    HOME_SRC,
    SITE_NAME,
    Page,
    class_src,
    code_src,
    url_of,
)
from generator.site import Site

CONTEXT = "https://schema.org"
TERM_SET_NAME = "HTTP status codes"


def absolute(site_url: str, src: str) -> str:
    return urls.absolute(site_url, url_of(src))


@functools.cache
def plain(markdown: str) -> str:
    """Markdown to plain text (the JSON API's text fields): links keep their text, marks go."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


def _home(site_url: str) -> str:
    return absolute(site_url, HOME_SRC)


def _publisher(site_url: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": SITE_NAME, "url": _home(site_url)}


def _term_set_ref(site_url: str) -> dict[str, Any]:
    return {
        "@type": "DefinedTermSet",
        "@id": _home(site_url) + "#codes",
        "name": TERM_SET_NAME,
        "url": _home(site_url),
    }


def _breadcrumbs(site_url: str, trail: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(site_url, src),
            }
            for position, (name, src) in enumerate(trail, start=1)
        ],
    }


def _item_list(site_url: str, records: list[CodeRecord]) -> dict[str, Any]:
    return {
        "@type": "ItemList",
        "numberOfItems": len(records),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": record.title,
                "url": absolute(site_url, code_src(record.code)),
            }
            for position, record in enumerate(records, start=1)
        ],
    }


def defined_term(record: CodeRecord, site_url: str) -> dict[str, Any]:
    url = absolute(site_url, code_src(record.code))
    return {
        "@type": "DefinedTerm",
        "@id": url + "#term",
        "name": record.title,
        "termCode": str(record.code),
        "description": record.summary,
        "url": url,
        "inDefinedTermSet": _term_set_ref(site_url),
    }


def code_page(page: Page, site: Site, site_url: str) -> dict[str, Any]:
    record: CodeRecord = page.context["record"]
    url = absolute(site_url, page.src)
    article: dict[str, Any] = {
        "@type": "TechArticle",
        "@id": url + "#article",
        "headline": record.title,
        "name": record.title,
        "description": record.summary,
        "abstract": record.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en",
        "keywords": ", ".join([str(record.code), record.phrase, *record.keywords]),
        "about": defined_term(record, site_url),
        "publisher": _publisher(site_url),
        "isPartOf": {"@type": "WebSite", "@id": _home(site_url) + "#website"},
    }
    modified = site.modified_on(record.code)
    if modified:
        article["dateModified"] = modified
    if record.specification is not None:
        article["citation"] = {
            "@type": "CreativeWork",
            "name": record.specification.citation,
            "url": record.specification.link,
        }
    # No FAQPage: since 8 August 2023 Google shows FAQ rich results only for well-known,
    # authoritative government and health sites (Search Central blog, "Changes to HowTo
    # and FAQ rich results", developers.google.com/search/blog/2023/08/howto-faq-changes),
    # and the questions and answers are on the page itself. They cost a code page 0.4 KB
    # of gzip (BENCHMARKS.md, Page weight).
    code_class = site.classes[record.class_digit]
    trail = [
        ("Home", HOME_SRC),
        (f"{code_class.slug} {code_class.name}", class_src(code_class.digit)),
        (record.title, code_src(record.code)),
    ]
    return {"@context": CONTEXT, "@graph": [article, _breadcrumbs(site_url, trail)]}


def class_page(page: Page, site: Site, site_url: str) -> dict[str, Any]:
    code_class = page.context["code_class"]
    records = page.context["records"]
    url = absolute(site_url, page.src)
    collection = {
        "@type": "CollectionPage",
        "@id": url,
        "name": page.title,
        "description": page.description,
        "url": url,
        "inLanguage": "en",
        "isPartOf": {"@type": "WebSite", "@id": _home(site_url) + "#website"},
        "mainEntity": _item_list(site_url, records),
    }
    trail = [("Home", HOME_SRC), (f"{code_class.slug} {code_class.name}", page.src)]
    return {"@context": CONTEXT, "@graph": [collection, _breadcrumbs(site_url, trail)]}


def comparison_page(page: Page, site: Site, site_url: str) -> dict[str, Any]:
    group: Comparison = page.context["group"]
    url = absolute(site_url, page.src)
    article = {
        "@type": "TechArticle",
        "@id": url + "#article",
        "headline": group.title,
        "name": group.title,
        "description": group.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en",
        "publisher": _publisher(site_url),
        "about": _item_list(site_url, [site.codes[c] for c in group.codes]),
    }
    trail = [("Home", HOME_SRC), ("Comparisons", COMPARE_INDEX_SRC), (group.title, page.src)]
    return {"@context": CONTEXT, "@graph": [article, _breadcrumbs(site_url, trail)]}


def header_page(page: Page, site: Site, site_url: str) -> dict[str, Any]:
    header: HeaderRecord = page.context["header"]
    url = absolute(site_url, page.src)
    article = {
        "@type": "TechArticle",
        "@id": url + "#article",
        "headline": page.title,
        "name": page.title,
        "description": header.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en",
        "keywords": ", ".join(page.keywords),
        "publisher": _publisher(site_url),
        "isPartOf": {"@type": "WebSite", "@id": _home(site_url) + "#website"},
        "citation": {
            "@type": "CreativeWork",
            "name": header.defined_in.citation,
            "url": header.defined_in.link,
        },
    }
    trail = [("Home", HOME_SRC), ("Headers", HEADERS_INDEX_SRC), (page.title, page.src)]
    return {"@context": CONTEXT, "@graph": [article, _breadcrumbs(site_url, trail)]}


def home_page(page: Page, site: Site, site_url: str) -> dict[str, Any]:
    home = _home(site_url)
    website = {
        "@type": "WebSite",
        "@id": home + "#website",
        "name": SITE_NAME,
        "description": page.description,
        "url": home,
        "inLanguage": "en",
        "publisher": _publisher(site_url),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": home + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }
    term_set = {
        **_term_set_ref(site_url),
        "description": "Every HTTP status code on this site, registered and unofficial.",
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "@id": absolute(site_url, code_src(code)) + "#term",
                "name": record.title,
                "termCode": str(code),
                "url": absolute(site_url, code_src(code)),
            }
            for code, record in sorted(site.codes.items())
        ],
    }
    return {"@context": CONTEXT, "@graph": [website, term_set]}


def web_page(title: str, description: str, src: str, site_url: str) -> dict[str, Any]:
    """A plain WebPage: the guide, the all-codes page, hand-written pages."""
    return {
        "@context": CONTEXT,
        "@type": "WebPage",
        "name": title,
        "description": description,
        "url": absolute(site_url, src),
        "inLanguage": "en",
        "isPartOf": {"@type": "WebSite", "@id": _home(site_url) + "#website"},
    }


def plain_page(page: Page, site: Site, site_url: str) -> dict[str, Any]:
    return web_page(page.title, page.description, page.src, site_url)

"""The site served from a sub-path, as a GitHub project page is (/<repo>/)."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from browser import serve
from crawl import crawl
from searching import open_search, search
from sitebuild import build, jsonld_blocks
from test_not_found import check_not_found_page

PREFIX = "/http-status/"
SITE_URL = "https://example.org" + PREFIX

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    result = build(tmp_path_factory.mktemp("subpath"), site_url=SITE_URL)
    assert result.returncode == 0, result.output
    with serve(result.site, prefix=PREFIX) as base:
        yield result, base


def test_links_resolve_under_the_prefix(subpath_site):
    _, base = subpath_site
    report = crawl(base)
    assert report.pages > 100
    assert report.broken == []


def test_canonical_urls_and_jsonld_carry_the_prefix(subpath_site):
    result, _ = subpath_site
    soup = result.html("/429/")
    assert soup.find("link", rel="canonical")["href"] == SITE_URL + "429/"
    (data,) = jsonld_blocks(soup)
    urls = json.dumps(data)
    assert SITE_URL + "429/" in urls
    assert "https://example.org/4xx/" not in urls  # no URL lost its prefix
    (breadcrumbs,) = [n for n in data["@graph"] if n["@type"] == "BreadcrumbList"]
    crumbs = breadcrumbs["itemListElement"]
    assert [c["item"] for c in crumbs] == [SITE_URL, SITE_URL + "4xx/", SITE_URL + "429/"]


def test_api_and_opensearch_carry_the_prefix(subpath_site):
    result, _ = subpath_site
    index = json.loads((result.site / "api/v1/codes.json").read_text())
    entry = next(e for e in index["codes"] if e["code"] == 429)
    assert entry["url"] == SITE_URL + "429/"
    assert entry["api_url"] == SITE_URL + "api/v1/codes/429.json"
    assert (
        f'template="{SITE_URL}?q={{searchTerms}}"' in (result.site / "opensearch.xml").read_text()
    )
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (result.site / "robots.txt").read_text()


@pytest.mark.browser
def test_search_and_the_404_page_work_under_the_prefix(subpath_site, browser):
    _, base = subpath_site
    page = browser.new_page()
    open_search(page, base)
    paths, _ = search(page, "too many requests")
    assert paths[0] == PREFIX + "429/"
    page.goto(base + "42/")
    links = page.locator("#code-suggestions a")
    links.first.wait_for()
    assert urlparse(links.first.get_attribute("href")).path.startswith(PREFIX + "42")
    page.close()


@pytest.mark.browser
def test_the_not_found_page_searches_and_suggests_under_the_prefix(subpath_site, browser):
    _, base = subpath_site
    page = browser.new_page()
    check_not_found_page(page, base, PREFIX)
    page.close()

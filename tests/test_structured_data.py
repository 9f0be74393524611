"""Structured data and head tags on every built page, as search engines read them."""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
import schemaorg_vocab
from conftest import SITE_URL
from factory import record, write_dataset, write_yaml
from sitebuild import build, jsonld_blocks

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def pages(real_site):
    """(url path, parsed page) for every built HTML page but the 404 page."""
    found = []
    for path in real_site.pages():
        if path.name != "index.html":
            continue
        url = path.parent.relative_to(real_site.site).as_posix()
        url = "" if url == "." else url + "/"
        found.append((url, real_site.html(url)))
    return found


def nodes(data: dict) -> list[dict]:
    return data.get("@graph", [data])


def test_every_page_has_jsonld_that_parses(pages):
    for url, soup in pages:
        blocks = jsonld_blocks(soup)
        assert len(blocks) == 1, url
        assert blocks[0]["@context"] == "https://schema.org"


def test_every_type_and_property_exists_in_schema_org(pages):
    found = []
    for url, soup in pages:
        for block in jsonld_blocks(soup):
            found += [f"/{url} {p}" for p in schemaorg_vocab.problems(block)]
    assert found == []


def test_the_vocabulary_check_catches_mistakes():
    assert schemaorg_vocab.problems({"@type": "TechArticle", "headlin": "x"}) == [
        "$.headlin: unknown property"
    ]
    assert schemaorg_vocab.problems({"@type": "Answer", "termCode": "x"}) == [
        "$.termCode: not a property of Answer"
    ]
    assert schemaorg_vocab.problems({"@type": "Articel"}) == ["$: unknown type Articel"]


def test_page_urls_equal_their_canonical_links(pages):
    for url, soup in pages:
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == SITE_URL + url
        (block,) = jsonld_blocks(soup)
        main = nodes(block)[0]
        assert main["url"] == canonical, url
        assert soup.find("meta", property="og:url")["content"] == canonical


def test_code_pages_carry_article_term_and_breadcrumbs(pages):
    """No FAQPage: Google has shown FAQ rich results only for government and health sites
    since August 2023, so the answers, printed on the page anyway, no longer earn their
    0.4 KB of gzip on every code page."""
    code_pages = [(u, s) for u, s in pages if u.strip("/").isdigit()]
    assert len(code_pages) > 60
    for url, soup in code_pages:
        (block,) = jsonld_blocks(soup)
        by_type = {n["@type"]: n for n in nodes(block)}
        assert set(by_type) == {"TechArticle", "BreadcrumbList"}, url
        term = by_type["TechArticle"]["about"]
        assert term["@type"] == "DefinedTerm"
        assert term["termCode"] == url[:3]
        assert term["inDefinedTermSet"]["@type"] == "DefinedTermSet"
        crumbs = by_type["BreadcrumbList"]["itemListElement"]
        assert [c["position"] for c in crumbs] == [1, 2, 3]
        assert all(c["name"] and c["item"].startswith(SITE_URL) for c in crumbs)
        assert crumbs[-1]["item"] == SITE_URL + url


def test_class_comparison_and_home_pages_have_their_types(pages):
    by_url = dict(pages)
    types = {n["@type"] for n in nodes(jsonld_blocks(by_url["4xx/"])[0])}
    assert types == {"CollectionPage", "BreadcrumbList"}
    collection = nodes(jsonld_blocks(by_url["4xx/"])[0])[0]
    assert collection["mainEntity"]["@type"] == "ItemList"
    compare = nodes(jsonld_blocks(by_url["compare/301-vs-302-vs-303-vs-307-vs-308/"])[0])
    assert {n["@type"] for n in compare} == {"TechArticle", "BreadcrumbList"}
    first = compare[0]["about"]["itemListElement"][0]
    assert first["name"] == "301 Moved Permanently"
    home = {n["@type"]: n for n in nodes(jsonld_blocks(by_url[""])[0])}
    action = home["WebSite"]["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == SITE_URL + "?q={search_term_string}"
    assert len(home["DefinedTermSet"]["hasDefinedTerm"]) > 90


def test_titles_and_descriptions_are_unique(pages):
    titles = Counter(soup.find("title").get_text() for _, soup in pages)
    descriptions = Counter(
        soup.find("meta", attrs={"name": "description"})["content"] for _, soup in pages
    )
    assert [t for t, n in titles.items() if n > 1] == []
    assert [d for d, n in descriptions.items() if n > 1] == []


def test_open_graph_and_twitter_tags(pages):
    for url, soup in pages:
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert soup.find("meta", property=prop)["content"], (url, prop)
        # Code pages have a share image (generator/shareimage.py); the others do not.
        image = soup.find("meta", property="og:image")
        card = "summary_large_image" if image else "summary"
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == card, url
        assert soup.find("html")["lang"] == "en"
    by_url = dict(pages)
    assert by_url["429/"].find("meta", property="og:type")["content"] == "article"
    assert by_url["429/"].find("meta", property="og:image")["content"].endswith("/og/429.png")
    assert by_url[""].find("meta", property="og:image") is None
    assert by_url[""].find("meta", property="og:type")["content"] == "website"


def test_sitemap_lists_every_page_and_robots_points_to_it(real_site, pages):
    tree = ET.parse(real_site.site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)}
    assert listed == {SITE_URL + url for url, _ in pages}
    robots = (real_site.site / "robots.txt").read_text()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()


def test_modified_dates_come_from_history_not_the_clock(tmp_path):
    """Each page's dateModified is the date of the last commit that changed its record."""
    data = write_dataset(tmp_path, [record(200), record(204), record(404)])

    def git(*args: str, date: str | None = None) -> None:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
        env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
        if date:
            env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "first", date="2024-03-05T10:00:00+00:00")
    write_yaml(data / "codes" / "404.yaml", record(404, summary="A later summary of 404."))
    git("commit", "-qam", "second", date="2025-07-09T10:00:00+00:00")
    result = build(tmp_path / "site", data=data)
    assert result.returncode == 0, result.output

    def modified(path: str) -> str:
        return nodes(jsonld_blocks(result.html(path))[0])[0].get("dateModified")

    assert modified("/404/") == "2025-07-09"
    assert modified("/200/") == "2024-03-05"

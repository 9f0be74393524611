"""The real site, built with `mkdocs build --strict`, read back as a browser would get it."""

from __future__ import annotations

import pytest
from conftest import SITE_URL
from factory import record, write_dataset
from sitebuild import REPO, build, heading_text, jsonld_blocks

from generator.loader import load_site
from generator.sections import sections_of

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site_build(real_site):
    return real_site


def test_every_record_has_a_page(site_build):
    site = load_site(REPO / "data")
    for code, rec in site.codes.items():
        soup = site_build.html(f"/{code}/")
        assert heading_text(soup.find("h1")) == rec.title


def test_202_has_every_section_in_order(site_build):
    soup = site_build.html("/202/")
    article = soup.find("article")
    sections = [(h2["id"], heading_text(h2)) for h2 in article.find_all("h2")]
    site = load_site(REPO / "data")
    record = site.codes[202]
    # The page shows the declared sections, in order, with their anchors.
    assert sections == [(s.id, s.heading(record)) for s in sections_of(record, site)]
    # The answer first (202 is not an error: nothing to fix), the depth after.
    assert [title for _, title in sections][:6] == [
        "When to use",
        "When not to use",
        "Meaning",
        "You may see this as",
        "Examples",
        "Headers",
    ]


def test_202_comparison_table_rows(site_build):
    soup = site_build.html("/202/")
    heading = soup.find(id="comparison")
    table = heading.find_next("table")
    rows = [tr.find("td").get_text(strip=True) for tr in table.find_all("tr") if tr.find("td")]
    assert rows == [
        "200 OK",
        "201 Created",
        "202 Accepted(this page)",
        "204 No Content",
        "303 See Other",
    ]
    headers = [th.get_text(strip=True) for th in table.find_all("th")]
    assert headers[:3] == ["Code", "Meaning", "Choose it when"]
    links = [a["href"] for a in table.find_all("a")]
    assert "../303/" in links


def test_202_example_shows_the_whole_async_flow(site_build):
    soup = site_build.html("/202/")
    blocks = [pre.get_text() for pre in soup.select("article pre")]
    status_lines = [b.splitlines()[0] for b in blocks if b.startswith("HTTP/1.1")]
    assert status_lines[:4] == [
        "HTTP/1.1 202 Accepted",
        "HTTP/1.1 200 OK",
        "HTTP/1.1 303 See Other",
        "HTTP/1.1 200 OK",
    ]
    assert any('"status": "failed"' in b for b in blocks)
    assert any("Location: /reports/jobs/" in b for b in blocks)


def test_202_head_tags(site_build):
    soup = site_build.html("/202/")
    rec = load_site(REPO / "data").codes[202]
    assert soup.find("link", rel="canonical")["href"] == SITE_URL + "202/"
    assert soup.find("meta", attrs={"name": "description"})["content"] == rec.summary
    assert soup.find("title").get_text() == "202 Accepted - HTTP Status Codes"
    assert "asynchronous" in soup.find("meta", attrs={"name": "keywords"})["content"]


def test_202_jsonld(site_build):
    (data,) = jsonld_blocks(site_build.html("/202/"))
    article = next(n for n in data["@graph"] if n["@type"] == "TechArticle")
    assert article["url"] == SITE_URL + "202/"
    assert article["headline"] == "202 Accepted"
    assert article["inLanguage"] == "en"
    assert article["publisher"]["@type"] == "Organization"
    # No FAQPage: Google shows FAQ rich results only for government and health sites.
    assert [n["@type"] for n in data["@graph"]] == ["TechArticle", "BreadcrumbList"]


def test_home_lists_codes_by_class(site_build):
    soup = site_build.html("/")
    headings = [heading_text(h2) for h2 in soup.select("article h2")]
    assert headings == [
        "1xx Informational",
        "2xx Successful",
        "3xx Redirection",
        "4xx Client Error",
        "4xx unofficial codes",
        "5xx Server Error",
        "5xx unofficial codes",
    ]
    links = {a.get_text(strip=True) for a in soup.select("article table a")}
    assert {"200", "201", "202", "204", "206", "226"} <= links


def test_class_page_lists_its_codes(site_build):
    soup = site_build.html("/2xx/")
    codes = [a.get_text(strip=True) for a in soup.select("article table a")]
    assert codes[:3] == ["200", "201", "202"]


def test_no_page_loads_anything_from_another_origin(site_build):
    for page in site_build.pages():
        soup = site_build.html(str(page.parent.relative_to(site_build.site)))
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                url = element.get(attr)
                if not url or (tag == "link" and "stylesheet" not in element.get("rel", [])):
                    continue
                assert not url.startswith(("http:", "https:", "//")), (page, url)


def test_bad_data_fails_the_build_with_located_messages_and_no_site(tmp_path):
    data = write_dataset(tmp_path, [record(200), record(204), record(404, related=[410])])
    result = build(tmp_path / "site", data=data)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert "data/codes/404.yaml:" in result.output
    assert "related[0]: 410 has no record" in result.output
    assert not (tmp_path / "site" / "index.html").exists()

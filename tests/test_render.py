"""Rendering and structured data, on small inline data (no MkDocs involved)."""

from __future__ import annotations

import re

import pytest
import yaml
from factory import comparison, record, unofficial, write_dataset
from pagetext import headings, section_html

from generator import jsonld
from generator.highlighting import highlighted
from generator.kinds import plan
from generator.loader import load_site
from generator.render import render_all, render_for_build
from generator.sections import CODE_SECTIONS
from generator.urls import url_of

SITE_URL = "https://status.example.org/sub/"


@pytest.fixture
def small_site(tmp_path):
    records = [
        record(200, related=[204]),
        record(204),
        record(404, related=[200]),
        unofficial(499),
    ]
    groups = {"ok-or-empty": comparison([200, 204], columns=["summary", "body"])}
    return load_site(write_dataset(tmp_path, records, groups))


@pytest.fixture
def rendered(small_site):
    return render_all(small_site, plan(small_site), SITE_URL)


def split(page: str) -> tuple[dict, str]:
    _, meta, body = page.split("---\n", 2)
    return yaml.safe_load(meta), body


def test_one_page_per_code_and_class_plus_home_and_comparisons(small_site):
    sources = [p.src for p in plan(small_site)]
    assert sources == [
        "index.md",
        "codes.md",
        "cheat-sheet.md",
        "cors.md",
        "2xx.md",
        "4xx.md",
        "200.md",
        "204.md",
        "404.md",
        "499.md",
        "compare/index.md",
        "compare/ok-or-empty.md",
        "api.md",
    ]
    assert [url_of(s) for s in sources[:6]] == [
        "",
        "codes/",
        "cheat-sheet/",
        "cors/",
        "2xx/",
        "4xx/",
    ]


def test_code_page_has_every_section_in_order(rendered, small_site):
    _, body = split(rendered["200.md"])
    assert body.lstrip().startswith("<h1"), body[:80]
    assert headings(body, 1) == ["200 OK"]
    # 200 is a success code of no vendor with no client table (data/clients.yaml):
    # nothing to fix, nobody else's meaning.
    absent = {"who-uses-it", "meanings", "how-to-fix", "clients"}
    expected = [s.heading(small_site.codes[200]) for s in CODE_SECTIONS if s.id not in absent]
    assert headings(body) == expected
    assert "Example" in expected  # the fixture record has one example


def test_code_page_answers_before_it_explains(rendered):
    """The reader's question first: when (not) to use it before the meaning in depth,
    the exchanges, the tables and the FAQ."""
    order = headings(split(rendered["404.md"])[1])
    answer = [order.index(h) for h in ("When to use", "When not to use")]
    depth = [order.index(h) for h in ("Meaning", "Headers", "FAQ", "Specification")]
    assert max(answer) < min(depth), order


def test_unofficial_page_is_marked_and_has_vendor_section(rendered):
    _, body = split(rendered["499.md"])
    assert '<p class="admonition-title">Not a registered status code</p>' in body
    assert "<strong>Unofficial</strong>" in body
    assert "Who uses it" in headings(body)
    assert "only in nginx's logs; it is never sent to the client" in body
    assert "When to use" not in headings(body)


def test_front_matter_carries_title_description_and_jsonld(rendered, small_site):
    meta, _ = split(rendered["404.md"])
    assert meta["title"] == "404 Not Found"
    assert meta["description"] == small_site.codes[404].summary
    assert "404" in meta["keywords"]
    graph = meta["jsonld"]["@graph"]
    assert [node["@type"] for node in graph] == ["TechArticle", "BreadcrumbList"]


def test_the_build_gets_the_same_metadata_without_front_matter(rendered, small_site):
    """The hook sets page.meta from render_for_build: the values a reader's page is made
    from are those the front matter of render_all states, for every page."""
    built = render_for_build(small_site, plan(small_site), SITE_URL)
    assert built.keys() == rendered.keys()
    for src, page in built.items():
        meta, body = split(rendered[src])
        assert page.meta == meta, src
        assert page.markdown.lstrip("\n") == body.lstrip("\n"), src
        assert not page.markdown.startswith("---"), src


def test_links_between_pages_are_relative_to_the_page(rendered):
    _, body = split(rendered["404.md"])
    assert '<a href="../200/">200 OK</a>' in body
    assert 'href="../4xx/"' in body
    _, home = split(rendered["index.md"])
    assert '<a href="404/">404</a>' in home


def test_home_lists_unofficial_codes_under_their_own_heading(rendered):
    _, home = split(rendered["index.md"])
    assert [re.sub(r"<[^>]+>", "", h) for h in headings(home)] == [
        "2xx Successful",
        "4xx Client Error",
        "4xx unofficial codes",
    ]
    registered, unofficial = home.split("4xx unofficial codes")
    assert '<a href="404/">404</a>' in registered and "499/" not in registered
    assert '<a href="499/">499</a>' in unofficial
    # The heading says it once; the row does not repeat it.
    assert "(unofficial)" not in unofficial


def test_comparison_table_rows_come_from_the_records(rendered, small_site):
    _, body = split(rendered["200.md"])
    row = next(
        line
        for line in body.splitlines()
        if line.startswith('<tr><td data-label="Code"><a href="../204/">')
    )
    assert small_site.codes[204].summary in row
    # 204 never has content (RFC 9110 section 15.3.5)
    assert row.rstrip().endswith('<td data-label="Content">Never has content</td></tr>')
    assert '<a href="../compare/ok-or-empty/">Full comparison: 200 vs 204</a>' in body


def test_a_change_in_a_record_shows_in_every_table(tmp_path):
    records = [record(200), record(204, summary="A brand new summary for 204."), record(404)]
    site = load_site(
        write_dataset(tmp_path, records, {"x": comparison([200, 204]), "y": comparison([204, 404])})
    )
    pages = render_all(site, plan(site), SITE_URL)
    for src in ("200.md", "204.md", "404.md", "compare/x.md", "compare/y.md"):
        assert "A brand new summary for 204." in pages[src], src


def test_examples_are_highlighted_http_blocks_with_titles(rendered):
    _, body = split(rendered["200.md"])
    request = (
        '<div class="message highlight"><span class="filename">Request</span><pre><span></span>'
        '<code><span class="nf">GET</span> <span class="nn">/thing</span>'
    )
    response = '<span class="filename">Response</span><pre><span></span><code><span class="kr">HTTP'
    assert request in body
    assert response in body


def test_a_message_title_and_text_are_printed_as_text():
    html = highlighted('GET /<script> HTTP/1.1\nX: "a" & b\n', "http", 'Request <b onclick="x">')
    assert "<script>" not in html and "<b " not in html
    assert '<span class="filename">Request &lt;b onclick=&quot;x&quot;&gt;</span>' in html
    assert "&amp; b" in html


def test_code_jsonld_uses_absolute_canonical_urls(small_site):
    page = next(p for p in plan(small_site) if p.src == "404.md")
    data = jsonld.code_page(page, small_site, SITE_URL)
    article, crumbs = data["@graph"]
    assert data["@context"] == "https://schema.org"
    assert article["url"] == "https://status.example.org/sub/404/"
    assert article["headline"] == "404 Not Found"
    assert article["about"]["@type"] == "DefinedTerm"
    assert article["about"]["termCode"] == "404"
    assert article["citation"]["url"] == (
        "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.1"
    )
    assert [i["item"] for i in crumbs["itemListElement"]] == [
        "https://status.example.org/sub/",
        "https://status.example.org/sub/4xx/",
        "https://status.example.org/sub/404/",
    ]


def test_faq_answers_in_jsonld_are_plain_text():
    assert jsonld.plain("Use **`Retry-After`** or see [RFC 9110](https://x.example/).") == (
        "Use Retry-After or see RFC 9110."
    )


def test_home_jsonld_has_search_action_and_every_code(small_site):
    home = next(p for p in plan(small_site) if p.src == "index.md")
    website, term_set = jsonld.home_page(home, small_site, SITE_URL)["@graph"]
    assert website["potentialAction"]["target"]["urlTemplate"] == (
        "https://status.example.org/sub/?q={search_term_string}"
    )
    assert [t["termCode"] for t in term_set["hasDefinedTerm"]] == ["200", "204", "404", "499"]


def test_a_registered_number_with_vendor_uses_shows_both(tmp_path):
    vendor_use = unofficial(499)["vendors"][0] | {"phrase": "Vendor Meaning", "stands_in_for": []}
    both = record(404, vendors=[vendor_use])
    site = load_site(write_dataset(tmp_path, [record(200), record(204), both]))
    _, body = split(render_all(site, plan(site), SITE_URL)["404.md"])
    assert "<strong>Registered</strong> · " in body
    assert "Who uses it" in headings(body)
    assert "nginx: Vendor Meaning" in headings(body, 3)
    assert "RFC 9110, section 15.3.1" in section_html(body, "Specification")


def test_a_conditional_requirement_is_printed_with_its_condition(tmp_path):
    headers = [
        {
            "name": "ETag",
            "where": "response",
            "requirement": "must",
            "condition": "if a 200 to the same request would have sent it",
            "purpose": "The validator.",
        },
        {
            "name": "Date",
            "where": "response",
            "requirement": "must",
            "condition": "if a 200 to the same request would have sent it",
            "purpose": "The date.",
        },
    ]
    # No example sends ETag: a conditional requirement does not bind every response.
    not_modified = record(304, headers=headers)
    group = comparison([200, 304], columns=["must_send"])
    site = load_site(
        write_dataset(tmp_path, [record(200), record(204), not_modified], {"c": group})
    )
    pages = render_all(site, plan(site), SITE_URL)
    _, body = split(pages["304.md"])
    assert (
        '<td data-label="Requirement">MUST (if a 200 to the same request would have sent it)</td>'
        in body
    )
    # The record names two of the fields; RFC 9110 section 15.4.5 adds the other four.
    cell = (
        "<code>ETag</code>, <code>Date</code>, <code>Content-Location</code>, <code>Vary</code>, "
        "<code>Cache-Control</code>, <code>Expires</code> "
        "(if a 200 to the same request would have sent it)"
    )
    assert f'<td data-label="Property">Must send</td><td data-label="Value">{cell}</td>' in body
    assert f'<td data-label="Must send">{cell}</td>' in pages["compare/c.md"]


def test_a_redirect_inherits_retry_after_from_rfc_9110(tmp_path):
    moved = record(
        303,
        properties={
            "cacheable_by_default": False,
            "retry": "not-needed",
            "body": "optional",
            "redirect": {
                "permanent": False,
                "method": "changed-to-get",
                "search_engines": "Not indexed.",
            },
        },
    )
    site = load_site(write_dataset(tmp_path, [record(200), record(204), moved]))
    _, body = split(render_all(site, plan(site), SITE_URL)["303.md"])
    row = next(
        line for line in body.splitlines() if '<code class="name">Retry-After</code>' in line
    )
    assert '<td data-label="Requirement">MAY</td>' in row
    assert "minimum time to wait before following the redirect" in row
    assert "RFC 9110 section 10.2.3" in row


def test_fixes_reach_the_glance_and_their_own_section(tmp_path):
    fixes = {
        "client": ["Check the URL for typos.", "Search the site."],
        "server": ["Add a redirect from the old URL."],
        "proxy": ["Check the CDN's routing rules."],
    }
    records = [record(200), record(204), record(404, fixes=fixes), unofficial(499)]
    site = load_site(write_dataset(tmp_path, records))
    _, body = split(render_all(site, plan(site), SITE_URL)["404.md"])
    glance = body[body.index('aria-label="At a glance"') : body.index("</section>")]
    assert "<dt>As the client</dt>\n<dd>Check the URL for typos.</dd>" in glance
    assert "<dt>On the server</dt>\n<dd>Add a redirect from the old URL.</dd>" in glance
    assert "Search the site." not in glance  # only the first line of each side
    assert "CDN" not in glance  # a registered code's proxy advice stays in its section
    fix_section = section_html(body, "How to fix it")
    assert "<li>Search the site.</li>" in fix_section
    assert "routing rules" in fix_section

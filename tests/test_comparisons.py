"""Comparison pages, the all-codes table and the decision guide, as readers use them."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import SITE_URL
from factory import comparison, record, write_dataset
from sitebuild import heading_text

from generator.columns import COLUMNS
from generator.kinds import plan
from generator.loader import load_site
from generator.render import render_all


def page_paths(soup, base: str) -> list[str]:
    return [urlparse(urljoin(base, a["href"])).path for a in soup.select("article a[href]")]


@pytest.mark.build
def test_there_are_at_least_14_groups_each_with_a_page(real_data, real_site):
    assert len(real_data.comparisons) >= 14
    index = real_site.html("/compare/")
    listed = {p for p in page_paths(index, SITE_URL + "compare/") if p.startswith("/compare/")}
    listed.discard("/compare/")  # the permalink of its own heading
    assert listed == {f"/compare/{slug}/" for slug in real_data.comparisons}


@pytest.mark.build
def test_comparison_rows_equal_the_records(real_data, real_site):
    for slug, group in real_data.comparisons.items():
        soup = real_site.html(f"/compare/{slug}/")
        table = soup.select_one("article .comparison table")
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        assert headers[: len(group.columns) + 1] == [
            "Code",
            *(COLUMNS[c].label for c in group.columns),
        ]
        rows = table.select("tbody tr")
        assert [r.find("td").get_text(strip=True) for r in rows] == [
            real_data.codes[c].title for c in group.codes
        ]
        for row in rows:
            cells = row.find_all("td")
            assert cells[1]["data-label"] == headers[1]  # phone layout labels


def test_comparison_cells_say_what_the_records_say(tmp_path):
    """Cells written out by hand for two small records, one of each kind of answer."""
    ok = record(200, use_when="The request worked and there is a body.")
    empty = record(
        204,
        use_when="The request worked and there is nothing to send.",
        properties={
            "cacheable_by_default": True,
            "retry": "unchanged",
            "retry_note": "A PUT that got 204 is done",
            "body": "none",
        },
    )
    # Every column tells the two apart (a column equal in every row is refused).
    columns = ["summary", "use_when", "retry", "body"]
    site = load_site(
        write_dataset(tmp_path, [ok, empty], {"x": comparison([200, 204], columns=columns)})
    )
    _, body = render_all(site, plan(site), SITE_URL)["compare/x.md"].split("---\n\n", 1)
    table = BeautifulSoup(body, "html.parser").select_one(".comparison table")
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in table.select("tbody tr")
    ]
    assert rows == [
        [
            "200 OK",
            "Summary of 200 for tests.",
            "The request worked and there is a body.",
            "Not needed: the request succeeded or is being handled",
            "Usually has content",
        ],
        [
            "204 No Content",
            "Summary of 204 for tests.",
            "The request worked and there is nothing to send.",
            "Yes, the same request may succeed. A PUT that got 204 is done",
            "Never has content",
        ],
    ]


@pytest.mark.build
def test_every_code_page_shows_each_of_its_groups(real_data, real_site):
    for code in real_data.codes:
        groups = real_data.comparisons_for(code)
        soup = real_site.html(f"/{code}/")
        section = soup.find(id="comparison")
        titles, links = [], []
        for sibling in section.find_next_siblings():
            if sibling.name == "h2":
                break
            if sibling.name == "h3":
                titles.append(heading_text(sibling))
            links += [a["href"] for a in sibling.select("a[href*='compare/']")]
        assert titles == [g.title for _, g in groups], code
        assert len(links) == len(groups), code


@pytest.mark.build
def test_guide_leaves_resolve_to_code_pages(real_data, real_site):
    soup = real_site.html("/guide/")
    paths = page_paths(soup, SITE_URL + "guide/")
    code_paths = {p for p in paths if p.strip("/").isdigit()}
    assert len(code_paths) >= 25
    for path in code_paths:
        assert int(path.strip("/")) in real_data.codes
        assert (real_site.site / path.strip("/") / "index.html").is_file()
    for anchor in [a["href"] for a in soup.select("article a[href^='#']")]:
        assert soup.find(id=anchor[1:]) is not None, anchor


@pytest.mark.build
def test_home_links_the_guide_and_all_codes(real_site):
    nav = [a.get_text(strip=True) for a in real_site.html("/").select("nav.md-nav a")]
    assert "Which code should I use?" in nav
    assert "All codes" in nav


@pytest.mark.build
def test_code_pages_link_previous_and_next_in_class(real_data, real_site):
    records = real_data.in_class(4)
    soup = real_site.html(f"/{records[1].code}/")
    siblings = soup.select("nav.class-siblings a .class-siblings__title")
    assert [a.get_text(strip=True) for a in siblings] == [records[0].title, records[2].title]


def visible_codes(page) -> list[str]:
    return page.locator(".all-codes tbody tr:not([hidden]) td:first-child").all_inner_texts()


@pytest.mark.browser
def test_all_codes_filters_as_you_type(page, served, real_data):
    page.goto(served + "codes/")
    assert len(visible_codes(page)) == len(real_data.codes)
    box = page.get_by_label("Filter codes")
    box.press_sequentially("gateway")
    shown = visible_codes(page)
    assert {"502", "504"} <= set(shown)
    assert "404" not in shown
    box.fill("")
    box.press_sequentially("5")
    assert all(code.startswith("5") for code in visible_codes(page))
    assert "1 of" not in page.locator(".code-filter__status").inner_text()


@pytest.mark.browser
def test_all_codes_sorts_by_column_with_the_keyboard(page, served):
    page.goto(served + "codes/")
    page.get_by_role("button", name="Name").focus()
    page.keyboard.press("Enter")
    names = page.locator(".all-codes tbody tr td:nth-child(2)").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    header = page.locator(".all-codes th").nth(1)
    assert header.get_attribute("aria-sort") == "ascending"
    page.keyboard.press("Space")
    names = page.locator(".all-codes tbody tr td:nth-child(2)").all_inner_texts()
    assert names == sorted(names, key=str.lower, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"
    page.get_by_role("button", name="Code").click()
    codes = [int(c) for c in visible_codes(page)]
    assert codes == sorted(codes)


@pytest.mark.browser
def test_all_codes_reads_completely_without_javascript(browser, served, real_data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "codes/")
    assert page.locator(".all-codes tbody tr").count() == len(real_data.codes)
    assert page.get_by_label("Filter codes").count() == 0
    context.close()


@pytest.mark.browser
def test_comparison_table_fits_a_phone_without_page_scroll(page, served):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(served + "compare/301-vs-302-vs-303-vs-307-vs-308/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    label = page.locator(".comparison td[data-label]").nth(1)
    assert label.evaluate("e => getComputedStyle(e, '::before').content") != "none"


@pytest.mark.build
def test_former_comparison_urls_send_the_reader_to_the_new_ones(real_site):
    moved = {
        "redirects": "301-vs-302-vs-303-vs-307-vs-308",
        "async-success": "200-vs-201-vs-202-vs-204-vs-303",
        "502-504-vs-cloudflare": "502-vs-504-vs-520-vs-521-vs-522-vs-523-vs-524",
    }
    for old, new in moved.items():
        soup = real_site.html(f"/compare/{old}/")
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert refresh == f"0; url=../{new}/"
        assert soup.find("link", rel="canonical")["href"] == f"{SITE_URL}compare/{new}/"
        assert (real_site.site / "compare" / new / "index.html").is_file()


@pytest.mark.build
def test_a_vendor_group_says_what_each_code_tells_rather_than_when_to_choose_it(real_site):
    soup = real_site.html("/compare/502-vs-504-vs-520-vs-521-vs-522-vs-523-vs-524/")
    headers = [th.get_text(strip=True) for th in soup.select(".comparison thead th")]
    assert headers[-1] == "What it tells you"
    assert "Choose it when" not in headers
    # Cloudflare's rows no longer each repeat that the code is not registered.
    assert "not a registered HTTP status code" not in soup.select_one(".comparison").get_text()
    soup = real_site.html("/compare/401-vs-403-vs-404/")
    headers = [th.get_text(strip=True) for th in soup.select(".comparison thead th")]
    assert headers[-1] == "Choose it when"

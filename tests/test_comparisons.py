"""Comparison pages, the all-codes table and the decision guide, as readers use them."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest
from conftest import SITE_URL
from sitebuild import REPO, heading_text

from generator.columns import COLUMNS
from generator.loader import load_site


@pytest.fixture(scope="module")
def site():
    return load_site(REPO / "data")


def page_paths(soup, base: str) -> list[str]:
    return [urlparse(urljoin(base, a["href"])).path for a in soup.select("article a[href]")]


@pytest.mark.build
def test_there_are_at_least_14_groups_each_with_a_page(site, real_site):
    assert len(site.comparisons) >= 14
    index = real_site.html("/compare/")
    listed = {p for p in page_paths(index, SITE_URL + "compare/") if p.startswith("/compare/")}
    listed.discard("/compare/")  # the permalink of its own heading
    assert listed == {f"/compare/{slug}/" for slug in site.comparisons}


@pytest.mark.build
def test_comparison_rows_equal_the_records(site, real_site):
    for slug, group in site.comparisons.items():
        soup = real_site.html(f"/compare/{slug}/")
        table = soup.select_one("article .comparison table")
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        assert headers[: len(group.columns) + 1] == [
            "Code",
            *(COLUMNS[c].label for c in group.columns),
        ]
        rows = table.select("tbody tr")
        assert [r.find("td").get_text(strip=True) for r in rows] == [
            site.codes[c].title for c in group.codes
        ]
        for row, code in zip(rows, group.codes, strict=True):
            cells = row.find_all("td")
            for column, cell in zip(group.columns, cells[1:], strict=False):
                if column in ("summary", "use_when", "retry"):
                    expected = COLUMNS[column].value(site.codes[code])
                    assert cell.get_text(" ", strip=True) == expected, (slug, code, column)
            assert cells[1]["data-label"] == headers[1]  # phone layout labels


@pytest.mark.build
def test_every_code_page_shows_each_of_its_groups(site, real_site):
    for code in site.codes:
        groups = site.comparisons_for(code)
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
def test_guide_leaves_resolve_to_code_pages(site, real_site):
    soup = real_site.html("/guide/")
    paths = page_paths(soup, SITE_URL + "guide/")
    code_paths = {p for p in paths if p.strip("/").isdigit()}
    assert len(code_paths) >= 25
    for path in code_paths:
        assert int(path.strip("/")) in site.codes
        assert (real_site.site / path.strip("/") / "index.html").is_file()
    for anchor in [a["href"] for a in soup.select("article a[href^='#']")]:
        assert soup.find(id=anchor[1:]) is not None, anchor


@pytest.mark.build
def test_home_links_the_guide_and_all_codes(real_site):
    nav = [a.get_text(strip=True) for a in real_site.html("/").select("nav.md-nav a")]
    assert "Which code should I use?" in nav
    assert "All codes" in nav


@pytest.mark.build
def test_code_pages_link_previous_and_next_in_class(site, real_site):
    records = site.in_class(4)
    soup = real_site.html(f"/{records[1].code}/")
    siblings = soup.select("nav.class-siblings a")
    assert [a.get_text(strip=True) for a in siblings] == [
        f"← {records[0].title}",
        f"{records[2].title} →",
    ]


def visible_codes(page) -> list[str]:
    return page.locator(".all-codes tbody tr:not([hidden]) td:first-child").all_inner_texts()


@pytest.mark.browser
def test_all_codes_filters_as_you_type(page, served, site):
    page.goto(served + "codes/")
    assert len(visible_codes(page)) == len(site.codes)
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
def test_all_codes_reads_completely_without_javascript(browser, served, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "codes/")
    assert page.locator(".all-codes tbody tr").count() == len(site.codes)
    assert page.get_by_label("Filter codes").count() == 0
    context.close()


@pytest.mark.browser
def test_comparison_table_fits_a_phone_without_page_scroll(page, served):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(served + "compare/redirects/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    label = page.locator(".comparison td[data-label]").nth(1)
    assert label.evaluate("e => getComputedStyle(e, '::before').content") != "none"

"""Layout a reader notices: nothing wider than a phone, dense index pages."""

from __future__ import annotations

import re

import pytest
from browser import OVERFLOWS
from sitebuild import REPO, is_redirect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


# The page and every table in the article, against the box they sit in: a table may
# not be wider than its wrapper (it would scroll sideways) nor reach past the screen.
def site_pages(site) -> list[str]:
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if not is_redirect(p)
    )


def test_no_page_or_table_is_wider_than_a_phone(browser, served, real_site, real_data):
    context = browser.new_context(viewport=PHONE)
    # Layout needs no search index (the largest download of every page): keep the
    # sweep of every page cheap for CI.
    context.route("**/search/search_index.json", lambda route: route.abort())
    page = context.new_page()
    # Code pages are loaded at phone width once, by the glance crawl, which checks the
    # same overflows (tests/test_glance.py).
    code_pages = {f"{code}/" for code in real_data.codes}
    pages = [p for p in site_pages(real_site.site) if p not in code_pages]
    assert len(pages) > 100 and len(code_pages) > 90
    wide = {}
    for path in pages:
        page.goto(served + path, wait_until="load")
        found = page.evaluate(OVERFLOWS)
        if found:
            wide["/" + path] = found
    context.close()
    assert wide == {}


def test_header_names_in_cells_do_not_break_inside(page, served):
    page.set_viewport_size(PHONE)
    page.goto(served + "401/")
    names = page.locator("article td:first-child .name")
    assert names.count() > 0
    heights = names.evaluate_all("els => els.map(e => [e.textContent, e.getClientRects().length])")
    assert [name for name, lines in heights if lines > 1] == []


AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
INDEX_PAGES = ["", "codes/"]

FULLY_VISIBLE_CODES = """() => [...document.querySelectorAll("article tbody tr")]
  .filter(r => { const b = r.getBoundingClientRect();
                 return b.height > 0 && b.top >= 0 && b.bottom <= innerHeight; })
  .map(r => r.querySelector("td a").textContent.trim())"""


@pytest.mark.parametrize("path", INDEX_PAGES)
def test_index_pages_show_twenty_codes_in_the_first_laptop_screen(browser, served, path):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(served + path, wait_until="load")
    shown = page.evaluate(FULLY_VISIBLE_CODES)
    context.close()
    assert len(shown) >= 20, shown
    assert "200" in shown  # the list starts at the top, not somewhere in the middle


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_code_in_the_list_is_one_line_whose_whole_row_is_the_link(browser, served, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(served, wait_until="load")
    row = page.locator("article tbody tr", has=page.locator("a", has_text="404")).first
    row.scroll_into_view_if_needed()
    link_box = row.locator("td a").bounding_box()
    assert link_box["height"] >= 24 and link_box["width"] >= 24
    if viewport is LAPTOP:
        assert row.bounding_box()["height"] <= 26  # one line per code
    # Selecting the summary, at the far end of the row, opens the code's page.
    summary = row.locator("td").last
    box = summary.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 5, box["y"] + box["height"] / 2)
    page.wait_for_url("**/404/")
    context.close()


def test_codes_carry_their_class_colour(page, served):
    page.goto(served)
    colour = page.evaluate(
        """() => Object.fromEntries(["200", "404", "503"].map(code => {
             const a = [...document.querySelectorAll("article tbody td a")]
               .find(a => a.textContent.trim() === code);
             const cls = getComputedStyle(document.body)
               .getPropertyValue("--class-" + code[0]).trim();
             const probe = document.createElement("span");
             probe.style.color = cls; document.body.appendChild(probe);
             const expected = getComputedStyle(probe).color; probe.remove();
             return [code, [getComputedStyle(a).color, expected]];
           }))"""
    )
    for code, (actual, expected) in colour.items():
        assert actual == expected, code
    assert len({actual for actual, _ in colour.values()}) == 3


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_index_pages_meet_the_wcag_22_target_size(browser, served, viewport):
    if not AXE.exists():
        pytest.fail("axe-core missing: run `npm ci` (see README)")
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    found = []
    for path in [*INDEX_PAGES, "4xx/"]:
        page.goto(served + path, wait_until="load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: ['target-size'],"
            " resultTypes: ['violations', 'passes']})"
        )
        assert result["passes"] or result["violations"], "axe checked no targets"
        found += [f"/{path}: {n['target']}" for v in result["violations"] for n in v["nodes"]]
    context.close()
    assert found == []


def visible_classes(page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll("[data-filter-group]")]
             .filter(g => g.offsetParent !== null)
             .map(g => g.querySelector("h2").textContent.trim().slice(0, 3))"""
    )


def jump_box(page, served, text: str):
    page.goto(served)
    box = page.get_by_label("Jump to a code")
    box.press_sequentially(text)
    return box


def test_jump_box_hides_every_class_and_points_to_search_when_nothing_matches(page, served):
    jump_box(page, served, "999")
    assert visible_classes(page) == []
    # No loose class descriptions are left on the page.
    assert page.locator(".code-class__summary:visible").count() == 0
    hint = page.locator(".code-filter__hint")
    assert hint.is_visible()
    hint.get_by_role("link").click()
    # Material's search opens with the typed words.
    page.locator("input.md-search__input").wait_for(state="visible")
    assert page.locator("input.md-search__input").input_value() == "999"


def test_jump_box_words_leave_only_the_matching_class(page, served):
    jump_box(page, served, "teapot")
    assert visible_classes(page) == ["4xx"]
    shown = page.locator("article tbody tr:visible td:first-child")
    assert shown.all_inner_texts() == ["418"]
    assert not page.locator(".code-filter__hint").is_visible()


def test_enter_in_the_jump_box_opens_the_first_of_several_matches(page, served):
    box = jump_box(page, served, "42")
    assert page.locator("article tbody tr:visible").count() > 1
    box.press("Enter")
    page.wait_for_url("**/421/")


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_code_page_has_one_readable_previous_and_next(browser, served, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(served + "202/")
    # Only one navigation to the neighbours is shown (not Material's footer as well).
    assert page.locator(".md-footer__link:visible").count() == 0
    links = page.locator("nav.class-siblings a")
    assert links.all_inner_texts() == [
        "← Previous 2xx code\n201 Created",
        "Next 2xx code →\n203 Non-Authoritative Information",
    ]
    first, second = (links.nth(i).bounding_box() for i in range(2))
    # Two separate blocks, not one run of text.
    assert first["x"] + first["width"] <= second["x"] or first["y"] + first["height"] <= second["y"]
    assert max(first["x"] + first["width"], second["x"] + second["width"]) <= viewport["width"]
    context.close()


def test_the_cheat_sheet_prints_every_registered_code_on_two_a4_sides(page, served, real_data):
    page.goto(served)
    page.get_by_role("link", name="printable cheat sheet").click()
    page.wait_for_url("**/cheat-sheet/")
    shown = page.locator(".cheat-sheet tbody td:first-child").all_inner_texts()
    registered = sorted(str(c) for c, r in real_data.codes.items() if r.registered)
    assert sorted(shown) == registered
    pdf = page.pdf(format="A4")
    sides = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= sides <= 2, f"{sides} A4 sides"

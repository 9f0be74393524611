"""A page's first load in a real browser: what it fetches, and that Material's features
still work with its bundle deferred and search started on demand (overrides/main.html,
overrides/partials/search-on-demand.html)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from searching import search

pytestmark = pytest.mark.browser

CODE_PAGE = "202/"


def _requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def _fetched(seen: list[str], pattern: str) -> list[str]:
    return [url for url in seen if re.search(pattern, url)]


def test_a_page_fetches_no_search_index_or_worker_until_a_search_starts(page, served):
    seen = _requests(page)
    page.goto(served + CODE_PAGE)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert _fetched(seen, r"/search/search_index\.json$") == []
    assert _fetched(seen, r"/workers/search\.") == []
    assert _fetched(seen, r"/assets/javascripts/bundle\.")  # Material's script did load

    hrefs, _ = search(page, "too many requests")
    assert hrefs and urlparse(hrefs[0]).path.endswith("/429/"), hrefs
    assert len(_fetched(seen, r"/search/search_index\.json$")) == 1
    assert len(_fetched(seen, r"/workers/search\.")) == 1


def test_the_search_key_starts_search_on_a_phone(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    seen = _requests(page)
    page.goto(served + CODE_PAGE)
    page.wait_for_load_state("networkidle")
    assert _fetched(seen, r"/search/search_index\.json$") == []
    # The magnifier in the header opens the search dialog (Material's #__search toggle).
    page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.press_sequentially("teapot", delay=20)
    first = page.locator(".md-search-result__item > .md-search-result__link").first
    first.wait_for(timeout=15_000)
    assert urlparse(first.get_attribute("href")).path.endswith("/418/")
    context.close()


def test_a_query_link_starts_search_at_once(page, served):
    page.goto(served + "?q=gateway+timeout")
    first = page.locator(".md-search-result__item > .md-search-result__link").first
    first.wait_for(timeout=15_000)
    assert urlparse(first.get_attribute("href")).path.endswith("/504/")


def test_material_script_does_not_hold_up_the_first_paint(real_site):
    """No script with a src blocks the parser: each is deferred (or async)."""
    soup = real_site.html("/" + CODE_PAGE)
    scripts = soup.find_all("script", src=True)
    assert any("bundle." in tag["src"] for tag in scripts)
    blocking = [
        tag["src"] for tag in scripts if not (tag.has_attr("defer") or tag.has_attr("async"))
    ]
    assert blocking == []


def test_content_tabs_switch_with_the_deferred_bundle(page, served):
    page.goto(served + CODE_PAGE + "frameworks/")
    tabbed = page.locator(".tabbed-set").first
    labels = tabbed.locator(".tabbed-labels > label")
    assert labels.count() > 1
    labels.nth(1).click()
    blocks = tabbed.locator(".tabbed-content > .tabbed-block")
    assert blocks.nth(1).is_visible()
    assert not blocks.nth(0).is_visible()
    # Material's script moves the tab indicator under the chosen label.
    page.wait_for_timeout(300)
    moved = tabbed.evaluate("el => el.style.getPropertyValue('--md-indicator-x')")
    assert moved and moved != "0px", moved


def test_copy_button_copies_the_block(browser, served):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served + CODE_PAGE)
    button = page.locator("article pre button[data-md-type='copy']").first
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    block = page.locator("article pre").first.locator("code").inner_text()
    assert copied.strip() and copied.strip() == block.strip()
    # Material confirms in its dialog.
    assert page.locator(".md-dialog").get_by_text("Copied").is_visible()
    context.close()


def test_table_of_contents_follows_the_reading(page, served):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(served + CODE_PAGE)
    page.evaluate("document.getElementById('faq').scrollIntoView()")
    page.wait_for_timeout(500)
    active = page.locator(".md-sidebar--secondary .md-nav__link--active")
    active.first.wait_for(timeout=5_000)
    # The FAQ heading or one of its questions, read under the sticky header.
    faq = page.locator(".md-sidebar--secondary li.md-nav__item:has(> a[href='#faq'])")
    inside = faq.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert active.first.get_attribute("href") in inside


def test_back_to_top_button_appears_on_scrolling_up(page, served):
    page.goto(served + CODE_PAGE)
    top = page.locator(".md-top")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(500)
    assert top.is_visible()
    top.click()
    page.wait_for_function("window.scrollY === 0", timeout=5_000)

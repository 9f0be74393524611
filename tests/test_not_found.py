"""The not-found page, as a static host serves it for any missing address."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

RESULT_LINKS = ".md-search-result__item > .md-search-result__link"


def check_not_found_page(page, base: str, prefix: str) -> None:
    """What a reader who mistyped /teapot/ sees, and where the search box takes them."""
    response = page.goto(base + "teapot/")
    assert response.status == 404
    assert "Page not found" in page.title()
    assert page.locator("h1").inner_text() == "Page not found"
    suggestion = page.locator("#code-suggestions a").first
    suggestion.wait_for()
    assert suggestion.inner_text() == "418 I'm a teapot (Unused)"
    assert urlparse(suggestion.get_attribute("href")).path == prefix + "418/"
    box = page.get_by_label("Search words")
    assert box.input_value() == "teapot"
    box.press("Enter")
    # The home page opens the site search with the words.
    page.wait_for_url(f"**{prefix}?q=teapot")
    first = page.locator(RESULT_LINKS).first
    first.wait_for()
    assert urlparse(first.get_attribute("href")).path.rstrip("/").endswith("418")


def test_not_found_page_offers_search_and_suggests_codes_for_words(page, served):
    check_not_found_page(page, served, urlparse(served).path)


def test_not_found_page_works_at_any_depth(page, served):
    response = page.goto(served + "a/b/c/teapot.html")
    assert response.status == 404
    styled = page.locator(".not-found-search").evaluate("f => getComputedStyle(f).display")
    assert styled == "flex"  # the site's stylesheet loaded from the site root
    link = page.get_by_role("link", name="all status codes")
    link.click()
    page.wait_for_url("**/codes/")


def test_not_found_page_says_nothing_about_codes_when_none_fit(page, served):
    page.goto(served + "zzqq-xxyy/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#code-suggestions-block").is_hidden()
    assert page.get_by_label("Search words").input_value() == "zzqq xxyy"

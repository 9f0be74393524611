"""What a reader sees in a real browser (headless system Chromium)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_202_page_reads_as_a_reference_page(page, served):
    page.goto(served + "202/")
    assert page.title() == "202 Accepted - HTTP Status Codes"
    assert page.locator("h1").inner_text().rstrip("¶") == "202 Accepted"
    for section in ("Meaning", "When to use", "Examples", "Comparison", "Specification"):
        heading = page.get_by_role("heading", level=2, name=re.compile(rf"^{section}\W*$"))
        assert heading.is_visible(), section
    # Every example block offers a copy button.
    blocks = page.locator("article pre")
    buttons = page.locator("article pre button[data-md-type='copy']")
    assert blocks.count() > 0
    assert buttons.count() == blocks.count()


def test_palette_toggle_switches_to_dark_and_back(page, served):
    page.goto(served + "202/")
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    after = body.get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}

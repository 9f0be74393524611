"""The At a glance block: on every code page, right under the summary, in the first
phone screen, with the facts that decide the reader's next step."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}

# Code blocks wider than their box: the reader would have to scroll sideways.
SIDEWAYS = """() => [...document.querySelectorAll('article pre > code')]
    .filter(c => c.scrollWidth > c.clientWidth + 1)
    .map(c => c.textContent.split('\\n')[0].slice(0, 60))"""


def test_every_code_page_starts_its_glance_in_the_first_phone_screen(browser, served, real_data):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for code, record in sorted(real_data.codes.items()):
        page.goto(f"{served}{code}/", wait_until="domcontentloaded")
        region = page.get_by_role("region", name="At a glance")
        assert region.count() == 1, code
        top = region.bounding_box()["y"]
        assert top < PHONE["height"] - 120, (code, top)
        heading = page.locator("article h1").inner_text()
        assert heading == record.title, (code, heading)
        assert page.title().startswith(f"{record.title} - "), (code, page.title())
        terms = region.locator("dt").all_inner_texts()
        assert {"Cacheable by default", "Retry", "Content"} <= set(terms), (code, terms)
        if record.when_not_to_use:
            assert "Alternatives" in terms, code
        if not record.registered:
            assert {"Sent by", "Where you see it"} <= set(terms), code
        elif record.is_error:  # what to do now, on each side, from the first fix lines
            assert {"As the client", "On the server"} <= set(terms), (code, terms)
    context.close()


def test_the_glance_of_429_says_what_decides_the_next_step(browser, served):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{served}429/")
    text = page.get_by_role("region", name="At a glance").inner_text()
    assert "503 Service Unavailable" in text  # what to send instead, linked
    assert "Retry-After" in text  # when to retry
    assert "No (only with explicit freshness information)" in text
    context.close()


def test_on_a_laptop_the_glance_is_in_the_first_screen_and_no_code_scrolls(
    browser, served, real_data
):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    for code in sorted(real_data.codes):
        page.goto(f"{served}{code}/", wait_until="domcontentloaded")
        top = page.get_by_role("region", name="At a glance").bounding_box()["y"]
        assert top < LAPTOP["height"] - 200, (code, top)
        assert page.evaluate(SIDEWAYS) == [], code
    context.close()


def test_the_teapot_is_named_as_people_search_for_it(browser, served):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{served}418/")
    assert page.title() == "418 I'm a teapot (Unused) - HTTP Status Codes"
    assert page.locator("article h1").inner_text() == "418 I'm a teapot (Unused)"
    context.close()

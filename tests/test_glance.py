"""The At a glance block: on every code page, right under the summary, in the first
phone screen, with the facts that decide the reader's next step."""

from __future__ import annotations

import pytest
from browser import OVERFLOWS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}

# What one visit reads off a code page, in one round trip: what sticks out sideways
# (OVERFLOWS), the glance block (its place and terms), the h1, and the code blocks
# wider than their box (the reader would have to scroll sideways).
READ_PAGE = (
    """() => {
  const overflows = ("""
    + OVERFLOWS
    + """)();
  const glance = document.querySelectorAll('section[aria-label="At a glance"]');
  return {
    glances: glance.length,
    top: glance.length ? glance[0].getBoundingClientRect().top + scrollY : null,
    terms: glance.length ? [...glance[0].querySelectorAll('dt')].map(d => d.innerText) : [],
    h1: document.querySelector('article h1').innerText,
    title: document.title,
    overflows,
    sideways: [...document.querySelectorAll('article pre > code')]
      .filter(c => c.scrollWidth > c.clientWidth + 1)
      .map(c => c.textContent.split('\\n')[0].slice(0, 60)),
  };
}"""
)


def visit_every_code_page(browser, served, real_data, viewport):
    """(code, record, what READ_PAGE read) for every code page at ``viewport``. The search
    index is not fetched: nothing here searches."""
    context = browser.new_context(viewport=viewport)
    context.route("**/search/search_index.json", lambda route: route.abort())
    page = context.new_page()
    try:
        for code, record in sorted(real_data.codes.items()):
            page.goto(f"{served}{code}/", wait_until="domcontentloaded")
            yield code, record, page.evaluate(READ_PAGE)
    finally:
        context.close()


def test_every_code_page_fits_a_phone_and_starts_its_glance_in_the_first_screen(
    browser, served, real_data
):
    wide = {}
    for code, record, seen in visit_every_code_page(browser, served, real_data, PHONE):
        if seen["overflows"]:
            wide[code] = seen["overflows"]
        assert seen["glances"] == 1, code
        assert seen["top"] < PHONE["height"] - 120, (code, seen["top"])
        assert seen["h1"] == record.title, (code, seen["h1"])
        assert seen["title"].startswith(f"{record.title} - "), (code, seen["title"])
        terms = set(seen["terms"])
        assert {"Cacheable by default", "Retry", "Content"} <= terms, (code, terms)
        if record.when_not_to_use:
            assert "Alternatives" in terms, code
        if not record.registered:
            assert {"Sent by", "Where you see it"} <= terms, code
        elif record.is_error:  # what to do now, on each side, from the first fix lines
            assert {"As the client", "On the server"} <= terms, (code, terms)
    # Neither the page nor a table sticks out sideways (the layout sweep's check, made
    # here so that a code page is loaded at phone width once).
    assert wide == {}


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
    for code, _, seen in visit_every_code_page(browser, served, real_data, LAPTOP):
        assert seen["top"] < LAPTOP["height"] - 200, (code, seen["top"])
        assert seen["sideways"] == [], code


def test_the_teapot_is_named_as_people_search_for_it(browser, served):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{served}418/")
    assert page.title() == "418 I'm a teapot (Unused) - HTTP Status Codes"
    assert page.locator("article h1").inner_text() == "418 I'm a teapot (Unused)"
    context.close()

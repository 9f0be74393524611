"""Layout a reader notices: nothing wider than a phone, dense index pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}

# The page and every table in the article, against the box they sit in: a table may
# not be wider than its wrapper (it would scroll sideways) nor reach past the screen.
OVERFLOWS = """() => {
  const out = [];
  if (document.documentElement.scrollWidth > innerWidth) {
    out.push(`page is ${document.documentElement.scrollWidth}px wide`);
  }
  document.querySelectorAll("article table").forEach((table, i) => {
    const box = table.closest(".md-typeset__scrollwrap") || table.parentElement;
    const right = table.getBoundingClientRect().right;
    if (table.scrollWidth > box.clientWidth + 1 || right > innerWidth + 1) {
      const heading = table.querySelector("th, td");
      out.push(`table ${i + 1} (${heading ? heading.textContent.trim() : ""}) is ` +
               `${table.scrollWidth}px in a ${box.clientWidth}px box`);
    }
  });
  return out;
}"""


def site_pages(site) -> list[str]:
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
    )


def test_no_page_or_table_is_wider_than_a_phone(browser, served, real_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    pages = site_pages(real_site.site)
    assert len(pages) > 100
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
    names = page.locator("article td code")
    assert names.count() > 0
    heights = names.evaluate_all("els => els.map(e => [e.textContent, e.getClientRects().length])")
    assert [name for name, lines in heights if lines > 1] == []

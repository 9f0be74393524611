"""Quality gates on the built site: HTML validity, accessibility, links, origins, bytes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser import serve
from crawl import crawl
from sitebuild import REPO, build

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

# The one message the Nu checker reports on stock Material: the theme's two hidden
# toggle checkboxes (#__drawer, #__search) carry autocomplete="off", which stops Firefox
# restoring their state on reload. They sit outside any template block, so the only
# override would be a copy of base.html; this exception is for exactly that message on
# exactly those two inputs.
VNU_EXCEPTION = "Attribute “autocomplete” is only allowed when the input type is"
VNU_EXCEPTION_INPUTS = ('id="__drawer"', 'id="__search"')

AXE_PAGES = [
    "",
    "4xx/",
    "429/",
    "compare/301-vs-302-vs-303-vs-307-vs-308/",
    "codes/",
    "guide/",
    "522/",
]
# The page kinds of headers, shared numbers, vendors and numbers outside 100-599.
AXE_PAGES += [
    "headers/retry-after/",
    "headers/status-matrix/",
    "shared-numbers/",
    "other/status-0/",
]
# WCAG 2.0-2.2 A and AA, and axe's best practices (2.2 rules such as target-size are not
# in axe's default set).
AXE_RUN = """async () => await axe.run(document, {
    resultTypes: ['violations'],
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                                     'best-practice']}
})"""


def require(path: Path, what: str) -> None:
    if path.exists():
        return
    message = f"{what} missing: run `npm ci` (see README)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.build
def test_every_page_is_valid_html(real_site):
    require(VNU, "the Nu HTML Checker (node_modules/vnu-jar)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is needed for the Nu HTML Checker")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(real_site.site),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    checked = len(list(real_site.site.rglob("*.html")))
    errors = [
        f"{m.get('url', '').rsplit('site', 1)[-1]}: {m['message']} [{m.get('extract', '')}]"
        for m in messages
        if not (
            m["message"].startswith(VNU_EXCEPTION)
            and any(i in m.get("extract", "") for i in VNU_EXCEPTION_INPUTS)
        )
    ]
    print(f"\nNu HTML Checker: {checked} pages, {len(errors)} errors")
    assert checked > 100
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessibility_has_no_violations(browser, served, scheme):
    require(AXE, "axe-core (node_modules/axe-core)")
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = []
    for path in AXE_PAGES:
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(AXE_RUN)
        found += [
            f"/{path} {v['id']}: {v['nodes'][0]['target']} {v['help']}"
            for v in result["violations"]
        ]
    context.close()
    assert found == []


@pytest.mark.build
def test_every_internal_link_and_anchor_resolves_over_http(real_site):
    with serve(real_site.site) as base:
        report = crawl(base)
    print(f"\nlinks: {report.pages} pages, {report.links} internal links checked")
    assert report.pages > 100
    assert report.broken == []


def test_the_link_checker_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="a/#gone">bad anchor</a>'
        '<a href="missing/">missing</a><a href="https://example.org/">external</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h1 id="here">A</h1>')
    with serve(tmp_path) as base:
        report = crawl(base)
    assert report.pages == 2
    assert sorted(b.split(": ", 1)[1] for b in report.broken) == [
        "#gone is not an id in " + base + "a/",
        "HTTP 404",
    ]


@pytest.mark.browser
def test_no_page_requests_another_origin(browser, served):
    context = browser.new_context()
    page = context.new_page()
    origin = urlparse(served).netloc
    foreign: list[str] = []

    def record(request):
        host = urlparse(request.url).netloc
        if request.url.startswith("http") and host != origin:
            foreign.append(request.url)

    page.on("request", record)
    for path in [*AXE_PAGES, "api/", "about/", "compare/", "2xx/", "499/"]:
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").first.click()
    page.keyboard.type("429")
    page.wait_for_timeout(500)
    context.close()
    assert foreign == []


@pytest.mark.build
def test_two_builds_of_the_same_commit_are_byte_identical(real_site, tmp_path):
    again = build(tmp_path / "again", site_url="https://status.example.org/")
    assert again.returncode == 0, again.output

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
        }

    first, second = files(real_site.site), files(again.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []

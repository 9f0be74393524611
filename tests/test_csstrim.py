"""Material's stylesheets trimmed to what the site's pages and scripts can match
(generator/csstrim.py). Each case builds a small site folder: pages, a script, a sheet
under Material's name, and checks what a browser would get."""

from __future__ import annotations

import gzip

import pytest

from generator import csstrim

MAIN = "assets/stylesheets/main.0123abcd.min.css"
PALETTE = "assets/stylesheets/palette.4567cdef.min.css"


def _site(tmp_path, css: str, pages: dict[str, str], script: str = "", palette: str = ""):
    for name, body in pages.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        sheets = f'<link rel="stylesheet" href="../{MAIN}">'
        if palette:
            sheets += f'<link rel="stylesheet" href="../{PALETTE}">'
        path.write_text(f'<html><head>{sheets}</head><body dir="ltr">{body}</body></html>')
    (tmp_path / "assets/stylesheets").mkdir(parents=True, exist_ok=True)
    (tmp_path / MAIN).write_text(css)
    (tmp_path / (MAIN + ".map")).write_text("{}")
    if palette:
        (tmp_path / PALETTE).write_text(palette)
    (tmp_path / "assets/javascripts").mkdir(parents=True, exist_ok=True)
    (tmp_path / "assets/javascripts/bundle.js").write_text(script)
    return tmp_path


def _trimmed(tmp_path, name: str = "main") -> str:
    [path] = tmp_path.glob(f"assets/stylesheets/{name}.*.min.css")
    return path.read_text()


def test_a_rule_for_a_class_no_page_or_script_has_is_dropped(tmp_path):
    site = _site(
        tmp_path,
        ".md-nav{color:red}.md-banner{color:blue}",
        {"a/index.html": '<nav class="md-nav"></nav>'},
    )
    csstrim.trim(site)
    assert _trimmed(site) == ".md-nav{color:red}"


def test_classes_a_script_builds_are_kept_with_their_prefixes(tmp_path):
    script = 'x("li",{class:"md-search-result__item"});let t=`tabbed-control tabbed-control--${e}`'
    css = (
        ".md-search-result__item{margin:0}.tabbed-control--next{right:0}"
        ".md-search-result__teaser{color:red}"
    )
    site = _site(tmp_path, css, {"index.html": "<p>x</p>"}, script)
    csstrim.trim(site)
    assert _trimmed(site) == ".md-search-result__item{margin:0}.tabbed-control--next{right:0}"


def test_a_selector_list_keeps_only_its_possible_selectors(tmp_path):
    site = _site(
        tmp_path,
        ".md-typeset kbd,.md-typeset code{font-size:1em}",
        {"index.html": '<div class="md-typeset"><code>x</code></div>'},
    )
    csstrim.trim(site)
    assert _trimmed(site) == ".md-typeset code{font-size:1em}"


def test_right_to_left_rules_go_when_every_page_is_left_to_right(tmp_path):
    # The bundle compares with "rtl" but never sets it; dir comes from the page only.
    script = 'getComputedStyle(e).direction;e.getAttribute("dir")==="rtl"'
    css = "[dir=ltr] .md-nav{left:0}[dir=rtl] .md-nav{right:0}"
    site = _site(tmp_path, css, {"index.html": '<nav class="md-nav"></nav>'}, script)
    csstrim.trim(site)
    assert _trimmed(site) == "[dir=ltr] .md-nav{left:0}"


def test_admonition_types_the_pages_never_use_go_though_scripts_say_the_word(tmp_path):
    css = (
        ".md-typeset .note>.admonition-title{color:blue}"
        ".md-typeset .error>.admonition-title{color:red}"
    )
    page = '<div class="md-typeset"><div class="admonition note"><p class="admonition-title">'
    site = _site(tmp_path, css, {"index.html": page}, 'throw new Error("error")')
    csstrim.trim(site)
    assert _trimmed(site) == ".md-typeset .note>.admonition-title{color:blue}"


def test_components_of_features_that_are_off_go_and_come_back_when_on(tmp_path):
    script = 'x("div",{class:"md-tooltip2",role:"tooltip"})'
    css = ".md-tooltip2{opacity:0}.md-nav{color:red}"
    page = {"index.html": '<nav class="md-nav"></nav>'}
    site = _site(tmp_path / "off", css, page, script)
    csstrim.trim(site, frozenset({"content.code.copy"}))
    assert _trimmed(site) == ".md-nav{color:red}"
    site = _site(tmp_path / "on", css, page, script)
    csstrim.trim(site, frozenset({"content.tooltips"}))
    assert _trimmed(site) == css


def test_states_and_what_is_inside_not_need_nothing(tmp_path):
    css = (
        ".md-nav__link:hover:not(.md-nav__link--active)::before{color:red}"
        "[data-md-toggle=search]:checked~.md-header{top:0}"
        "[data-md-toggle=drawer]:checked~.md-overlay{opacity:1}"
    )
    page = '<input data-md-toggle="search"><a class="md-nav__link"></a><header class="md-header">'
    site = _site(tmp_path, css, {"index.html": page})
    csstrim.trim(site)
    assert _trimmed(site) == (
        ".md-nav__link:hover:not(.md-nav__link--active)::before{color:red}"
        "[data-md-toggle=search]:checked~.md-header{top:0}"
    )


def test_a_list_with_a_vendor_pseudo_element_stays_whole(tmp_path):
    # Chromium ignores a whole list with a pseudo-element it does not know; dropping the
    # impossible part would make the rest apply where Material's rule never did.
    css = ".md-banner::-moz-selection,.md-nav::-moz-selection{color:red}"
    site = _site(tmp_path, css, {"index.html": '<nav class="md-nav"></nav>'})
    csstrim.trim(site)
    assert _trimmed(site) == css


def test_custom_properties_nothing_reads_are_dropped_in_chains(tmp_path):
    css = (
        ":root{--used:1px;--icon--note:url(data:a);--icon--bug:url(data:b);"
        "--only-by-dropped:2px;--by-page:3px;--by-script:4px}"
        ".md-nav{margin:var(--used)}.note:before{mask-image:var(--icon--note)}"
        ".bug:before{mask-image:var(--icon--bug);width:var(--only-by-dropped)}"
    )
    page = '<nav class="md-nav" style="padding:var(--by-page)"></nav><p class="note">'
    site = _site(tmp_path, css, {"index.html": page}, 'e.style.setProperty("--by-script",x)')
    csstrim.trim(site)
    assert _trimmed(site) == (
        ":root{--used:1px;--icon--note:url(data:a);--by-page:3px;--by-script:4px}"
        ".md-nav{margin:var(--used)}.note:before{mask-image:var(--icon--note)}"
    )


def test_the_site_stylesheet_reading_a_property_keeps_it(tmp_path):
    css = ":root{--md-accent-fg-color:#526cfe;--md-other:1px}"
    site = _site(tmp_path, css, {"index.html": "<p>"})
    (site / "assets/site.css").write_text("a:focus{outline-color:var(--md-accent-fg-color)}")
    csstrim.trim(site)
    assert _trimmed(site) == ":root{--md-accent-fg-color:#526cfe}"


def test_media_rules_left_empty_and_unnamed_keyframes_go(tmp_path):
    css = (
        "@media screen and (min-width:76.25em){.md-banner{display:none}.md-nav{top:0}}"
        "@media print{.md-banner{display:none}}"
        "@keyframes pulse{0%{opacity:0}}@keyframes spin{0%{opacity:1}}"
        ".md-nav{animation:pulse 1s}"
    )
    site = _site(tmp_path, css, {"index.html": '<nav class="md-nav"></nav>'})
    csstrim.trim(site)
    assert _trimmed(site) == (
        "@media screen and (min-width:76.25em){.md-nav{top:0}}"
        "@keyframes pulse{0%{opacity:0}}.md-nav{animation:pulse 1s}"
    )


def test_the_palette_keeps_only_the_colours_the_page_offers(tmp_path):
    palette = (
        "[data-md-color-primary=red]{--md-primary-fg-color:red}"
        "[data-md-color-primary=custom]{--md-primary-fg-color:blue}"
        "[data-md-color-scheme=slate]{--md-hue:232}"
    )
    page = (
        '<input data-md-color-primary="custom" data-md-color-scheme="slate">'
        '<p style="color:var(--md-primary-fg-color);x:var(--md-hue)">'
    )
    # A script that happens to say "red" does not bring the red palette back.
    site = _site(tmp_path, "", {"index.html": page}, 'e.color="red"', palette=palette)
    csstrim.trim(site)
    assert _trimmed(site, "palette") == (
        "[data-md-color-primary=custom]{--md-primary-fg-color:blue}"
        "[data-md-color-scheme=slate]{--md-hue:232}"
    )


def test_pages_point_at_the_trimmed_sheet_under_a_name_of_its_own(tmp_path):
    site = _site(
        tmp_path,
        ".md-nav{color:red}.md-banner{color:blue}",
        {"a/index.html": '<nav class="md-nav"></nav>', "b/index.html": "<p>"},
    )
    [done] = csstrim.trim(site)
    assert done.old == "main.0123abcd.min.css" and done.new != done.old
    assert not (site / MAIN).exists() and not (site / (MAIN + ".map")).exists()
    for page in ("a/index.html", "b/index.html"):
        html = (site / page).read_text()
        assert f'href="../assets/stylesheets/{done.new}"' in html
        assert done.old not in html
    assert (site / "assets/stylesheets" / done.new).read_text() == ".md-nav{color:red}"


def test_the_same_site_gives_the_same_bytes(tmp_path):
    css = ".md-nav{color:red}.md-banner{color:blue}:root{--a:1;--b:var(--a)}.md-nav{x:var(--b)}"
    results = []
    for run in ("one", "two"):
        site = _site(tmp_path / run, css, {"index.html": '<nav class="md-nav"></nav>'})
        [done] = csstrim.trim(site)
        results.append((done.new, _trimmed(site)))
    assert results[0] == results[1]


def test_a_kept_compiled_sheet_gives_the_same_bytes_and_a_broken_one_is_compiled_again(
    tmp_path,
):
    css = ".md-nav{color:red}.md-banner{color:blue}@media print{.md-nav{color:#000}}"
    cache = tmp_path / "cache"
    results = []
    for run in ("cold", "kept", "broken"):
        if run == "broken":
            for kept in cache.glob("*.json"):
                kept.write_text("{not json")
        site = _site(tmp_path / run, css, {"index.html": '<nav class="md-nav"></nav>'})
        [done] = csstrim.trim(site, cache=cache)
        results.append((done.new, _trimmed(site)))
    assert len(list(cache.glob("main.*.json"))) == 1
    assert results[0] == results[1] == results[2]
    assert results[0][1] == ".md-nav{color:red}@media print{.md-nav{color:#000}}"


@pytest.mark.build
def test_the_built_site_serves_trimmed_material_sheets_that_every_page_names(real_site):
    sheets = sorted((real_site.site / "assets/stylesheets").glob("*.css"))
    names = {path.name for path in sheets}
    assert len(sheets) == 2, names  # main and palette, no untrimmed copy left beside them
    main = next(path for path in sheets if path.name.startswith("main."))
    size = len(gzip.compress(main.read_bytes(), 9))
    # Material's main.css is 22.7 KB of gzip; the site uses about half of it.
    assert size < 14_000, size
    for page in real_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        linked = [name for name in names if name in html]
        if "stylesheets/" in html:
            assert len(linked) == 2, page


@pytest.mark.browser
def test_what_the_scripts_and_pages_need_is_still_styled(browser, served):
    """With the trimmed sheets: the tab bar's scroll arrow that the bundle adds (a class
    it builds from a template string), an admonition's icon (a custom property holding a
    data: URI) and a search result's layout."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(served + "417/frameworks/")
    page.wait_for_load_state("networkidle")
    following = page.locator(".tabbed-set .tabbed-control--next").first
    following.wait_for(state="visible", timeout=5_000)
    box = following.bounding_box()
    labels = page.locator(".tabbed-set .tabbed-labels").first.bounding_box()
    # At the right end of the overflowing tab bar, not at its start.
    assert box["x"] > labels["x"] + labels["width"] / 2, (box, labels)
    # Its arrow is drawn (a mask from a custom property); the one back is transparent.
    arrow = following.locator(".tabbed-button").evaluate(
        "el => getComputedStyle(el, '::after').maskImage"
    )
    assert arrow.startswith('url("data:image/svg+xml'), arrow[:60]
    back = page.locator(".tabbed-set .tabbed-control--prev").first
    page.wait_for_timeout(300)  # its opacity transition
    assert back.evaluate("el => getComputedStyle(el).opacity") == "0"

    page.goto(served + "418/")
    icon = page.evaluate(
        """getComputedStyle(document.querySelector('.admonition.note > .admonition-title'),
        '::before').maskImage || getComputedStyle(document.querySelector(
        '.admonition.note > .admonition-title'), '::before').webkitMaskImage"""
    )
    assert icon.startswith('url("data:image/svg+xml'), icon[:60]

    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("teapot", delay=20)
    item = page.locator(".md-search-result__item").first
    item.wait_for(timeout=15_000)
    # Material's list style (a browser's own gives an <ol> numbers and a 40px indent).
    style = item.evaluate(
        "el => [getComputedStyle(el).listStyleType, getComputedStyle(el.parentNode).paddingLeft]"
    )
    assert style == ["none", "0px"], style
    context.close()

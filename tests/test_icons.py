"""The theme's icons come from one cached file, assets/icons.svg (generator/icons.py,
overrides/.icons/sprite/), and still show where Material puts them."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
import yaml
from PIL import Image

from generator import icons

REPO = Path(__file__).resolve().parent.parent
OVERRIDES = REPO / "overrides" / ".icons" / "sprite"


def _theme() -> dict:
    # mkdocs.yml has !ENV tags; only the theme is read here.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["theme"]


def test_every_icon_the_theme_prints_is_a_sprite_icon_with_an_override():
    theme = _theme()
    named = list(theme["icon"].values())
    named += [option["toggle"]["icon"] for option in theme["palette"]]
    assert len(named) >= 9
    for name in named:
        assert name.startswith("sprite/"), name
        assert (OVERRIDES / f"{name.removeprefix('sprite/')}.svg").is_file(), name
        assert name.removeprefix("sprite/") in icons.ICONS, name


def test_each_override_points_at_its_own_symbol_in_the_sprite():
    sprite = icons.sprite()
    ids = re.findall(r'<symbol id="([^"]+)"', sprite)
    files = sorted(OVERRIDES.glob("*.svg"))
    assert sorted(path.stem for path in files) == sorted(ids) == sorted(icons.ICONS)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert re.fullmatch(
            r'<svg viewBox="0 0 24 24"><use href="\{\{ \'assets/icons\.svg\' \| url \}\}#'
            + re.escape(path.stem)
            + r'"></use></svg>',
            text,
        ), path.name


def test_the_sprite_draws_materials_own_icons():
    sprite = icons.sprite()
    for name, icon in icons.ICONS.items():
        source = (icons._MATERIAL_ICONS / f"{icon}.svg").read_text(encoding="utf-8")
        path = re.search(r'<path d="[^"]+"/>', source).group(0)
        assert f'<symbol id="{name}" viewBox="0 0 24 24">{path}</symbol>' in sprite, name


@pytest.mark.build
def test_pages_print_no_icon_drawing_only_references_that_resolve(real_site):
    sprite = (real_site.site / "assets" / "icons.svg").read_text(encoding="utf-8")
    ids = set(re.findall(r'<symbol id="([^"]+)"', sprite))
    for url in ("/202/", "/4xx/", "/"):
        soup = real_site.html(url)
        outside = [svg for svg in soup.find_all("svg") if not svg.find_parent("article")]
        assert len(outside) >= 10, url
        for svg in outside:
            assert svg.find("path") is None, (url, str(svg)[:120])
            (use,) = svg.find_all("use")
            target, _, symbol = use["href"].partition("#")
            assert target.endswith("assets/icons.svg") and symbol in ids, use["href"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_header_icons_are_drawn(browser, served, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(served + "202/")
    page.wait_for_load_state("networkidle")
    for selector in (
        "label.md-header__button[for='__drawer']",
        "label.md-header__button[for='__search']",
        "form[data-md-component=palette] label:visible",
    ):
        shot = Image.open(BytesIO(page.locator(selector).first.screenshot())).convert("L")
        low, high = shot.getextrema()
        # An icon is light strokes on the header's colour: a blank button is one colour.
        assert high - low > 100, (selector, scheme, low, high)
    context.close()

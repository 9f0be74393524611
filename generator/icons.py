"""The theme's icons, drawn from one cached file instead of printed into every page.

Material prints each icon of its header, search box, palette toggle, footer and back-to-top
button as an inline SVG with its whole path: twelve on every page, 1.3 KB of gzip that a
reader downloads again with each page. mkdocs.yml names them ``sprite/<name>`` (theme.icon
and the palette toggles), and Material includes ``.icons/sprite/<name>.svg``, which
overrides/ holds: an ``<svg>`` whose ``<use>`` points at the symbol of that name in
``assets/icons.svg``. Material's styles for those icons still apply (the element is still
an ``svg``, filled with the current colour), and the file is fetched once and cached.

The symbols are Material's own icons (Material Design Icons, bundled with
mkdocs-material), read from the installed theme at build time, so the drawing is the one
Material would have printed.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

SPRITE = "assets/icons.svg"
# The name after sprite/ in mkdocs.yml, and the Material icon it draws.
ICONS = {
    "web": "material/web",  # the logo
    "menu": "material/menu",
    "magnify": "material/magnify",
    "arrow-left": "material/arrow-left",
    "arrow-right": "material/arrow-right",
    "arrow-up": "material/arrow-up",
    "close": "material/close",
    "weather-night": "material/weather-night",
    "weather-sunny": "material/weather-sunny",
}
_MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons"
_SVG = re.compile(
    r'^<svg xmlns="http://www.w3.org/2000/svg" viewBox="([^"]+)">(.*)</svg>\s*$', re.S
)


def symbol(name: str, icon: str) -> str:
    source = (_MATERIAL_ICONS / f"{icon}.svg").read_text(encoding="utf-8")
    match = _SVG.match(source)
    if match is None:
        raise ValueError(f"{icon}: not an icon of the expected form (one <svg> with a viewBox)")
    view_box, drawing = match.groups()
    return f'<symbol id="{name}" viewBox="{view_box}">{drawing}</symbol>'


def sprite() -> str:
    symbols = "".join(symbol(name, icon) for name, icon in ICONS.items())
    return f'<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>\n'


def sprite_files() -> dict[str, str]:
    return {SPRITE: sprite()}

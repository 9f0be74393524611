"""The share image of each code page (og:image): the code, its name and the one-line
summary, drawn at build time with Pillow and the font Pillow itself ships (Aileron,
through ``ImageFont.load_default``), so nothing is fetched and every machine with the
pinned Pillow draws the same bytes.

Drawing and compressing 1200 x 630 pixels costs tens of milliseconds an image, so images
are kept in a content-addressed cache beside the project: an image is drawn again only
when what it shows (or this module's design, or Pillow) changes. Two builds of one
commit therefore publish the same bytes, and an edit redraws one image, not all.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import PIL

# Pillow's drawing modules load only when an image is drawn: a build that finds every
# image in its cache never needs them (50 ms of start-up).
if TYPE_CHECKING:
    from PIL import ImageFont

from generator.model import CodeRecord
from generator.pages import SITE_NAME
from generator.site import Site

IMAGE_DIR = "og"
SIZE = (1200, 630)
BACKGROUND = "#1f2a3c"
TEXT = "#ffffff"
MUTED = "#c8d0dc"
# The dark palette's class colours (docs/assets/site.css), bright on the ink background.
CLASS_COLOURS = {1: "#5cc8d3", 2: "#5fcf7d", 3: "#9fa8ff", 4: "#f5a452", 5: "#ff837a"}
LEFT = 88
WIDTH = SIZE[0] - 2 * LEFT


def image_src(code: int) -> str:
    return f"{IMAGE_DIR}/{code}.png"


def _font(size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    font = ImageFont.load_default(size=size)
    assert isinstance(font, ImageFont.FreeTypeFont), "Pillow was built without FreeType"
    return font


def _lines(text: str, font: ImageFont.FreeTypeFont, width: int, most: int) -> list[str]:
    """``text`` wrapped to ``width`` pixels, at most ``most`` lines, the last one cut
    with an ellipsis when the text goes on."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and font.getlength(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        last = lines[-1]
        while last and font.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def _what_it_shows(record: CodeRecord, class_title: str) -> dict[str, object]:
    status = record.specification.status_label if record.specification else "Unofficial"
    return {
        "code": record.code,
        "name": record.name,
        "summary": str(record.summary),
        "class": record.class_digit,
        "footer": f"{class_title} · {status}",
    }


def draw(shows: dict[str, object]) -> bytes:
    """The PNG of one share image."""
    from PIL import Image, ImageDraw

    colour = CLASS_COLOURS[int(shows["class"])]  # type: ignore[arg-type]
    image = Image.new("RGB", SIZE, BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 16, SIZE[1]), fill=colour)
    pen.text((LEFT, 56), SITE_NAME, font=_font(34), fill=MUTED)
    pen.text(
        (LEFT - 6, 104),
        str(shows["code"]),
        font=_font(190),
        fill=colour,
        stroke_width=3,
        stroke_fill=colour,
    )
    y = 318
    name_font = _font(62)
    name = _lines(str(shows["name"]), name_font, WIDTH, 2)
    for line in name:
        pen.text((LEFT, y), line, font=name_font, fill=TEXT)
        y += 74
    y += 14
    summary_font = _font(34)
    for line in _lines(str(shows["summary"]), summary_font, WIDTH, 4 - len(name)):
        pen.text((LEFT, y), line, font=summary_font, fill=MUTED)
        y += 44
    pen.text((LEFT, SIZE[1] - 70), str(shows["footer"]), font=_font(30), fill=colour)
    # Four flat colours and their anti-aliased edges: a 64-colour palette keeps every
    # edge and makes the file a fifth of the size.
    flat = image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    flat.save(out, "PNG", compress_level=6)
    return out.getvalue()


@functools.cache
def _drawing() -> str:
    """This module's source: a cached image is drawn again once the drawing changes,
    without anyone having to remember to say so."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _key(shows: dict[str, object]) -> str:
    described = json.dumps([_drawing(), PIL.__version__, shows], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(described.encode()).hexdigest()


def share_images(site: Site, cache: Path | None) -> dict[str, bytes]:
    """``og/<code>.png`` for every code, drawn or taken from ``cache``."""
    wanted = {
        image_src(code): _what_it_shows(record, site.classes[record.class_digit].title)
        for code, record in sorted(site.codes.items())
    }
    found: dict[str, bytes] = {}
    missing: list[tuple[str, dict[str, object], Path | None]] = []
    for src, shows in wanted.items():
        path = cache / f"{_key(shows)}.png" if cache is not None else None
        if path is not None and path.is_file():
            found[src] = path.read_bytes()
        else:
            missing.append((src, shows, path))
    if missing:
        # Pillow releases the GIL while it draws and compresses: two threads, two cores.
        with ThreadPoolExecutor(max_workers=2) as pool:
            drawn = list(pool.map(lambda item: draw(item[1]), missing))
        for (src, _, path), png in zip(missing, drawn, strict=True):
            found[src] = png
            if path is not None:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    partial = path.with_suffix(f".{os.getpid()}.part")
                    partial.write_bytes(png)
                    os.replace(partial, path)  # a parallel build never reads half a file
                except OSError:
                    pass  # a read-only checkout still builds; it just draws every time
    return dict(sorted(found.items()))

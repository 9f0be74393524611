"""Share images (og:image): one per code page, drawn offline, the same bytes every time."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from generator import shareimage

SHOWS = {
    "code": 429,
    "name": "Too Many Requests",
    "summary": "The client has sent too many requests in a given time and is being rate limited.",
    "class": 4,
    "footer": "4xx Client Error · Registered",
}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_an_image_is_the_size_social_sites_expect_and_the_same_bytes_every_time():
    first = shareimage.draw(SHOWS)
    assert png_size(first) == (1200, 630)
    assert shareimage.draw(dict(SHOWS)) == first


def test_a_changed_summary_draws_a_different_image():
    assert shareimage.draw({**SHOWS, "summary": "Slow down."}) != shareimage.draw(SHOWS)


def test_an_unchanged_record_is_taken_from_the_cache(real_data, tmp_path, monkeypatch):
    drawn = shareimage.share_images(real_data, tmp_path)
    assert len(drawn) == len(real_data.codes)

    def no_drawing(shows):
        raise AssertionError(f"drew {shows['code']} again")

    monkeypatch.setattr(shareimage, "draw", no_drawing)
    assert shareimage.share_images(real_data, tmp_path) == drawn


@pytest.mark.build
def test_every_code_page_names_its_share_image(real_site, real_data):
    for code in real_data.codes:
        soup = real_site.html(f"/{code}/")
        image = soup.find("meta", property="og:image")["content"]
        assert image == f"https://status.example.org/og/{code}.png", code
        assert png_size((real_site.site / "og" / f"{code}.png").read_bytes()) == (1200, 630)
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


@pytest.mark.slow  # draws every image twice
def test_an_edited_drawing_is_not_taken_from_the_cache(real_data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    shareimage.share_images(real_data, cache)
    edited = tmp_path / "shareimage.py"
    edited.write_text(Path(shareimage.__file__).read_text(encoding="utf-8") + "\n# edited\n")
    monkeypatch.setattr(shareimage, "__file__", str(edited))
    shareimage._drawing.cache_clear()
    drawn = []
    original = shareimage.draw
    monkeypatch.setattr(shareimage, "draw", lambda shows: drawn.append(shows) or original(shows))
    try:
        shareimage.share_images(real_data, cache)
    finally:
        shareimage._drawing.cache_clear()
    assert len(drawn) == len(real_data.codes)

"""`http-status preview`: the built site on loopback, missing paths answered by 404.html."""

from __future__ import annotations

import contextlib
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator import cli
from generator.preview import server


@contextlib.contextmanager
def serving(directory: Path):
    httpd = server(directory, 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _site(tmp_path: Path) -> Path:
    (tmp_path / "429").mkdir()
    (tmp_path / "index.html").write_text("<h1>Home</h1>")
    (tmp_path / "429" / "index.html").write_text("<h1>429 Too Many Requests</h1>")
    (tmp_path / "404.html").write_text("<h1>Page not found</h1>")
    return tmp_path


def test_a_missing_path_gets_404_and_the_not_found_page(tmp_path):
    with serving(_site(tmp_path)) as httpd:
        assert httpd.server_address[0] == "127.0.0.1"
        base = f"http://127.0.0.1:{httpd.server_port}"
        assert fetch(base + "/429/") == (200, b"<h1>429 Too Many Requests</h1>")
        assert fetch(base + "/427/") == (404, b"<h1>Page not found</h1>")
        assert fetch(base + "/") == (200, b"<h1>Home</h1>")


def test_preview_without_a_built_site_says_how_to_build_one(tmp_path, capsys):
    assert cli.main(["preview", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "holds no built site" in err and "python3 -m mkdocs build" in err


@pytest.mark.build
def test_the_real_not_found_page_is_served_for_a_mistyped_code(real_site):
    with serving(real_site.site) as httpd:
        status, body = fetch(f"http://127.0.0.1:{httpd.server_port}/42/")
    assert status == 404
    assert b"<h1>Page not found</h1>" in body
    assert body == (real_site.site / "404.html").read_bytes()

"""Serve a built site on loopback and drive Debian's system Chromium with Playwright."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

from generator.preview import SiteHandler

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    env = os.environ.get("CHROMIUM_PATH")
    if env:
        return env
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


class _Quiet(SiteHandler):
    """Serves a built site as static hosts do (404.html, with status 404, for misses),
    without a log line per request."""

    def log_message(self, *args: object) -> None:
        pass


class _Compressed(_Quiet):
    """Like a production static host: gzip for text, and cache headers for assets."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.is_file() and path.suffix in self.TEXT):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        hashed = re.search(r"\.[0-9a-f]{8}\.min\.(css|js)$", path.name) is not None
        self.send_header(
            "Cache-Control", "public, max-age=31536000, immutable" if hashed else "no-cache"
        )
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(root: Path, prefix: str = "/", compress: bool = False) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 under ``prefix``; yield the base URL.

    ``compress`` serves text gzipped with cache headers, as a production host would.
    """
    base_handler = _Compressed if compress else _Quiet
    handler = functools.partial(base_handler, directory=str(root))
    if prefix != "/":

        class Prefixed(base_handler):
            def translate_path(self, path: str) -> str:
                if not path.startswith(prefix):
                    return str(root / "__outside_prefix__")
                return super().translate_path("/" + path[len(prefix) :])

        handler = functools.partial(Prefixed, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def launch():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("no Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# What sticks out sideways on a phone: the page itself, or a table wider than its box.
# The layout sweep (tests/test_layout.py) and the code-page crawl (tests/test_glance.py)
# share it, so that each page is loaded once at phone width.
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

"""Serve a built site on loopback as a static host would: missing paths get the site's own
not-found page (``404.html``) with status 404, which ``python -m http.server`` does not do."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
from pathlib import Path

HOST = "127.0.0.1"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from ``directory``; ``404.html`` for anything missing."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def server(directory: Path, port: int = 0, handler=SiteHandler) -> http.server.HTTPServer:
    """A server for ``directory`` bound to 127.0.0.1 (``port`` 0: any free port)."""
    bound = functools.partial(handler, directory=str(directory))
    return http.server.ThreadingHTTPServer((HOST, port), bound)


def serve(directory: Path, port: int) -> int:
    """Serve until interrupted; 1 with a clear line when there is nothing to serve."""
    if not (directory / "index.html").is_file():
        print(
            f"http-status: {directory} holds no built site (expected index.html): "
            "build it first with python3 -m mkdocs build",
            file=sys.stderr,
        )
        return 1
    try:
        httpd = server(directory, port)
    except OSError as exc:
        print(f"http-status: cannot listen on {HOST}:{port}: {exc.strerror}", file=sys.stderr)
        return 1
    with httpd:
        print(f"Serving {directory} at http://{HOST}:{httpd.server_port}/ (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()
    return 0

"""A loopback test server that answers each status code under test and records what each
client then sent.

Two listeners share one recorder: ``127.0.0.1`` (the origin every run starts from) and
``127.0.0.2`` (another host, for cross-origin redirects). Paths say who asked and what
for: ``/<client>/<scenario>/<step>``, so one server serves every client at once and each
(client, scenario) pair has its own list of requests.

Nothing here reads the site's data: what each scenario sends is the harness's own
(generator.clients says what is measured; tests/clientlab/scenarios.py how).
"""

from __future__ import annotations

import contextlib
import html
import http.server
import threading
import time
import urllib.parse
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

ORIGIN_HOST = "127.0.0.1"
OTHER_HOST = "127.0.0.2"
TOKEN = "Bearer measured-token"
FORM_BODY = "a=1"

REASONS = {
    100: "Continue",
    101: "Switching Protocols",
    102: "Processing",
    103: "Early Hints",
    104: "Upload Resumption Supported",
}


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    step: str
    host: str
    body: str
    authorization: str | None
    if_none_match: str | None
    at: float


@dataclass
class Recorder:
    requests: dict[tuple[str, str], list[Seen]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, client: str, scenario: str, seen: Seen) -> None:
        with self.lock:
            self.requests[(client, scenario)].append(seen)

    def of(self, client: str, scenario: str) -> list[Seen]:
        """What the client sent for the scenario, preflights left out."""
        with self.lock:
            return [s for s in self.requests.get((client, scenario), []) if s.method != "OPTIONS"]


@dataclass(frozen=True)
class Reply:
    """What the server answers at one scenario's first step."""

    kind: str  # redirect, status, interim, cache, conditional
    code: int
    headers: tuple[tuple[str, str], ...] = ()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "clientlab"
    # Set per server: the shared recorder, the scenario table and the other listener's base.
    recorder: Recorder
    replies: dict[str, Reply]
    other_base: str

    def log_message(self, *args: object) -> None:
        pass

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        allowed = "Authorization, Content-Type, If-None-Match"
        self.send_header("Access-Control-Allow-Headers", allowed)
        self.send_header("Access-Control-Expose-Headers", "*")

    def _send(self, code: int, body: bytes = b"", headers: tuple = (), ctype="text/plain") -> None:
        self.send_response(code)
        for name, value in headers:
            self.send_header(name, value)
        self._cors()
        if code not in (204, 304):
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if code not in (204, 304) and self.command != "HEAD":
            self.wfile.write(body)

    def _page(self, query: dict[str, list[str]]) -> None:
        target = query.get("target", [""])[0]
        form = (
            f'<form method="post" action="{html.escape(target)}"><input name="a" value="1"></form>'
            if target
            else ""
        )
        body = f"<!doctype html><title>clientlab</title>{form}".encode()
        self._send(200, body, ctype="text/html; charset=utf-8")

    def _handle(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/page":
            self._page(urllib.parse.parse_qs(url.query))
            return
        parts = url.path.strip("/").split("/")
        if len(parts) != 3 or parts[1] not in self.replies:
            self._send(404, b"no such scenario")
            return
        client, scenario, step = parts
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("latin-1") if length else ""
        self.recorder.add(
            client,
            scenario,
            Seen(
                method=self.command,
                step=step,
                host=self.headers.get("Host", "").split(":")[0],
                body=body,
                authorization=self.headers.get("Authorization"),
                if_none_match=self.headers.get("If-None-Match"),
                at=time.monotonic(),
            ),
        )
        if self.command == "OPTIONS":
            self._send(204)
            return
        if step == "end":
            self._send(200, b"end")
            return
        reply = self.replies[scenario]
        if reply.kind == "redirect":
            base = self.other_base if scenario.endswith("-cross") else ""
            target = f"{base}/{client}/{scenario}/end"
            self._send(reply.code, b"redirect", (("Location", target), *reply.headers))
        elif reply.kind == "interim":
            self._interim(reply)
        elif reply.kind in ("cache", "conditional"):
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304, headers=(("ETag", '"v1"'),))
            else:
                self._send(200, b"cached", (("ETag", '"v1"'), ("Cache-Control", "no-cache")))
        else:
            self._send(reply.code, f"status {reply.code}".encode(), reply.headers)

    def _interim(self, reply: Reply) -> None:
        head = f"HTTP/1.1 {reply.code} {REASONS[reply.code]}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in reply.headers)
        self.wfile.write((head + "\r\n").encode("latin-1"))
        self.wfile.flush()
        if reply.code == 101:
            # The connection now speaks another protocol: this one says nothing and closes.
            self.close_connection = True
            return
        self._send(200, b"final")

    do_GET = do_POST = do_HEAD = do_OPTIONS = _handle


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # Every client runs at once: more than the default five connections wait to be accepted.
    request_queue_size = 256

    def handle_error(self, request, client_address) -> None:
        # A client that gives up on a connection (after a 101, on a timeout) is a result
        # the runner reports, not a server fault.
        pass


@contextlib.contextmanager
def serve(replies: dict[str, Reply]) -> Iterator[tuple[str, Recorder]]:
    """Run both listeners on one random port each; yield the origin's base URL."""
    recorder = Recorder()
    servers = []
    for host in (ORIGIN_HOST, OTHER_HOST):
        handler = type("BoundHandler", (Handler,), {"recorder": recorder, "replies": replies})
        servers.append(_Server((host, 0), handler))
    bases = [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in servers]
    servers[0].RequestHandlerClass.other_base = bases[1]
    servers[1].RequestHandlerClass.other_base = bases[1]
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    try:
        yield bases[0], recorder
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()

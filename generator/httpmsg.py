"""Parse the raw HTTP/1.1 messages that records show as examples.

Examples are written as they travel on the wire (start line, header fields, a blank
line, the body), so they can be checked: a status line names a real code and phrase,
and responses that cannot have content have none. The start line and header section go
through h11, a conforming HTTP/1.1 parser, so that field syntax, framing headers and the
Host rule are checked as a real peer would (RFC 9112); examples written with an HTTP/2
or HTTP/3 start line (as curl prints them) have their header section checked the same
way. The body is kept as shown, since examples may elide it with '...'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import h11

TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
REQUEST_LINE = re.compile(r"^([A-Z][A-Z-]*) (\S+) (HTTP/(?:1\.0|1\.1|2|3))$")
STATUS_LINE = re.compile(r"^(HTTP/(?:1\.0|1\.1|2|3)) (\d{3})(?: (.*))?$")


@dataclass(frozen=True)
class Message:
    start_line: str
    headers: tuple[tuple[str, str], ...]
    body: str
    # Requests
    method: str | None = None
    target: str | None = None
    # Responses
    version: str = "HTTP/1.1"
    status: int | None = None
    reason: str | None = None

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def has_header(self, name: str) -> bool:
        return self.header(name) is not None


class MessageError(ValueError):
    pass


def parse(text: str, *, kind: str) -> Message:
    """Parse a request (``kind="request"``) or a response (``kind="response"``)."""
    lines = text.rstrip("\n").split("\n")
    if not lines or not lines[0].strip():
        raise MessageError(f"the {kind} is empty (expected a start line)")
    start = lines[0]
    head: list[tuple[str, str]] = []
    index = 1
    while index < len(lines) and lines[index] != "":
        line = lines[index]
        name, sep, value = line.partition(":")
        if not sep or not TOKEN.match(name):
            raise MessageError(
                f"line {index + 1} of the {kind}, {line!r}, is not a header field "
                "(expected 'Name: value', then a blank line before any body)"
            )
        head.append((name, value.strip()))
        index += 1
    body = "\n".join(lines[index + 1 :]) if index < len(lines) else ""
    _conformance(start, head, kind)
    if kind == "request":
        match = REQUEST_LINE.match(start)
        if not match:
            raise MessageError(
                f"{start!r} is not a request line (expected 'METHOD /path HTTP/1.1')"
            )
        return Message(
            start,
            tuple(head),
            body,
            method=match[1],
            target=match[2],
            version=match[3],
        )
    match = STATUS_LINE.match(start)
    if not match:
        raise MessageError(f"{start!r} is not a status line (expected 'HTTP/1.1 200 OK')")
    return Message(
        start,
        tuple(head),
        body,
        version=match[1],
        status=int(match[2]),
        reason=match[3],
    )


def _conformance(start: str, head: list[tuple[str, str]], kind: str) -> None:
    """Hand a response's status line and header section to h11; turn its complaint into
    ours. Requests are left to the line checks above: an example may show the broken
    request that earned its 400."""
    status = STATUS_LINE.match(start)
    if kind != "response" or not status:
        return  # the caller reports a malformed start line
    start = f"HTTP/1.1 {status[2]} {status[3] or ''}".rstrip()
    data = "\r\n".join([start, *(f"{k}: {v}" for k, v in head)]) + "\r\n\r\n"
    # h11 reads a response as the answer to a request; this one offers an upgrade, so
    # that a 101 is a valid answer too.
    asked = [("Host", "example.com"), ("Connection", "upgrade"), ("Upgrade", "example")]
    try:
        connection = h11.Connection(h11.CLIENT)
        connection.send(h11.Request(method="GET", target="/", headers=asked))
        connection.send(h11.EndOfMessage())
        connection.receive_data(data.encode("utf-8"))
        connection.next_event()
    except (h11.RemoteProtocolError, h11.LocalProtocolError) as exc:
        raise MessageError(f"not a valid HTTP/1.1 response: {exc} (RFC 9112)") from None

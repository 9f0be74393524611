"""A sequence diagram of a multi-step example, drawn at build time as inline SVG.

A flow of several messages (202 then polling, 401 then credentials, 100-continue, 103
then 200, a redirect chain) is easier to follow as arrows between the client and the
hosts it talks to. The diagram is drawn from the example's own steps, so it cannot
disagree with them; every text in it is made inert, and it carries its own text
alternative. No script and nothing fetched: plain SVG that takes the page's colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from generator import httpmsg
from generator.escape import inert
from generator.model import Example

CLIENT = "Client"
WIDTH = 400
MARGIN = 64  # from each edge to the outermost lifelines
BOX_HEIGHT = 26
ROW = 34  # vertical distance between two arrows
LABEL_LIMIT = 40  # characters of a request or status line
HOST_LIMIT = 18  # characters of a host name in its box
MAX_HOSTS = 2  # more than this and every host is drawn as one "Server"


@dataclass(frozen=True)
class Arrow:
    number: int  # the step's number, as the steps below the diagram are numbered
    source: str
    target: str
    label: str
    interim: bool  # a 1xx response: drawn dashed, the exchange goes on


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _host(message: httpmsg.Message) -> str:
    if message.target and "://" in message.target:
        return urlsplit(message.target).hostname or "Server"
    host = message.header("Host") or "Server"
    return host if host.startswith("[") else host.split(":")[0]


def _path(message: httpmsg.Message) -> str:
    target = message.target or "/"
    if "://" in target:
        parts = urlsplit(target)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
    return target


def arrows(example: Example) -> list[Arrow]:
    """The example's messages as arrows, in order; logs are not on the wire."""
    found: list[Arrow] = []
    host = "Server"
    numbered = len(example.steps) > 1
    for number, step in enumerate(example.steps, start=1):
        shown = number if numbered else 0
        if step.request:
            request = httpmsg.parse(step.request, kind="request")
            host = _host(request)
            label = f"{request.method} {_path(request)}"
            found.append(Arrow(shown, CLIENT, host, _short(label, LABEL_LIMIT), False))
        if step.response:
            response = httpmsg.parse(step.response, kind="response")
            assert response.status is not None
            label = f"{response.status} {response.reason or ''}".strip()
            interim = response.status < 200
            found.append(Arrow(shown, host, CLIENT, _short(label, LABEL_LIMIT), interim))
    return found


def is_flow(found: list[Arrow]) -> bool:
    """Worth a diagram: more than one request, or more than one response to one."""
    requests = sum(1 for a in found if a.source == CLIENT)
    responses = len(found) - requests
    return requests > 1 or responses > 1


def diagram(example: Example) -> Markup | None:
    """The diagram of ``example`` as a ``<figure>``, or None for a single exchange."""
    found = arrows(example)
    if not is_flow(found):
        return None
    hosts = list(dict.fromkeys(a.target if a.source == CLIENT else a.source for a in found))
    if len(hosts) > MAX_HOSTS:
        found = [
            Arrow(
                a.number,
                "Server" if a.source != CLIENT else CLIENT,
                "Server" if a.target != CLIENT else CLIENT,
                a.label,
                a.interim,
            )
            for a in found
        ]
        hosts = ["Server"]
    lanes = [CLIENT, *hosts]
    step = (WIDTH - 2 * MARGIN) / (len(lanes) - 1)
    x = {lane: MARGIN + i * step for i, lane in enumerate(lanes)}
    height = BOX_HEIGHT + 18 + ROW * len(found)

    parts: list[str] = []
    for lane in lanes:
        cx = x[lane]
        parts.append(
            f'<rect x="{cx - 62:.0f}" y="1" width="124" height="{BOX_HEIGHT}" rx="4"/>'
            f'<text x="{cx:.0f}" y="{BOX_HEIGHT / 2 + 5:.0f}" class="lane">'
            f"{inert(_short(lane, HOST_LIMIT))}</text>"
            f'<line x1="{cx:.0f}" y1="{BOX_HEIGHT + 1}" x2="{cx:.0f}" y2="{height}" class="life"/>'
        )
    for row, arrow in enumerate(found):
        y = BOX_HEIGHT + 14 + ROW * (row + 1)
        x1, x2 = x[arrow.source], x[arrow.target]
        tip = -7 if x2 > x1 else 7
        dashed = ' class="interim"' if arrow.interim else ""
        number = f"{arrow.number}. " if arrow.number else ""
        parts.append(
            f'<line x1="{x1:.0f}" y1="{y}" x2="{x2 + tip:.0f}" y2="{y}"{dashed}/>'
            f'<polygon points="{x2:.0f},{y} {x2 + tip:.0f},{y - 4} {x2 + tip:.0f},{y + 4}"/>'
            f'<text x="{(x1 + x2) / 2:.0f}" y="{y - 6}">{inert(number + arrow.label)}</text>'
        )
    described = "; ".join(
        f"{f'{a.number}. ' if a.number else ''}{a.source} to {a.target}: {a.label}" for a in found
    )
    return Markup(
        f'<figure class="sequence"><svg viewBox="0 0 {WIDTH} {height + 2}" role="img" '
        f'aria-label="{inert("Sequence of messages: " + described)}">'
        f"{''.join(parts)}</svg></figure>"
    )

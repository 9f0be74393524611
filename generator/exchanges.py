"""How an example's messages are shown: after the first request of a flow, the header
fields a reader has already seen (credentials, user agent, content negotiation) are left
out of later requests when their values repeat, and the request's title says so. The
record keeps every message whole; only the page shortens them."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Example, Step

# Fields that are the same on every request of a flow and say nothing about the code.
BOILERPLATE = ("Authorization", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language")


@dataclass(frozen=True)
class ShownStep:
    step: Step
    request: str | None  # the request as shown, repeated fields left out
    request_title: str


def _fields(request: str) -> list[tuple[str, str]]:
    head = request.split("\n\n", 1)[0].split("\n")[1:]
    return [(n.strip().lower(), v.strip()) for n, _, v in (line.partition(":") for line in head)]


def _omit(request: str, omitted: set[tuple[str, str]]) -> str:
    head, sep, body = request.partition("\n\n")
    start, *fields = head.split("\n")
    kept = [
        line
        for line in fields
        if (line.partition(":")[0].strip().lower(), line.partition(":")[2].strip()) not in omitted
    ]
    return "\n".join([start, *kept]) + sep + body


def shown_steps(example: Example) -> list[ShownStep]:
    shown: list[ShownStep] = []
    first: tuple[int, set[tuple[str, str]]] | None = None
    boilerplate = {name.lower() for name in BOILERPLATE}
    for number, step in enumerate(example.steps, start=1):
        request, title = step.request, "Request"
        if request is not None and first is None:
            first = (number, {f for f in _fields(request) if f[0] in boilerplate})
        elif request is not None and first is not None:
            repeated = first[1] & set(_fields(request))
            if repeated:
                request = _omit(request, repeated)
                names = [n for n in BOILERPLATE if n.lower() in {f[0] for f in repeated}]
                title = f"Request ({' and '.join(names)} as in step {first[0]})"
        shown.append(ShownStep(step, request, title))
    return shown

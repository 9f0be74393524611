"""What the harness asks each client to do, per status code, and how what the server then
saw becomes the cells of the "How clients react" table (generator.clients.COLUMNS).

One scenario is one thing a client does: a request (or two, for the cache) that starts at
``/<client>/<scenario>/start``. The server's answer to it is the scenario's ``Reply``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from clientlab.server import FORM_BODY, OTHER_HOST, TOKEN, Recorder, Reply

REDIRECTS = (300, 301, 302, 303, 305, 306, 307, 308)
INTERIM = (100, 101, 102, 103, 104)
RETRY_AFTER = "1"
# How the runners (runners.py, clients.mjs) mark an error that was their own time limit.
TIMED_OUT = "timed out: "
# A retry at least this long after the first request waited for Retry-After (1 s).
WAITED = 0.9


@dataclass(frozen=True)
class Scenario:
    id: str
    code: int
    reply: Reply
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    repeat: int = 1

    def action(self, client: str, base: str) -> dict:
        """The request as the client runners take it (JSON for the Node runner)."""
        return {
            "id": self.id,
            "method": self.method,
            "url": f"{base}/{client}/{self.id}/start",
            "headers": self.headers,
            "body": self.body,
            "repeat": self.repeat,
        }


def _redirects() -> list[Scenario]:
    out = []
    for code in REDIRECTS:
        for where in ("same", "cross"):
            out.append(
                Scenario(
                    f"{code}-{where}",
                    code,
                    Reply("redirect", code),
                    method="POST",
                    headers={
                        "Authorization": TOKEN,
                        "Content-Type": "application/x-www-form-urlencoded",
                    },
                    body=FORM_BODY,
                )
            )
    return out


STATUS_HEADERS: dict[int, tuple[tuple[str, str], ...]] = {
    204: (),
    206: (("Content-Range", "bytes 0-9/100"),),
    401: (("WWW-Authenticate", 'Basic realm="clientlab"'),),
    407: (("Proxy-Authenticate", 'Basic realm="clientlab"'),),
    408: (("Connection", "close"),),
    413: (("Retry-After", RETRY_AFTER), ("Connection", "close")),
    429: (("Retry-After", RETRY_AFTER),),
    503: (("Retry-After", RETRY_AFTER),),
    504: (),
}
INTERIM_HEADERS: dict[int, tuple[tuple[str, str], ...]] = {
    101: (("Connection", "Upgrade"), ("Upgrade", "clientlab/1")),
    103: (("Link", "</style.css>; rel=preload; as=style"),),
}


def all_scenarios() -> list[Scenario]:
    out = _redirects()
    out.append(Scenario("304-cache", 304, Reply("cache", 304), repeat=2))
    out.append(
        Scenario(
            "304-conditional",
            304,
            Reply("conditional", 304),
            headers={"If-None-Match": '"v1"'},
        )
    )
    for code in INTERIM:
        out.append(
            Scenario(f"{code}-interim", code, Reply("interim", code, INTERIM_HEADERS.get(code, ())))
        )
    for code, headers in STATUS_HEADERS.items():
        out.append(Scenario(f"{code}-status", code, Reply("status", code, headers)))
    return out


SCENARIOS = {s.id: s for s in all_scenarios()}
REPLIES = {s.id: s.reply for s in SCENARIOS.values()}


@dataclass
class Outcome:
    """What the client itself reported: the statuses it handed back, or its error."""

    statuses: list[int | None]
    error: str | None = None


# Clients that cannot send a header of their choosing (a browser navigation).
NO_HEADERS = {"chromium-navigation"}
BROWSERS = {"chromium-navigation", "chromium-fetch"}
# What a headless browser under Playwright does here is not what a reader's browser does:
# an auth challenge goes to Playwright (a person would see a login dialog), and after an
# unrequested 101 it reports a status the server never sent. Those cells stay unmeasured.
NOT_MEASURABLE = {(b, s) for b in BROWSERS for s in ("401-status", "101-interim")}


def applies(client: str, scenario_id: str) -> bool:
    """Whether the client runs the scenario (a navigation cannot send Authorization)."""
    if (client, scenario_id) in NOT_MEASURABLE:
        return False
    if client in NO_HEADERS:
        return not (scenario_id.endswith("-cross") or scenario_id == "304-conditional")
    return True


def _outcome_result(outcome: Outcome) -> str:
    if outcome.error is not None and outcome.error.startswith(TIMED_OUT):
        # Nothing came back before the runner's own time limit: the client was still waiting.
        return "hangs"
    if outcome.error is not None:
        # A navigation to a response with no content is cancelled: the page stays.
        return "stays" if "ERR_ABORTED" in outcome.error else "raises"
    return "returns"


def cells(client: str, scenario_id: str, outcome: Outcome, recorder: Recorder) -> dict[str, str]:
    """The table cells one scenario measures for one client."""
    scenario = SCENARIOS[scenario_id]
    seen = recorder.of(client, scenario_id)
    code = scenario.code
    if scenario.reply.kind == "redirect":
        ends = [s for s in seen if s.step == "end"]
        if not ends:
            if scenario_id.endswith("-cross"):
                return {} if client in NO_HEADERS else {"auth_cross": "not-followed"}
            found = {"result": _outcome_result(outcome), "method": "not-followed"}
            found["body"] = "not-followed"
            if client not in NO_HEADERS:
                found["auth_same"] = "not-followed"
            return found
        end = ends[0]
        if scenario_id.endswith("-cross"):
            assert end.host == OTHER_HOST, end
            if client in NO_HEADERS:
                return {}
            return {"auth_cross": "kept" if end.authorization == TOKEN else "dropped"}
        found = {
            "result": "follows",
            "method": "GET" if end.method == "GET" else end.method,
            "body": "kept" if end.body == FORM_BODY else "dropped",
        }
        if client not in NO_HEADERS:
            found["auth_same"] = "kept" if end.authorization == TOKEN else "dropped"
        return found
    if scenario.reply.kind == "cache":
        second = seen[1] if len(seen) > 1 else None
        if second is None:
            return {"caches": "serves-stored"}
        return {"caches": "revalidates" if second.if_none_match == '"v1"' else "no"}
    if scenario.reply.kind == "conditional":
        if client in NO_HEADERS:
            return {}
        return {"result": _outcome_result(outcome)}
    if scenario.reply.kind == "interim":
        if outcome.error is None and outcome.statuses and outcome.statuses[-1] == 200:
            return {"result": "skips"}
        return {"result": _outcome_result(outcome)}
    if not seen:
        raise AssertionError(f"{client} sent nothing for {scenario_id}: {outcome}")
    found = {"result": _outcome_result(outcome)}
    if code in (204, 206):
        return found
    retries = len(seen) - 1
    # How many times varies with connection reuse (Chromium); that it retries does not.
    found["retries"] = "yes" if retries else "no"
    if dict(scenario.reply.headers).get("Retry-After"):
        if retries == 0:
            found["retry_after"] = "no-retry"
        else:
            gaps = [b.at - a.at for a, b in itertools.pairwise(seen)]
            found["retry_after"] = "yes" if min(gaps) >= WAITED else "no"
    return found

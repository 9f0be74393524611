"""Run each real client over a list of actions (scenarios.Scenario.action) and report what
it handed back to its caller: ``{scenario id: Outcome}``.

Each client keeps its defaults: whatever it does on its own is what the table says it does.
Python clients run in this process, in threads; Node's fetch and axios run in one ``node``
process (clients.mjs); curl runs once per action; Chromium through Playwright.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

from clientlab.scenarios import TIMED_OUT, Outcome

HERE = Path(__file__).parent
REPO = HERE.parent.parent
# Long enough that only a client that waits for ever reaches it, on a loaded machine too.
TIMEOUT = 15


def _threads(actions: list[dict], one: Callable[[dict], Outcome]) -> dict[str, Outcome]:
    with ThreadPoolExecutor(max_workers=16) as pool:
        return dict(zip([a["id"] for a in actions], pool.map(one, actions), strict=True))


def _error(exc: BaseException) -> str:
    """The error as the caller saw it; a timeout is marked: the client was still waiting."""
    name = type(exc).__name__
    timed_out = "timeout" in name.lower() or "timed out" in str(exc).lower()
    return f"{TIMED_OUT if timed_out else ''}{name}: {exc}"


def run_requests(actions: list[dict]) -> dict[str, Outcome]:
    import requests

    def one(a: dict) -> Outcome:
        with requests.Session() as session:
            statuses = []
            try:
                for _ in range(a["repeat"]):
                    r = session.request(
                        a["method"], a["url"], headers=a["headers"], data=a["body"], timeout=TIMEOUT
                    )
                    statuses.append(r.status_code)
            except Exception as exc:
                return Outcome(statuses, _error(exc))
            return Outcome(statuses)

    return _threads(actions, one)


def run_httpx(actions: list[dict]) -> dict[str, Outcome]:
    import httpx

    def one(a: dict) -> Outcome:
        with httpx.Client(timeout=TIMEOUT) as client:
            statuses = []
            try:
                for _ in range(a["repeat"]):
                    r = client.request(
                        a["method"], a["url"], headers=a["headers"], content=a["body"]
                    )
                    statuses.append(r.status_code)
            except Exception as exc:
                return Outcome(statuses, _error(exc))
            return Outcome(statuses)

    return _threads(actions, one)


def run_urllib3(actions: list[dict]) -> dict[str, Outcome]:
    import urllib3

    def one(a: dict) -> Outcome:
        pool = urllib3.PoolManager(timeout=TIMEOUT)
        statuses = []
        try:
            for _ in range(a["repeat"]):
                r = pool.request(a["method"], a["url"], headers=a["headers"], body=a["body"])
                statuses.append(r.status)
        except Exception as exc:
            return Outcome(statuses, _error(exc))
        finally:
            pool.clear()
        return Outcome(statuses)

    return _threads(actions, one)


def curl_path() -> str | None:
    return shutil.which("curl")


def _curl(follow: bool) -> Callable[[list[dict]], dict[str, Outcome]]:
    def run(actions: list[dict]) -> dict[str, Outcome]:
        def one(a: dict) -> Outcome:
            command = [curl_path() or "curl", "-s", "-w", "%{http_code}\\n"]
            command += ["--max-time", str(TIMEOUT)]
            if follow:
                command.append("-L")
            for name, value in a["headers"].items():
                command += ["-H", f"{name}: {value}"]
            if a["body"] is not None:
                # --data makes the request a POST, as people write it (no -X).
                command += ["--data", a["body"]]
            command += ["-o", "/dev/null", a["url"]] * a["repeat"]
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT + 5)
            statuses = [int(s) for s in done.stdout.split()]
            if done.returncode == 28:  # CURLE_OPERATION_TIMEDOUT
                return Outcome(statuses, f"{TIMED_OUT}curl exit 28")
            if done.returncode != 0:
                return Outcome(statuses, f"curl exit {done.returncode}")
            return Outcome(statuses)

        return _threads(actions, one)

    return run


run_curl = _curl(follow=False)
run_curl_follow = _curl(follow=True)


def node_path() -> str | None:
    return shutil.which("node")


def run_node(actions: list[dict]) -> dict[str, dict[str, Outcome]]:
    """Node's fetch and axios in one process: ``{"node-fetch": ..., "axios": ...}``."""
    done = subprocess.run(
        [node_path() or "node", str(HERE / "clients.mjs")],
        input=json.dumps(actions),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=True,
    )
    report = json.loads(done.stdout)
    return {
        client: {sid: Outcome(o["statuses"], o.get("error")) for sid, o in outcomes.items()}
        for client, outcomes in report["outcomes"].items()
    }


def node_versions() -> dict[str, str]:
    done = subprocess.run(
        [node_path() or "node", str(HERE / "clients.mjs"), "--versions"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=30,
        check=True,
    )
    return json.loads(done.stdout)


_FETCH_ALL = """
async (actions) => {
  const one = async (a) => {
    const statuses = [];
    try {
      for (let i = 0; i < a.repeat; i++) {
        const init = {method: a.method, headers: a.headers, signal: AbortSignal.timeout(15000)};
        if (a.body !== null) init.body = a.body;
        const r = await fetch(a.url, init);
        await r.arrayBuffer();
        statuses.push(r.status);
      }
      return {statuses};
    } catch (e) {
      const late = e.name === "TimeoutError" ? "timed out: " : "";
      return {statuses, error: late + String(e)};
    }
  };
  const out = {};
  for (const [a, o] of actions.map((a) => [a, one(a)])) out[a.id] = await o;
  return out;
}
"""


def run_chromium_fetch(browser, base: str, actions: list[dict]) -> dict[str, Outcome]:
    """``fetch()`` from a page of the origin, all at once."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/page")
        fetched = page.evaluate(_FETCH_ALL, actions)
    finally:
        context.close()
    return {k: Outcome(v["statuses"], v.get("error")) for k, v in fetched.items()}


def run_chromium_navigation(browser, base: str, actions: list[dict]) -> dict[str, Outcome]:
    """Top-level navigations, one tab each: a link followed, or a form posted."""
    context = browser.new_context()
    try:
        return {a["id"]: _navigate(context, base, a) for a in actions}
    finally:
        context.close()


def _navigate(context, base: str, a: dict) -> Outcome:
    """One scenario in a tab of its own: a navigation still settling in a shared tab
    would interrupt the next one."""
    import urllib.parse

    page = context.new_page()
    statuses: list[int | None] = []
    try:
        for _ in range(a["repeat"]):
            if a["method"] == "POST":
                page.goto(f"{base}/page?" + urllib.parse.urlencode({"target": a["url"]}))
                with page.expect_navigation(timeout=TIMEOUT * 1000) as nav:
                    page.evaluate("document.forms[0].submit()")
                response = nav.value
            else:
                response = page.goto(a["url"], timeout=TIMEOUT * 1000)
            statuses.append(response.status if response else None)
    except Exception as exc:
        return Outcome(statuses, _error(exc).splitlines()[0])
    finally:
        page.close()
    return Outcome(statuses)


def python_versions() -> dict[str, str]:
    return {name: version(name) for name in ("requests", "httpx", "urllib3")}


def curl_version() -> str:
    done = subprocess.run([curl_path() or "curl", "--version"], capture_output=True, text=True)
    return done.stdout.split()[1]

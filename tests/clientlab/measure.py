"""Run every client over every scenario against one test server; return the cells.

``measure(browser)`` -> ``{client id: {code: {column: value}}}`` for the clients that can
run here. ``python tests/clientlab/measure.py`` prints the same as YAML-ish lines, for
someone updating data/clients.yaml after a client upgrade.
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).parent.parent))

from clientlab import runners
from clientlab.scenarios import REPLIES, SCENARIOS, applies, cells
from clientlab.server import serve

PYTHON_CLIENTS = {
    "requests": runners.run_requests,
    "httpx": runners.run_httpx,
    "urllib3": runners.run_urllib3,
}
CURL_CLIENTS = {"curl": runners.run_curl, "curl-follow": runners.run_curl_follow}
NODE_CLIENTS = ("node-fetch", "axios")
BROWSER_CLIENTS = ("chromium-navigation", "chromium-fetch")
MEASURED_CLIENTS = (*BROWSER_CLIENTS, *CURL_CLIENTS, *PYTHON_CLIENTS, *NODE_CLIENTS)


def _actions(client: str, base: str) -> list[dict]:
    return [s.action(client, base) for s in SCENARIOS.values() if applies(client, s.id)]


def measure(browser) -> tuple[dict[str, dict[int, dict[str, str]]], float]:
    """The cells every client produced, and the seconds the whole run took."""
    started = time.monotonic()
    outcomes = {}
    with serve(REPLIES) as (base, recorder):
        with ThreadPoolExecutor(max_workers=8) as pool:
            jobs = {c: pool.submit(run, _actions(c, base)) for c, run in PYTHON_CLIENTS.items()}
            jobs |= {c: pool.submit(run, _actions(c, base)) for c, run in CURL_CLIENTS.items()}
            node = pool.submit(runners.run_node, _actions("CLIENT", base))
            # Playwright's sync API stays on this thread.
            outcomes["chromium-fetch"] = runners.run_chromium_fetch(
                browser, base, _actions("chromium-fetch", base)
            )
            outcomes["chromium-navigation"] = runners.run_chromium_navigation(
                browser, base, _actions("chromium-navigation", base)
            )
            outcomes |= {c: job.result() for c, job in jobs.items()}
            outcomes |= node.result()
        table: dict[str, dict[int, dict[str, str]]] = {}
        for client, by_scenario in outcomes.items():
            for sid, outcome in by_scenario.items():
                found = cells(client, sid, outcome, recorder)
                table.setdefault(client, {}).setdefault(SCENARIOS[sid].code, {}).update(found)
    return table, time.monotonic() - started


def versions(browser) -> dict[str, str]:
    """The version of each measured client, as the data records it."""
    node = runners.node_versions()
    python = runners.python_versions()
    chromium = browser.version
    curl = runners.curl_version()
    return {
        "chromium-navigation": chromium,
        "chromium-fetch": chromium,
        "curl": curl,
        "curl-follow": curl,
        **python,
        "node-fetch": f"Node {node['node']} (undici {node['undici']})",
        "axios": node["axios"],
    }


if __name__ == "__main__":
    from browser import launch

    with launch() as browser:
        table, seconds = measure(browser)
        found = versions(browser)
    for client in MEASURED_CLIENTS:
        print(f"{client}:")
        for code in sorted(table.get(client, {})):
            print(f"  {code}: {table[client][code]}")
    print(found)
    print(f"{seconds:.1f} s")

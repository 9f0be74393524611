"""What blocks the main thread on a phone: long tasks of a page under CPU throttling, and
which scripts spend the time.

Usage: python scripts/bench_longtasks.py SITE_DIR [PATH ...] [--runs 5] [--rate 4]
                                         [--without SCRIPT ...]

Each PATH (default 202/) of the built site is loaded RUNS times in headless Chromium at a
phone's viewport, its CPU slowed RATE times (Chrome DevTools' CPU throttling, as
Lighthouse's devtools method applies it), served with gzip and cache headers
(tests/browser.py). For each load the long tasks (PerformanceObserver "longtask") give a
blocking time: the part of each task over 50 ms, summed, from navigation to 1.5 s after
the load event (Lighthouse counts from first paint, so its TBT is a little lower). Printed:
each load's figure, the median, the page's element count, and the JavaScript time by
script (Chrome's sampling profiler over the same loads; "(program)" is the browser's own
work: parsing, style, layout).

--without SCRIPT loads the pages with the script whose URL ends so (for example
bundle.a5f9d56c.min.js) refused, to see what the page costs without it.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import launch, serve

PHONE = {"width": 412, "height": 823}
OBSERVE = """window.__longtasks = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__longtasks.push(entry.duration);
}).observe({type: "longtask", buffered: true});"""


def one_load(browser, url: str, rate: float, without: list[str]):
    context = browser.new_context(viewport=PHONE)
    for ending in without:
        context.route(f"**/*{ending}", lambda route: route.abort())
    page = context.new_page()
    page.add_init_script(OBSERVE)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    cdp.send("Profiler.enable")
    cdp.send("Profiler.start")
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1500)
    profile = cdp.send("Profiler.stop")["profile"]
    tasks = page.evaluate("window.__longtasks")
    elements = page.evaluate("document.getElementsByTagName('*').length")
    context.close()
    blocking = sum(max(0.0, duration - 50) for duration in tasks)
    by_script: collections.Counter = collections.Counter()
    nodes = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    for node_id, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = nodes[node_id]
        by_script[frame["url"].rsplit("/", 1)[-1] or frame["functionName"]] += delta / 1000
    return blocking, elements, by_script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("paths", nargs="*", default=["202/"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rate", type=float, default=4)
    parser.add_argument("--without", action="append", default=[])
    args = parser.parse_args()
    with serve(args.site) as base, launch() as browser:
        for path in args.paths:
            blocking, scripts, elements = [], collections.Counter(), 0
            for _ in range(args.runs):
                ms, elements, by_script = one_load(browser, base + path, args.rate, args.without)
                blocking.append(ms)
                scripts.update(by_script)
            loads = ", ".join(f"{ms:.0f}" for ms in blocking)
            print(
                f"/{path}: {elements} elements; blocking time {loads} ms; "
                f"median {statistics.median(blocking):.0f} ms (CPU {args.rate:g}x slower)"
            )
            for name, ms in scripts.most_common(8):
                if name != "(idle)":
                    print(f"  {ms / args.runs:8.1f} ms a load  {name}")


if __name__ == "__main__":
    main()

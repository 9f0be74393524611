"""Search relevance and speed in headless Chromium, through Material's real search box.

Usage: python scripts/bench_search.py SITE_DIR [--verbose] [--heldout-misses]

Prints top-1 / top-3 for each part of the relevance suite (tests/search_cases.py: numbers,
phrases and names; tests/search_suite.py: the tuning part; tests/search_heldout.py: the
held-out part), the median time from the last keystroke to results over the first 40
tuning queries typed one key at a time, and the bytes the search downloads (index and
worker, raw and gzip). --verbose lists the tuning misses; the held-out misses are listed
only with --heldout-misses, so that tuning does not look at them by accident.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import search_cases
import search_heldout
import search_suite
from browser import launch, serve
from searching import open_search, score, search

PARTS = {
    "names": search_cases.CASES,
    "tuning": search_suite.CASES,
    "held-out": search_heldout.CASES,
}


def run(site: Path) -> dict:
    figures: dict = {}
    with serve(site) as base, launch() as browser:
        page = browser.new_page()
        fetched: dict[str, int] = {}
        page.on(
            "response",
            lambda r: (
                fetched.__setitem__(r.url, len(r.body())) if "search" in r.url and r.ok else None
            ),
        )
        open_search(page, base)
        for name, cases in PARTS.items():
            started = time.monotonic()
            figures[name] = score(page, base, cases)
            figures[name]["seconds"] = time.monotonic() - started
        latencies = [
            search(page, query, measure=True, settle_ms=400)[1]
            for _, query, _ in search_suite.CASES[:40]
        ]
    raw = (site / "search" / "search_index.json").read_bytes()
    figures.update(
        median_ms=statistics.median(latencies),
        index_bytes=len(raw),
        index_gzip=len(gzip.compress(raw, 9)),
        downloaded=sum(fetched.values()),
    )
    return figures


if __name__ == "__main__":
    figures = run(Path(sys.argv[1]))
    for name in PARTS:
        part = figures[name]
        print(
            f"{name}: {part['cases']} cases, top-1 {part['top1']:.1%}, top-3 {part['top3']:.1%} "
            f"({part['seconds']:.0f} s)"
        )
        if name == "held-out" and "--heldout-misses" not in sys.argv:
            continue
        if "--verbose" in sys.argv or "--heldout-misses" in sys.argv:
            for kind, query, acceptable, got in part["misses"]:
                print(f"  {kind:10} {query!r:45} want {'|'.join(acceptable)} got {got}")
    print(
        f"median {figures['median_ms']:.0f} ms from last keystroke to results; "
        f"index {figures['index_bytes']:,} B raw, {figures['index_gzip']:,} B gzip; "
        f"search downloads {figures['downloaded']:,} B"
    )

"""Search relevance and speed in headless Chromium, over the suite in tests/search_cases.py.

Usage: python scripts/bench_search.py SITE_DIR [--verbose]
Prints top-1 / top-3 accuracy, the median time from last keystroke to results, and the
bytes the search downloads (index and worker, raw and gzip).
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import launch, serve
from search_cases import CASES
from searching import open_search, relative, search


def run(site: Path, verbose: bool = False) -> dict:
    results = []
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
        for kind, query, expected in CASES:
            paths, ms = search(page, query, measure=True, settle_ms=400)
            ranked = relative(paths, base)
            results.append((kind, query, expected, ranked[:3], ms))
            if verbose:
                mark = (
                    "ok "
                    if ranked[:1] == [expected]
                    else ("top3" if expected in ranked[:3] else "MISS")
                )
                print(f"{mark:4} {query!r:40} -> {ranked[:3]} ({ms:.0f} ms)")
    top1 = sum(r[3][:1] == [r[2]] for r in results) / len(results)
    top3 = sum(r[2] in r[3] for r in results) / len(results)
    index = site / "search" / "search_index.json"
    raw = index.read_bytes()
    return {
        "cases": len(results),
        "top1": top1,
        "top3": top3,
        "median_ms": statistics.median(r[4] for r in results),
        "index_bytes": len(raw),
        "index_gzip": len(gzip.compress(raw, 9)),
        "downloaded": sum(fetched.values()),
        "misses": [(r[1], r[2], r[3]) for r in results if r[3][:1] != [r[2]]],
    }


if __name__ == "__main__":
    figures = run(Path(sys.argv[1]), "--verbose" in sys.argv)
    print(
        f"{figures['cases']} cases: top-1 {figures['top1']:.1%}, top-3 {figures['top3']:.1%}; "
        f"median {figures['median_ms']:.0f} ms from last keystroke to results; "
        f"index {figures['index_bytes']:,} B raw, {figures['index_gzip']:,} B gzip; "
        f"search downloads {figures['downloaded']:,} B"
    )

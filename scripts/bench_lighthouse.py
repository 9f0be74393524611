"""First paint on a phone: Lighthouse on our code page and the peer's, side by side.

Usage: python scripts/bench_lighthouse.py SITE_DIR PEER_BUILD_DIR [--runs 3]
           [--path 202/] [--peer-path 202.html] [--lighthouse node_modules/.bin/lighthouse]

The peer is httpstatuses.io (github.com/httpstatuses/httpstatuses): in a checkout of it,
`npm ci && npm run build` writes its build/ folder; it is not a dependency of this project.
Both sites are served on loopback with gzip and cache headers, as a production static host
does (tests/browser.py). Lighthouse's mobile preset (its default: a mid-range phone on a
slow 4G link) runs with each throttling method, simulated (Lighthouse's default) and
devtools (the page really loads under throttling); the other categories' scores
(accessibility, best practices, SEO) are printed too. For each method, ours and the peer's
alternate (A B A B) so that the machine's load falls on both, and the medians of the runs
are printed with the ratio of first contentful paints.

Needs the npm `lighthouse` package (large, so not a project dependency):
`npm install --no-save lighthouse@13`. It drives the system Chromium (CHROME_PATH).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import CHROMIUM_ARGS, chromium_path, serve

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
AUDITS = {
    "FCP ms": "first-contentful-paint",
    "LCP ms": "largest-contentful-paint",
    "TBT ms": "total-blocking-time",
    "SI ms": "speed-index",
}


def run(lighthouse: str, url: str, throttling: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        command = [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--throttling-method={throttling}",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
        ]
        env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
        data = json.loads(report.read_text())
    figures = {
        name: round(data["categories"][category]["score"] * 100)
        for name, category in zip(("perf", "a11y", "bp", "seo"), CATEGORIES, strict=True)
    }
    for label, audit in AUDITS.items():
        figures[label] = data["audits"][audit]["numericValue"]
    figures["CLS"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    figures["KB"] = data["audits"]["total-byte-weight"]["numericValue"] / 1000
    return figures


def show(name: str, runs: list[dict[str, float]]) -> str:
    cells = []
    for key in runs[0]:
        values = [r[key] for r in runs]
        median = statistics.median(values)
        low, high = min(values), max(values)
        if key == "CLS":
            cells.append(f"{key} {median:.3f}")
        elif key in ("perf", "a11y", "bp", "seo", "KB"):
            cells.append(f"{key} {median:.0f} ({low:.0f}-{high:.0f})")
        else:
            cells.append(f"{key} {median:.0f} ({low:.0f}-{high:.0f})")
    return f"  {name:6} " + "  ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("peer", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--path", default="202/")
    parser.add_argument("--peer-path", default="202.html")
    parser.add_argument("--lighthouse", default="node_modules/.bin/lighthouse")
    args = parser.parse_args()
    with serve(args.site, compress=True) as ours, serve(args.peer, compress=True) as peer:
        targets = {"ours": ours + args.path, "peer": peer + args.peer_path}
        for throttling in ("simulate", "devtools"):
            results: dict[str, list[dict[str, float]]] = {"ours": [], "peer": []}
            for _ in range(args.runs):
                for name, url in targets.items():
                    results[name].append(run(args.lighthouse, url, throttling))
            print(f"mobile, {throttling} throttling, medians of {args.runs} (min-max):")
            for name, runs in results.items():
                print(show(name, runs))
            ratio = statistics.median(r["FCP ms"] for r in results["ours"]) / statistics.median(
                r["FCP ms"] for r in results["peer"]
            )
            print(f"  FCP ratio ours/peer: {ratio:.2f}")


if __name__ == "__main__":
    main()

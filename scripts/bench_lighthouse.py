"""Lighthouse scores for the home page and a code page, mobile and desktop.

Usage: python scripts/bench_lighthouse.py SITE_DIR [LIGHTHOUSE_BIN]

Needs the npm `lighthouse` package (not part of the test tools, it is large):
`npm install --no-save lighthouse@13` puts it in node_modules/.bin/lighthouse. It runs
the system Chromium (CHROME_PATH) headless against the built site served on loopback.
The local server compresses text with gzip and sends cache headers, as a production
static host does (see README, Hosting).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import CHROMIUM_ARGS, chromium_path, serve

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def run(lighthouse: str, url: str, preset: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        command = [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
        data = json.loads(report.read_text())
    return {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> None:
    site = Path(sys.argv[1])
    lighthouse = sys.argv[2] if len(sys.argv) > 2 else "node_modules/.bin/lighthouse"
    with serve(site, compress=True) as base:
        for path in ("", "429/"):
            for preset in ("mobile", "desktop"):
                scores = run(lighthouse, base + path, preset)
                shown = "  ".join(f"{k} {v}" for k, v in scores.items())
                print(f"/{path:6} {preset:8} {shown}")


if __name__ == "__main__":
    main()

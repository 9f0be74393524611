"""Page weight of a code page in headless Chromium: first load and repeat view.

Usage: python scripts/bench_weight.py SITE_DIR [PATH]   (default PATH: 429/)

First load: a cold cache opens PATH. Repeat view: the same browser then opens another
code page, so only what it does not have cached is fetched. Bytes are by type, raw and
gzip (-9, as a server would compress text); the search index is listed apart, since the
search worker fetches it after the page has loaded.
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import launch, serve


def kind(url: str, content_type: str) -> str:
    if "search_index.json" in url:
        return "search index"
    if "html" in content_type:
        return "html"
    if "css" in content_type:
        return "css"
    if "javascript" in content_type:
        return "js"
    if "json" in content_type:
        return "json"
    return "other"


def measure(site: Path, path: str, other: str = "404/") -> dict[str, dict[str, tuple[int, int]]]:
    results: dict[str, dict[str, tuple[int, int]]] = {}
    with serve(site) as base, launch() as browser:
        context = browser.new_context()
        page = context.new_page()
        for label, target in (("first load", path), ("repeat view", other)):
            totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])

            def record(response, totals=totals):
                if response.request.resource_type == "document" or response.status == 200:
                    try:
                        body = response.body()
                    except Exception:
                        return
                    entry = totals[kind(response.url, response.headers.get("content-type", ""))]
                    entry[0] += len(body)
                    entry[1] += len(gzip.compress(body, 9))

            page.on("response", record)
            page.goto(base + target)
            page.wait_for_load_state("networkidle")
            page.remove_listener("response", record)
            results[label] = {k: (v[0], v[1]) for k, v in totals.items()}
        context.close()
    return results


def main() -> None:
    site = Path(sys.argv[1])
    path = sys.argv[2] if len(sys.argv) > 2 else "429/"
    for label, totals in measure(site, path).items():
        print(f"{label} ({path if label == 'first load' else '404/'}):")
        page_raw = page_gz = 0
        for name in ("html", "css", "js", "json", "other", "search index"):
            if name in totals:
                raw, gz = totals[name]
                print(f"  {name:13} {raw:>9,} B raw  {gz:>8,} B gzip")
                if name != "search index":
                    page_raw, page_gz = page_raw + raw, page_gz + gz
        print(f"  {'page total':13} {page_raw:>9,} B raw  {page_gz:>8,} B gzip (without the index)")


if __name__ == "__main__":
    main()

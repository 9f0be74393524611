"""Page weight of a code page in headless Chromium: its first load, then a first search.

Usage: python scripts/bench_weight.py SITE_DIR [PATH]   (default PATH: 202/)

Prints the HTML of PATH raw and gzip, then what the browser fetches, by type, raw and
gzip (-9, as a server would compress text):

- first load: a cold cache opens PATH and waits for the network to be idle;
- first search: the reader then types a query; what that fetches (the search index,
  the search worker and the code list) is counted apart.

Served with gzip and cache headers (tests/browser.py), as a production host would.
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import launch, serve

KINDS = ("html", "css", "js", "search index", "json", "other")


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


def measure(site: Path, path: str) -> dict[str, dict[str, tuple[int, int]]]:
    results: dict[str, dict[str, tuple[int, int]]] = {}
    with serve(site, compress=True) as base, launch() as browser:
        context = browser.new_context()
        page = context.new_page()

        def step(label: str, action) -> None:
            totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])

            def record(response):
                if response.request.resource_type == "document" or response.status == 200:
                    try:
                        body = response.body()
                    except Exception:
                        return
                    entry = totals[kind(response.url, response.headers.get("content-type", ""))]
                    entry[0] += len(body)
                    entry[1] += len(gzip.compress(body, 9))

            page.on("response", record)
            action()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            page.remove_listener("response", record)
            results[label] = {k: (v[0], v[1]) for k, v in totals.items()}

        def first_search() -> None:
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially("429", delay=20)
            page.locator(".md-search-result__item").first.wait_for(timeout=30_000)

        step(f"first load ({path})", lambda: page.goto(base + path))
        step("first search (then)", first_search)
        context.close()
    return results


def main() -> None:
    site = Path(sys.argv[1])
    path = sys.argv[2] if len(sys.argv) > 2 else "202/"
    html = (site / path / "index.html").read_bytes()
    print(f"HTML of /{path}: {len(html):,} B raw, {len(gzip.compress(html, 9)):,} B gzip")
    for label, totals in measure(site, path).items():
        print(f"{label}:")
        all_raw = all_gz = 0
        for name in KINDS:
            if name in totals:
                raw, gz = totals[name]
                print(f"  {name:13} {raw:>9,} B raw  {gz:>8,} B gzip")
                all_raw, all_gz = all_raw + raw, all_gz + gz
        print(f"  {'total':13} {all_raw:>9,} B raw  {all_gz:>8,} B gzip")


if __name__ == "__main__":
    main()

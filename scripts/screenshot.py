"""Screenshot built pages in headless Chromium: python scripts/screenshot.py SITE_DIR PATH..."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import launch, serve


def main() -> None:
    site, *paths = sys.argv[1:]
    out = Path("/tmp/shots")
    out.mkdir(exist_ok=True)
    with serve(Path(site)) as base, launch() as browser:
        for path in paths:
            for width, tag in ((1280, "desktop"), (390, "phone")):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(base + path)
                name = out / f"{path.strip('/').replace('/', '_') or 'home'}-{tag}.png"
                page.screenshot(path=str(name), full_page=True)
                print(name)
                page.close()


if __name__ == "__main__":
    main()

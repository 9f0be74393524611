"""Run real MkDocs builds for tests: strict, with warnings counted, into a temp folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Build:
    site: Path
    returncode: int
    output: str

    def html(self, url_path: str) -> BeautifulSoup:
        path = self.site / url_path.strip("/") / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[Path]:
        """The built pages; not the redirects left at former URLs (generator.statics)."""
        return sorted(p for p in self.site.rglob("*.html") if not is_redirect(p))


def is_redirect(path: Path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:600]


def build(site_dir: Path, *, data: Path | None = None, site_url: str | None = None) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("STATUS_DATA_DIR", None)
    if data is not None:
        env["STATUS_DATA_DIR"] = str(data)
    if site_url is not None:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(site_dir, result.returncode, result.stdout + result.stderr)


def jsonld_blocks(soup: BeautifulSoup) -> list[dict]:
    return [
        json.loads(tag.string)
        for tag in soup.find_all("script", attrs={"type": "application/ld+json"})
    ]


def heading_text(tag) -> str:
    """A heading's text without the permalink anchor the toc extension adds."""
    return "".join(
        part.get_text() if hasattr(part, "get_text") else str(part)
        for part in tag.children
        if not (getattr(part, "name", None) == "a" and "headerlink" in part.get("class", []))
    ).strip()

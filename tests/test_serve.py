"""`mkdocs serve --dirty`, the README's command: an edit to a record shows on every page
that shows the record while only those pages are built again; a title edit reaches the
navigation of every page; a broken record is reported as `mkdocs build` reports it and the
previous site stays served; fixing it recovers; and the served folder is then byte for byte
what a fresh `mkdocs build` of the same data gives.

The builds run as serve runs them (tests/serving.py); one test starts the real server.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from serving import SERVE_URL

pytestmark = pytest.mark.build

REPO = Path(__file__).resolve().parent.parent
OLD_PHRASE = "Network Connect Timeout Error"
NEW_PHRASE = "Network Timeout Renamed"
FIRST = "Rate limited in this test, first edit; wait as Retry-After says, then try again."
FIXED = "Rate limited in this test, fixed edit; wait as Retry-After says, then try again."
TOO_LONG = "Far too long a summary. " * 8


def _with(text: str, pattern: str, line: str) -> str:
    new, count = re.subn(pattern, line, text, count=1, flags=re.MULTILINE)
    assert count == 1, pattern
    return new


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STATUS_DATA_DIR": str(data)}
    env.pop("SITE_URL", None)
    return env


def _build(data: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
        cwd=REPO,
        env={**_env(data), "SITE_URL": SERVE_URL},
        capture_output=True,
        text=True,
        check=False,
    )


def _problem_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.startswith("  data/")]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Serve builds over four edits: 599's phrase (its title), 429's summary, 429 broken,
    429 fixed; then a fresh build of the final data."""
    root = tmp_path_factory.mktemp("serve")
    data = root / "data"
    shutil.copytree(REPO / "data", data)
    code_599 = (data / "codes" / "599.yaml").read_text(encoding="utf-8")
    code_429 = (data / "codes" / "429.yaml").read_text(encoding="utf-8")
    steps = [
        {"files": {"codes/599.yaml": _with(code_599, r"^phrase: .*$", f"phrase: {NEW_PHRASE}")}},
        {"files": {"codes/429.yaml": _with(code_429, r"^summary: .*$", f"summary: {FIRST}")}},
        {"files": {"codes/429.yaml": _with(code_429, r"^summary: .*$", f"summary: {TOO_LONG}")}},
        {"files": {"codes/429.yaml": _with(code_429, r"^summary: .*$", f"summary: {FIXED}")}},
    ]
    (root / "steps.json").write_text(json.dumps(steps), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(REPO / "tests" / "serving.py"), str(root / "steps.json"), str(root)],
        cwd=REPO,
        env=_env(data),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    results = json.loads((root / "results.json").read_text(encoding="utf-8"))
    fresh = _build(data, root / "fresh")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    # The data as it was broken, built by `mkdocs build`, for its problem list.
    (data / "codes" / "429.yaml").write_text(steps[2]["files"]["codes/429.yaml"], "utf-8")
    broken = _build(data, root / "broken")
    return root, results, broken


def _page(root: Path, build: int, url: str) -> BeautifulSoup:
    path = root / str(build) / url.strip("/") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_build_succeeds_but_the_broken_one(served):
    _, results, _ = served
    assert [r["ok"] for r in results] == [True, True, True, False, True], results


def test_a_title_edit_reaches_the_navigation_of_other_pages(served):
    root, _, _ = served
    assert NEW_PHRASE in _page(root, 1, "599/").h1.get_text()
    for url in ("520/", "530/", "598/"):  # unofficial 5xx codes: 599's navigation section
        nav = _page(root, 1, url).find("nav", class_="md-nav--primary")
        labels = [a.get_text(" ", strip=True) for a in nav.find_all("a")]
        assert f"599 {NEW_PHRASE}" in labels, url
        assert f"599 {OLD_PHRASE}" not in labels, url
    footer = [a.get_text(" ", strip=True) for a in _page(root, 1, "598/").select(".md-footer a")]
    assert f"Next 599 {NEW_PHRASE}" in footer


def test_a_summary_edit_shows_wherever_the_summary_is_shown(served):
    root, _, _ = served
    for url in ("429/", "", "4xx/", "codes/", "compare/429-vs-503/"):
        assert FIRST in _page(root, 2, url).get_text(" "), url
    api = json.loads((root / "2" / "api" / "v1" / "codes" / "429.json").read_text("utf-8"))
    assert FIRST in json.dumps(api, ensure_ascii=False)
    index = json.loads((root / "2" / "search" / "search_index.json").read_text("utf-8"))
    entry = next(doc for doc in index["docs"] if doc["location"] == "429/")
    assert FIRST in entry["text"]
    # The search index still holds every other page.
    first = json.loads((root / "0" / "search" / "search_index.json").read_text("utf-8"))
    assert [d["location"] for d in index["docs"]] == [d["location"] for d in first["docs"]]


def test_a_summary_edit_builds_only_the_pages_that_show_it(served):
    root, results, _ = served
    pages = sum(1 for _ in (root / "0").rglob("*.html"))
    written = results[2]["written"]
    assert "429/index.html" in written and "index.html" in written
    assert "200/index.html" not in written
    assert len(written) < pages / 4, written


def test_a_broken_record_is_reported_as_the_build_reports_it_and_the_site_stays(served):
    root, results, broken = served
    assert broken.returncode != 0
    expected = _problem_lines(broken.stdout + broken.stderr)
    assert any(line.startswith("data/codes/429.yaml:") and "summary" in line for line in expected)
    logged = "\n".join(results[3]["log"])
    assert _problem_lines(logged) == expected
    assert "Traceback" not in logged
    # Still served: the pages of the last good build.
    assert FIRST in _page(root, 3, "429/").get_text(" ")
    assert subprocess.run(["diff", "-rq", str(root / "2"), str(root / "3")]).returncode == 0


def test_fixing_the_record_recovers_and_the_site_is_what_a_fresh_build_gives(served):
    root, results, _ = served
    assert FIXED in _page(root, 4, "429/").get_text(" ")
    assert len(results[4]["written"]) < sum(1 for _ in (root / "0").rglob("*.html")) / 4
    served, fresh = _files(root / "4"), _files(root / "fresh")
    assert served.keys() == fresh.keys()
    different = [name for name in served if served[name] != fresh[name]]
    assert not different, different


# A preview keeps Material's stylesheets whole (trimming them reads every page again after
# each rebuild); `mkdocs build` publishes them trimmed (generator/csstrim.py), under names
# of their own. Everything else must be the same bytes.
_SHEET = re.compile(rb"assets/stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css")


def _files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        if _SHEET.match(name.encode()):
            continue  # the sheets themselves (and their source maps) differ by design
        content = path.read_bytes()
        if name.endswith(".html"):
            content = _SHEET.sub(b"assets/stylesheets/SHEET", content)
        found[name] = content
    return found


# --------------------------------------------------------------------------- the real server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, text: str, seconds: float = 300) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.2)
    return False


def test_the_readme_serve_command_shows_an_edit(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = re.search(r"python3 -m mkdocs serve[^\n`]*", readme).group(0).split()
    assert "--dirty" in command
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    port = _free_port()
    args = [sys.executable, "-m", *command[2:], "-a", f"127.0.0.1:{port}"]
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [*args, "-w", str(data)], cwd=REPO, env=_env(data), stdout=out, stderr=out
        )
        try:
            page = f"http://127.0.0.1:{port}/429/"
            assert _wait_for(page, "Too Many Requests"), log.read_text("utf-8")
            record = data / "codes" / "429.yaml"
            record.write_text(
                _with(record.read_text("utf-8"), r"^summary: .*$", f"summary: {FIRST}"), "utf-8"
            )
            assert _wait_for(page, FIRST), log.read_text("utf-8")
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert "Aborted" not in log.read_text("utf-8")

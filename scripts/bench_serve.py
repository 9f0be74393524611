"""Save-to-visible benchmark for `mkdocs serve`: how long after a record is saved the served
page shows the edit.

Usage: python scripts/bench_serve.py [--runs 5] [--base DIR] [--project DIR]

Copies each project's tracked files (git ls-files; --project defaults to this checkout,
--base is another checkout to pair it with, such as the commit before a change) to a
temporary folder and starts there the serve command its README gives (`python3 -m mkdocs
serve ...`) on a free port, and waits for the first build. Then, N times and alternating
between the projects (A B A B), replaces the summary of data/codes/429.yaml and polls the
served /429/ every 20 ms until the new summary is in the page; once more, it changes the
phrase (and so the title and the navigation of every page) of data/codes/599.yaml and
waits for /599/ to show it. Prints each run in seconds from the file write to the page
showing the change, the medians, and the ratio of the medians.

The figure includes MkDocs' own watcher (it polls the watched folders every 0.5 s, then
waits 0.1 s for more changes) and the HTTP round trip, as a user sees it; not a browser's
reload. On this shared machine only the ratio of runs made together means anything.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLL = 0.02


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_project(project: Path, into: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=project, capture_output=True, check=True
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = project / name
        if source.is_file():
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float) -> float:
    """The time (perf_counter) at which the page at ``url`` first contains ``text``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = get(url)
        if page is not None and text in page:
            return time.perf_counter()
        time.sleep(POLL)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


def edit(path: Path, pattern: str, replacement: str) -> float:
    """Rewrite the first line matching ``pattern``; return the time of the write."""
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    if count != 1:
        raise SystemExit(f"{path}: no line matches {pattern!r}")
    path.write_text(new, encoding="utf-8")
    return time.perf_counter()


def readme_serve_args(project: Path) -> list[str]:
    readme = (project / "README.md").read_text(encoding="utf-8")
    found = re.search(r"python3 -m mkdocs serve([^\n`&]*)", readme)
    if found is None:
        raise SystemExit(f"{project}/README.md gives no `python3 -m mkdocs serve` command")
    return found.group(1).split()


class Served:
    """One project served from a temporary copy."""

    def __init__(self, name: str, project: Path, timeout: float) -> None:
        self.name = name
        self.work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
        copy_project(project, self.work)
        self.args = readme_serve_args(project)
        self.base = f"http://127.0.0.1:{free_port()}/"
        self.timeout = timeout
        self.times: list[float] = []
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("STATUS_DATA_DIR", None)
        self.log = open(self.work / "serve.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", self.base[7:-1], *self.args],
            cwd=self.work,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.started = time.perf_counter()

    def wait_started(self) -> None:
        first = self.wait(self.base + "429/", "Too Many Requests") - self.started
        print(f"{self.name}: mkdocs serve {' '.join(self.args)}, first build {first:.1f} s")

    def wait(self, url: str, text: str) -> float:
        try:
            return wait_for(url, text, self.timeout)
        except SystemExit:
            self.log.flush()
            print((self.work / "serve.log").read_text(encoding="utf-8")[-3000:], file=sys.stderr)
            raise

    def edit_summary(self, run: int) -> float:
        marker = f"Benchmark edit {run}, too many requests in a given time."
        written = edit(self.work / "data/codes/429.yaml", r"^summary: .*$", f"summary: {marker}")
        elapsed = self.wait(self.base + "429/", marker) - written
        self.times.append(elapsed)
        return elapsed

    def edit_title(self) -> float:
        title = "Benchmark Edited Phrase"
        written = edit(self.work / "data/codes/599.yaml", r"^phrase: .*$", f"phrase: {title}")
        return self.wait(self.base + "599/", title) - written

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        shutil.rmtree(self.work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--base", type=Path, help="a checkout to pair --project with")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    names = (
        [("base", args.base), ("project", args.project)]
        if args.base
        else [("project", args.project)]
    )
    served: list[Served] = []
    try:
        for name, path in names:  # one first build at a time
            served.append(Served(name, path.resolve(), args.timeout))
            served[-1].wait_started()
        time.sleep(1.0)
        for run in range(1, args.runs + 1):
            for one in served:
                print(f"{one.name}: summary edit {run}: {one.edit_summary(run):.2f} s")
                time.sleep(1.0)
        medians = {one.name: statistics.median(one.times) for one in served}
        for one in served:
            print(
                f"{one.name}: median of {len(one.times)} summary edits: {medians[one.name]:.2f} s"
            )
        if args.base:
            print(f"ratio project/base: {medians['project'] / medians['base']:.2f}")
        for one in served:
            print(f"{one.name}: title edit (navigation of every page): {one.edit_title():.2f} s")
            time.sleep(1.0)
    finally:
        for one in served:
            one.stop()


if __name__ == "__main__":
    main()

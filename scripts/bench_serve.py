"""Save-to-visible benchmark for `mkdocs serve`: how long after a record is saved the served
page shows the edit.

Usage: python scripts/bench_serve.py [--runs 5] [--project DIR] [-- SERVE ARGS...]

Copies the project's tracked files (git ls-files of --project, default this checkout) to a
temporary folder, starts `python -m mkdocs serve` there on a free port with the arguments
after `--` (default: the README's, `--dirty`), and waits for the first build. Then, N times,
replaces the summary of data/codes/429.yaml and polls the served /429/ every 20 ms until
the new summary is in the page; once more, it changes the phrase (and so the title and the
navigation on every page) of data/codes/599.yaml and waits for /599/ to show it. Prints each
run in seconds from the file write to the page showing the change, and the median.

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
README_SERVE_ARGS = ["--dirty"]


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


def measure(base: str, work: Path, serve_args: list[str], args: argparse.Namespace) -> None:
    start = time.perf_counter()
    first = wait_for(base + "429/", "Too Many Requests", args.timeout) - start
    print(f"mkdocs serve {' '.join(serve_args)}: first build {first:.1f} s")
    time.sleep(1.0)
    record = work / "data" / "codes" / "429.yaml"
    times = []
    for run in range(1, args.runs + 1):
        marker = f"Benchmark edit {run}, too many requests in a given time."
        written = edit(record, r"^summary: .*$", f"summary: {marker}")
        elapsed = wait_for(base + "429/", marker, args.timeout) - written
        times.append(elapsed)
        print(f"summary edit {run}: {elapsed:.2f} s")
        time.sleep(1.0)
    print(f"median of {len(times)} summary edits: {statistics.median(times):.2f} s")
    title = "Benchmark Edited Phrase"
    written = edit(work / "data" / "codes" / "599.yaml", r"^phrase: .*$", f"phrase: {title}")
    elapsed = wait_for(base + "599/", title, args.timeout) - written
    print(f"title edit (navigation of every page): {elapsed:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("serve_args", nargs="*", help="after --: arguments for mkdocs serve")
    args = parser.parse_args()
    serve_args = args.serve_args if "--" in sys.argv else README_SERVE_ARGS

    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    copy_project(args.project.resolve(), work)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("STATUS_DATA_DIR", None)
    with open(work / "serve.log", "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *serve_args],
            cwd=work,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            measure(base, work, serve_args, args)
        except SystemExit:
            log.flush()
            print((work / "serve.log").read_text(encoding="utf-8")[-3000:], file=sys.stderr)
            raise
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

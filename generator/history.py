"""When each data file last changed, from git: a build input, never the clock.

Two builds of the same commit give the same dates. Outside a git checkout (a source
tarball) there is no history, and pages simply carry no dateModified.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(data_dir: Path) -> dict[str, str]:
    """Map each file under ``data_dir`` (relative path) to its last commit date, YYYY-MM-DD."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=data_dir,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--", "."],
            cwd=data_dir,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    prefix = Path(data_dir).resolve().relative_to(Path(top).resolve()).as_posix() + "/"
    dates: dict[str, str] = {}
    current = ""
    for line in log.splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line.startswith(prefix):
            dates.setdefault(line.removeprefix(prefix), current)
    return dates


def last_commit_epoch(folder: Path) -> str | None:
    """Seconds since the epoch of the last commit: a reproducible build date."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return out or None

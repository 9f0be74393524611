"""Where a build keeps what it can reuse the next time: a folder of the user's cache
(``$XDG_CACHE_HOME``, else ``~/.cache``), ``http-status-codes/``; ``STATUS_CACHE_DIR``
names another. Never the checkout: what a build reads back from there is compiled template
code, converted text and drawn images, and a file a pull request added under the checkout
must never be taken for any of them."""

from __future__ import annotations

import os
from pathlib import Path

APP = "http-status-codes"


def folder(name: str) -> Path | None:
    """The cache folder ``name``, made if need be; None if it cannot be made (the build
    then works without it)."""
    chosen = os.environ.get("STATUS_CACHE_DIR")
    if chosen:
        base = Path(chosen)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / APP
    return made(base / name)


def made(path: Path) -> Path | None:
    """``path``, a folder made if need be; None if it cannot be made."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path

"""Results of pure conversions kept from one build to the next: highlighting a message or a
snippet with Pygments, converting a record's Markdown. Together they were a quarter of a
build's time, and each is a function of its arguments alone, given the code that computes
it.

A memo maps a digest of the arguments to the JSON result. It is stored in the user's cache
(generator.cachedir, ``memo/<name>.<salt>.json``; never the checkout), under a salt of the
generator's own source and the versions of the libraries that make the results: any change
to either starts an empty memo. A build writes back only the entries it used, so a memo
holds one site's worth. Outside a build (tests, the command line) a memo lives in memory
only, as a plain cache would.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from generator import cachedir

_PACKAGE = Path(__file__).parent
_LIBRARIES = ("markdown", "pymdown-extensions", "pygments", "nh3", "markupsafe")


@functools.cache
def _salt() -> str:
    """Made once per process: a serve does not reload the generator's code either."""
    return _salt_of_sources()


def _salt_of_sources() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for source in sorted(_PACKAGE.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?\0".encode())
    return digest.hexdigest()


class Memo:
    def __init__(self, name: str) -> None:
        self.name = name
        self.path: Path | None = None
        self._kept: dict[str, Any] = {}
        self._used: dict[str, Any] = {}
        # The file as this process last read or wrote it (path, size, mtime): a build
        # that finds it so (the next one while serving) need not read it again.
        self._known: tuple[Path, int, int] | None = None

    @staticmethod
    def key(*arguments: str) -> str:
        return hashlib.blake2b("\0".join(arguments).encode(), digest_size=16).hexdigest()

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        """The result kept under ``key``, or ``compute()``'s, kept from now on."""
        if key in self._used:
            return self._used[key]
        value = self._kept[key] if key in self._kept else compute()
        self._used[key] = value
        return value

    def open(self, folder: Path, salt: str) -> None:
        # One file per salt: two checkouts built in turn (another branch, an older commit)
        # keep a memo each rather than replacing each other's.
        self.path = folder / f"{self.name}.{salt}.json"
        self._used = {}
        if self._known is not None and self._known == self._stat():
            return  # self._kept is what the file holds
        self._kept, self._known = {}, None
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(stored, dict) and stored.get("salt") == salt:
            entries = stored.get("entries")
            if isinstance(entries, dict):
                self._kept = entries
                self._known = self._stat()

    def _stat(self) -> tuple[Path, int, int] | None:
        assert self.path is not None
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return self.path, stat.st_size, stat.st_mtime_ns

    def save(self, salt: str) -> None:
        """Write the entries this build used (atomically: a reader never sees half)."""
        if self.path is None:
            return
        if self._known is not None and self._used == self._kept and self._known == self._stat():
            self._used = {}
            return  # the file holds exactly these entries already
        text = json.dumps({"salt": salt, "entries": self._used}, separators=(",", ":"))
        try:
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.path.parent, delete=False, suffix=".tmp"
            ) as out:
                out.write(text)
            os.replace(out.name, self.path)
        except OSError:
            return
        self._forget_old()
        self._kept, self._used = self._used, {}
        self._known = self._stat()

    def _forget_old(self) -> None:
        """Keep the memos of the last few salts used, not one per edit ever made."""
        assert self.path is not None
        kept = sorted(
            self.path.parent.glob(f"{self.name}.*.json"),
            key=lambda path: path.stat().st_mtime_ns,
            reverse=True,
        )
        for old in kept[KEPT_SALTS:]:
            old.unlink(missing_ok=True)


KEPT_SALTS = 4
HIGHLIGHTED = Memo("highlighted")
PROSE = Memo("prose")
_MEMOS = (HIGHLIGHTED, PROSE)
_state: dict[str, str] = {}


def open_all() -> None:
    """Called when a build starts: each memo reads what the previous build kept."""
    folder = cachedir.folder("memo")
    if folder is None:
        return
    _state["salt"] = salt = _salt()
    for memo in _MEMOS:
        memo.open(folder, salt)


def save_all() -> None:
    """Called when a build ends."""
    salt = _state.get("salt")
    if salt is None:
        return
    for memo in _MEMOS:
        memo.save(salt)

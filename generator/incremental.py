"""Incremental rebuilds under `mkdocs serve --dirty`: keep what has not changed since the
previous build of the same serve process.

MkDocs does the skipping itself: under ``--dirty``, a page whose ``File.is_modified()`` is
false is neither converted from Markdown nor rendered through the theme
(``mkdocs/commands/build.py``, ``_populate_page`` and ``_build_page``), and its HTML from the
previous build stays in the served folder. For a file made with ``File.generated(content=...)``
that test is always true, so this module makes it truthful and keeps the rest of the site right:

- generated files are written to a folder of this process, and rewritten only when their
  content changes; ``File.generated(abs_src_path=...)`` then lets MkDocs compare times
  (``generated``);
- a record file is parsed and validated again only when its bytes change; the checks across
  records (generator.rules.check_site) run on every build (``read``);
- compiled templates stay in memory, keyed by their source's checksum
  (``jinja2.BytecodeCache``), so an edited template is compiled again (``bytecode_cache``);
- what every page shows (the navigation, hence every title; ``mkdocs.yml``; the theme
  overrides) is compared with the previous build's: when it changed, the site folder is
  emptied first, and so every page is rebuilt (``begin``);
- the search index: Material's own merge for dirty builds assumes one page per rebuild
  (``material/plugins/search/plugin.py``, ``generate_search_index``: with the home page among
  the rebuilt pages it drops every other entry). It is turned off, and the index of the
  previous build is kept with the entries of the rebuilt pages put in their place (``finish``);
- MkDocs warns that a dirty build "will likely lead to inaccurate navigation", a warning
  strict mode fails on; the navigation is handled as said above, so the warning is dropped
  while serving.

`mkdocs build`, and `mkdocs serve` without ``--dirty`` (every page rebuilt, records and
templates still kept), go through none of the MkDocs part: their output is unchanged.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

from generator import loader

DIRTY_WARNING = "A 'dirty' build is being performed"
# Larger files are not kept: the loader refuses them anyway, and hashing them costs.
MAX_KEPT_BYTES = 1_000_000
log = logging.getLogger("mkdocs.plugins.generator.incremental")


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's compiled templates for the life of the process; Jinja checks each bucket
    against the template source's checksum, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.buckets: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.buckets.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.buckets[bucket.key] = bucket.bytecode_to_string()


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


@dataclass
class _Serving:
    """What one serve process keeps between builds."""

    dirty: bool
    bytecode: _MemoryBytecodeCache = field(default_factory=_MemoryBytecodeCache)
    # (path, root, model, sha256 of the bytes) -> what loader._read returned for them.
    reads: dict[tuple, tuple] = field(default_factory=dict)
    # The folder generated files are written to, and the digest of each one written.
    store: Path | None = None
    digests: dict[str, bytes] = field(default_factory=dict)
    # What every page shows, at the previous build.
    signature: bytes | None = None
    # Whether this build started from an empty site folder (every page is built).
    full: bool = True
    # The search index of the previous build: each page's entries.
    search_docs: dict[str, list[dict]] = field(default_factory=dict)


_serving: _Serving | None = None


def start(command: str, dirty: bool) -> None:
    """Called from on_startup: keep things between builds only while serving."""
    global _serving
    if command != "serve":
        _serving = None
        return
    _serving = _Serving(dirty=dirty)
    if dirty:
        store = Path(tempfile.mkdtemp(prefix="http-status-serve-"))
        _serving.store = store
        atexit.register(shutil.rmtree, store, ignore_errors=True)
        logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())


# --------------------------------------------------------------------------- records


def read(file: Path, model: type, root: Path) -> tuple:
    """loader._read, answered from memory when the file's bytes are the ones last read."""
    if _serving is None:
        return loader._read(file, model, root)
    try:
        if file.stat().st_size > MAX_KEPT_BYTES:
            return loader._read(file, model, root)
        before = file.read_bytes()
    except OSError:
        return loader._read(file, model, root)
    key = (str(file), str(root), model, hashlib.sha256(before).digest())
    kept = _serving.reads.get(key)
    if kept is not None:
        return kept
    result = loader._read(file, model, root)
    try:
        unchanged = file.read_bytes() == before
    except OSError:
        unchanged = False
    if unchanged:  # not rewritten while it was being read
        _serving.reads = {k: v for k, v in _serving.reads.items() if k[:3] != key[:3]}
        _serving.reads[key] = result
    return result


def bytecode_cache() -> jinja2.BytecodeCache | None:
    return _serving.bytecode if _serving is not None else None


# --------------------------------------------------------------------------- pages


def generated(config: MkDocsConfig, src: str, content: str | bytes) -> File:
    """A generated file for MkDocs; under `serve --dirty`, one whose is_modified() says
    whether its content changed since the previous build."""
    if _serving is None or _serving.store is None:
        return File.generated(config, src, content=content)
    data = content.encode("utf-8") if isinstance(content, str) else content
    digest = hashlib.sha256(data).digest()
    path = _serving.store / src
    if _serving.digests.get(src) != digest or not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        _serving.digests[src] = digest
    return File.generated(config, src, abs_src_path=str(path))


def _signature(config: MkDocsConfig) -> bytes:
    """What every page's HTML depends on besides its own content."""
    digest = hashlib.sha256(repr(config.nav).encode())
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    if config.theme.custom_dir:  # the theme's own files do not change while serving
        for path in sorted(Path(config.theme.custom_dir).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.digest()


def begin(config: MkDocsConfig) -> None:
    """Called once the navigation is set (on_config): under `serve --dirty`, empty the site
    folder when something every page shows has changed, so that every page is rebuilt."""
    if _serving is None or not _serving.dirty:
        return
    signature = _signature(config)
    site_dir = Path(config.site_dir)
    if signature != _serving.signature and site_dir.is_dir():
        clean_directory(str(site_dir))
    _serving.signature = signature
    _serving.full = not site_dir.is_dir() or not any(site_dir.iterdir())
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None


# --------------------------------------------------------------------------- search


def _page_of(doc: dict) -> str:
    return str(doc.get("location", "")).partition("#")[0]


def merge_search(previous: dict[str, list[dict]], written: list[dict], full: bool) -> dict:
    """Each page's entries: the ones just written for the pages built now, the previous
    build's for the rest, in the previous order (new pages at the end)."""
    fresh: dict[str, list[dict]] = {}
    for doc in written:
        fresh.setdefault(_page_of(doc), []).append(doc)
    if full:
        return fresh
    merged = {page: fresh.get(page, docs) for page, docs in previous.items()}
    merged.update({page: docs for page, docs in fresh.items() if page not in merged})
    return merged


def finish(config: MkDocsConfig) -> None:
    """Called last in on_post_build: complete the search index of a dirty build."""
    if _serving is None or not _serving.dirty:
        return
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    pages = merge_search(_serving.search_docs, index.get("docs", []), _serving.full)
    _serving.search_docs = pages
    index["docs"] = [doc for docs in pages.values() for doc in docs]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

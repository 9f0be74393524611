"""Incremental rebuilds under `mkdocs serve --dirty`: keep what has not changed since the
previous build of the same serve process.

MkDocs does the skipping itself: under ``--dirty``, a page whose ``File.is_modified()`` is
false is neither converted from Markdown nor rendered through the theme
(``mkdocs/commands/build.py``, ``_populate_page`` and ``_build_page``), and its HTML from the
previous build stays in the served folder. For a file made with ``File.generated(content=...)``
that test is always true, so this module makes it truthful and keeps the rest of the site right:

- generated files are written to a folder of this process, and rewritten only when their
  content changes; ``File.generated(abs_src_path=...)`` then lets MkDocs compare times
  (``source``);
- a record file is parsed and validated again only when its bytes change; the checks across
  records (generator.rules.check_site) run on every build (``read``);
- a page's Markdown is rendered again only when its planned page changed, the templates
  changed, or something it read from the site changed: each page is rendered against a
  Site that records what the page reads (which record of which table, or a whole table
  when the page goes through it), and each build compares the new Site with the previous
  one, record by record (``render_for_build``); a code's API file is kept the same way
  (``keeper``);
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
Like the rest of the package, this module does not import mkdocs: generator/hook.py calls
it with MkDocs' objects.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import jinja2

from generator import loader, render
from generator.pages import Page
from generator.site import Site

DIRTY_WARNING = "A 'dirty' build is being performed"
# Larger files are not kept: the loader refuses them anyway, and hashing them costs.
MAX_KEPT_BYTES = 1_000_000
log = logging.getLogger("mkdocs.plugins.generator.incremental")


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


@dataclass
class _Serving:
    """What one serve process keeps between builds."""

    dirty: bool
    # (path, its target, root, model, sha256 of the bytes) -> what loader._read returned.
    reads: dict[tuple, tuple] = field(default_factory=dict)
    # The folder generated files are written to, and for each one written what it was
    # written from (the content, the very metadata object) and their digest.
    store: Path | None = None
    written: dict[str, tuple[str | bytes, object, bytes]] = field(default_factory=dict)
    # What every page shows, at the previous build.
    signature: bytes | None = None
    # Whether this build started from an empty site folder (every page is built).
    full: bool = True
    # Each kind of output made from the Site (pages, API files) at the previous build.
    kept: dict[str, _Kept] = field(default_factory=dict)
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
        target = file.resolve()  # a symbolic link may be pointed elsewhere
    except (OSError, RuntimeError):
        return loader._read(file, model, root)
    key = (str(file), str(target), str(root), model, hashlib.sha256(before).digest())
    kept = _serving.reads.get(key)
    if kept is not None:
        return kept
    result = loader._read(file, model, root)
    try:
        unchanged = file.read_bytes() == before
    except OSError:
        unchanged = False
    if unchanged:  # not rewritten while it was being read
        _serving.reads = {k: v for k, v in _serving.reads.items() if k[:4] != key[:4]}
        _serving.reads[key] = result
    return result


# --------------------------------------------------------------------------- rendering

WHOLE = "*"  # a read of a whole table (iteration, length, a copy)


class _ReadsDict(dict):
    """A table of the Site that notes each key read, or WHOLE when read as a whole."""

    def __init__(self, name: str, value: dict, reads: set) -> None:
        super().__init__(value)
        self._name = name
        self._reads = reads

    def _whole(self) -> None:
        self._reads.add((self._name, WHOLE))

    def __getitem__(self, key):
        self._reads.add((self._name, key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._reads.add((self._name, key))
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self._reads.add((self._name, key))
        return super().__contains__(key)

    def __iter__(self):
        self._whole()
        return super().__iter__()

    def __len__(self) -> int:
        self._whole()
        return super().__len__()

    def __eq__(self, other) -> bool:
        self._whole()
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def keys(self):
        self._whole()
        return super().keys()

    def values(self):
        self._whole()
        return super().values()

    def items(self):
        self._whole()
        return super().items()

    def copy(self) -> dict:
        self._whole()
        return dict(super().items())

    def __reduce__(self):  # pragma: no cover - never pickled; refuse rather than lie
        raise TypeError("a recording table is not meant to leave the render")


def _reading_site(site: Site, reads: set) -> Site:
    """A copy of ``site`` whose tables note the keys read and whose other fields note
    that they were read (into ``reads``)."""
    tables = {f.name for f in fields(Site) if isinstance(getattr(site, f.name), dict)}

    class ReadingSite(Site):
        def __getattribute__(self, name: str):
            value = object.__getattribute__(self, name)
            if name in _FIELDS and name not in tables:
                reads.add((name, WHOLE))
            return value

    copy = object.__new__(ReadingSite)
    for f in fields(Site):
        value = getattr(site, f.name)
        object.__setattr__(
            copy, f.name, _ReadsDict(f.name, value, reads) if f.name in tables else value
        )
    return copy


_FIELDS = frozenset(f.name for f in fields(Site))


def _differs(old: object, new: object) -> bool:
    return old is not new and old != new


def _changes(old: Site | None, new: Site) -> set | None:
    """What differs between two Sites, as (field, key) and (field, WHOLE); None: all."""
    if old is None:
        return None
    changed: set = set()
    for f in fields(Site):
        before, after = getattr(old, f.name), getattr(new, f.name)
        if isinstance(before, dict) and isinstance(after, dict):
            keys = {k for k in before.keys() ^ after.keys()}
            keys |= {k for k in before.keys() & after.keys() if _differs(before[k], after[k])}
            changed |= {(f.name, k) for k in keys}
            if keys:
                changed.add((f.name, WHOLE))
        elif _differs(before, after):
            changed.add((f.name, WHOLE))
    return changed


def _templates_state() -> tuple:
    return tuple(
        (str(path), path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(Path(render.TEMPLATES).rglob("*"))
        if path.is_file()
    )


def _stale(reads: frozenset, changed: set) -> bool:
    """Whether anything read is among what changed (a whole-table read: any key)."""
    if not changed:
        return False
    touched_tables = {name for name, key in changed if key == WHOLE}
    return any(
        (name, key) in changed or (key == WHOLE and name in touched_tables) for name, key in reads
    )


@dataclass
class _Kept:
    """One kind of output of the previous build: the Site and the templates it was made
    from, and each output with its inputs besides the Site and what it read from it."""

    site: Site
    templates: tuple
    site_url: str
    made: dict[Any, tuple[Any, Any, frozenset]]


def _kept(
    kind: str,
    site: Site,
    site_url: str,
    wanted: dict[Any, Any],
    make: Callable[[Site, Any, Any], Any],
) -> dict[Any, Any]:
    """``make(reading_site, key, inputs)`` for each ``key: inputs`` of ``wanted``, except
    where the previous build made the same key from equal inputs, the same templates and
    site URL, and nothing it read from the site has changed: that output is kept."""
    assert _serving is not None
    templates = _templates_state()
    previous = _serving.kept.get(kind)
    changed = None
    if previous is not None and (previous.templates, previous.site_url) == (templates, site_url):
        changed = _changes(previous.site, site)
    reads: set = set()
    reading = _reading_site(site, reads)
    made: dict[Any, tuple[Any, Any, frozenset]] = {}
    remade = 0
    for key, inputs in wanted.items():
        old = previous.made.get(key) if previous is not None else None
        unchanged = old is not None and old[0] == inputs
        if changed is not None and unchanged and not _stale(old[2], changed):
            made[key] = old
            continue
        reads.clear()
        made[key] = (inputs, make(reading, key, inputs), frozenset(reads))
        remade += 1
    log.debug(f"{kind}: {remade} of {len(wanted)} made again")
    # Kept only once every output is made: an error leaves the previous state.
    _serving.kept[kind] = _Kept(site, templates, site_url, made)
    return {key: output for key, (_, output, _) in made.items()}


def render_for_build(
    site: Site,
    pages: list[Page],
    site_url: str,
    bytecode: jinja2.BytecodeCache | None = None,
) -> dict[str, render.Rendered]:
    """render.render_for_build; while serving, a page whose inputs did not change keeps
    the Markdown and metadata of the previous build."""
    if _serving is None:
        return render.render_for_build(site, pages, site_url, bytecode)
    envs: list[jinja2.Environment] = []  # one environment, for the build's reading Site

    def make(reading: Site, src: str, page: Page) -> render.Rendered:
        if not envs:
            envs.append(render.environment(reading, bytecode))
        return render.rendered_page(envs[0], page, reading, site_url)

    return _kept("pages", site, site_url, {page.src: page for page in pages}, make)


def keeper(kind: str, site: Site, site_url: str) -> Callable | None:
    """For generator.api.api_files(keep=...): while serving, a file whose reads from the
    site did not change keeps the previous build's text; otherwise None (make them all)."""
    if _serving is None:
        return None

    def keep(makers: dict[str, Callable[[Site], Any]]) -> dict[str, Any]:
        # A key's maker is a function of the Site alone: the key is its only other input.
        def make(reading: Site, key: str, _: str) -> Any:
            return makers[key](reading)

        return _kept(kind, site, site_url, {key: key for key in makers}, make)

    return keep


# --------------------------------------------------------------------------- pages


def source(src: str, content: str | bytes, also: object = None) -> dict[str, str | bytes]:
    """The arguments for ``File.generated(config, src, ...)``: the content itself, or under
    `serve --dirty` a file of this process rewritten only when the content changes, so
    that MkDocs' ``File.is_modified()`` says whether it changed since the previous build.
    ``also``: anything else the page is made from that is not in ``content`` (its metadata,
    if the hook sets it directly rather than in front matter), as JSON-able data."""
    if _serving is None or _serving.store is None:
        return {"content": content}
    path = _serving.store / src
    before = _serving.written.get(src)
    if before is not None and not path.is_file():
        before = None  # the file is gone: write it again
    # A kept page hands back its very metadata object: no need to serialize it to see
    # that nothing changed.
    if before is not None and before[1] is also and before[0] == content:
        return {"abs_src_path": str(path)}
    data = content.encode("utf-8") if isinstance(content, str) else content
    digest = hashlib.sha256(data)
    if also is not None:
        digest.update(b"\0" + json.dumps(also, sort_keys=True, default=str).encode())
    digest = digest.digest()
    if before is None or before[2] != digest:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    _serving.written[src] = (content, also, digest)
    return {"abs_src_path": str(path)}


def _empty(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _signature(config: Any) -> bytes:
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


def begin(config: Any) -> None:
    """Called once the navigation is set (on_config): under `serve --dirty`, empty the site
    folder when something every page shows has changed, so that every page is rebuilt."""
    if _serving is None or not _serving.dirty:
        return
    signature = _signature(config)
    site_dir = Path(config.site_dir)
    if signature != _serving.signature and site_dir.is_dir():
        _empty(site_dir)
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


def finish(config: Any) -> None:
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

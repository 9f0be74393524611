"""Compiled Jinja templates kept on disk from one build to the next, as Python keeps
bytecode in __pycache__: ``.cache/jinja`` beside mkdocs.yml, for our page templates and the
theme's. Jinja checks each cached template against its source's checksum (and its own
bytecode version), so an edited template is compiled again; a folder that cannot be
written only costs the time the cache would have saved."""

from __future__ import annotations

import contextlib
from pathlib import Path

import jinja2


class _QuietFileSystemCache(jinja2.FileSystemBytecodeCache):
    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def on_disk(project: Path) -> jinja2.BytecodeCache | None:
    """The bytecode cache of the project at ``project`` (None if its folder cannot be
    made: templates are then compiled on every build, as without a cache)."""
    folder = project / ".cache" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietFileSystemCache(str(folder))

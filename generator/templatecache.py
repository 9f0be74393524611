"""Compiled Jinja templates kept on disk from one build to the next, as Python keeps
bytecode in __pycache__: in the user's cache (generator.cachedir, ``jinja/``), for our page
templates and the theme's. Jinja checks each cached template against its source's checksum
(and its own bytecode version), so an edited template is compiled again; a folder that
cannot be written only costs the time the cache would have saved."""

from __future__ import annotations

import contextlib
from pathlib import Path

import jinja2

from generator import cachedir


class _QuietFileSystemCache(jinja2.FileSystemBytecodeCache):
    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def on_disk(folder: Path | None = None) -> jinja2.BytecodeCache | None:
    """A bytecode cache in ``folder`` (by default the user's cache, generator.cachedir);
    None if the folder cannot be made: templates are then compiled on every build, as
    without a cache."""
    folder = cachedir.folder("jinja") if folder is None else cachedir.made(folder)
    return None if folder is None else _QuietFileSystemCache(str(folder))

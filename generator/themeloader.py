"""The theme's template loader, listing no file inside a hidden folder.

On every build MkDocs lists every file of the theme's folders to copy the static ones
(``Files.add_files_from_theme``), then drops each path with a hidden part (its ``'.*'`` and
``'*/.*'`` patterns). Material keeps its 10,000 icons in ``templates/.icons``: listing and
then dropping them took 0.1 s of every build and of every rebuild while serving. This
loader does not walk into hidden folders, so they are never listed; templates in them
still load (``{% include ".icons/..." %}``), since only the listing changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import jinja2


class ThemeLoader(jinja2.FileSystemLoader):
    def list_templates(self) -> list[str]:
        """jinja2.FileSystemLoader.list_templates without walking into hidden folders."""
        found: set[str] = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                for filename in filenames:
                    template = (
                        os.path.join(dirpath, filename)[len(searchpath) :]
                        .strip(os.path.sep)
                        .replace(os.path.sep, "/")
                    )
                    found.add(template.removeprefix("./"))
        return sorted(found)


def listing_no_hidden_folders(
    get_env: Callable[[], jinja2.Environment],
) -> Callable[[], jinja2.Environment]:
    """``Theme.get_env`` whose environments load through ThemeLoader (on_config)."""

    def theme_env() -> jinja2.Environment:
        env = get_env()
        if type(env.loader) is jinja2.FileSystemLoader:
            loader = env.loader
            env.loader = ThemeLoader(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    return theme_env

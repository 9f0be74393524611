"""Compiled templates kept on disk between builds (generator/templatecache.py): an edited
template is never served from the cache, and a cache that cannot be written or read
costs only time."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator import templatecache

REPO = Path(__file__).resolve().parent.parent


def _render(templates, cache) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=cache)
    return env.get_template("page.j2").render(name="reader")


def test_an_edited_template_is_compiled_again(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}")
    cache = templatecache.on_disk(tmp_path / "jinja")
    assert _render(templates, cache) == "Hello reader"
    assert list((tmp_path / "jinja").iterdir()), "nothing was kept"
    (templates / "page.j2").write_text("Goodbye {{ name }}")
    assert _render(templates, templatecache.on_disk(tmp_path / "jinja")) == "Goodbye reader"


def test_a_damaged_cache_file_is_compiled_over(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}")
    _render(templates, templatecache.on_disk(tmp_path / "jinja"))
    for kept in (tmp_path / "jinja").iterdir():
        kept.write_bytes(b"not bytecode")
    assert _render(templates, templatecache.on_disk(tmp_path / "jinja")) == "Hello reader"


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}")
    cache = templatecache.on_disk(tmp_path / "jinja")
    folder = tmp_path / "jinja"
    folder.rmdir()
    folder.write_text("a file where the cache folder was")  # writing into it fails
    assert _render(templates, cache) == "Hello reader"
    assert templatecache.on_disk(folder / "inner") is None  # no folder inside a file


def test_the_cache_is_never_read_from_the_checkout(tmp_path, monkeypatch):
    """A file a pull request adds to the checkout must never be loaded as compiled code:
    the cache lives in the user's cache folder."""
    monkeypatch.delenv("STATUS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    cache = templatecache.on_disk()
    assert cache is not None
    assert Path(cache.directory) == tmp_path / "user-cache" / "http-status-codes" / "jinja"
    assert REPO not in Path(cache.directory).parents

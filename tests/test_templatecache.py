"""Compiled templates kept on disk between builds (generator/templatecache.py): an edited
template is never served from the cache, and a cache that cannot be written or read
costs only time."""

from __future__ import annotations

import jinja2

from generator import templatecache


def _render(templates, cache) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=cache)
    return env.get_template("page.j2").render(name="reader")


def test_an_edited_template_is_compiled_again(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}")
    cache = templatecache.on_disk(tmp_path)
    assert _render(templates, cache) == "Hello reader"
    assert list((tmp_path / ".cache" / "jinja").iterdir()), "nothing was kept"
    (templates / "page.j2").write_text("Goodbye {{ name }}")
    assert _render(templates, templatecache.on_disk(tmp_path)) == "Goodbye reader"


def test_a_damaged_cache_file_is_compiled_over(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}")
    _render(templates, templatecache.on_disk(tmp_path))
    for kept in (tmp_path / ".cache" / "jinja").iterdir():
        kept.write_bytes(b"not bytecode")
    assert _render(templates, templatecache.on_disk(tmp_path)) == "Hello reader"


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}")
    cache = templatecache.on_disk(tmp_path)
    folder = tmp_path / ".cache" / "jinja"
    folder.rmdir()
    folder.write_text("a file where the cache folder was")  # writing into it fails
    assert _render(templates, cache) == "Hello reader"
    assert templatecache.on_disk(folder) is None  # .cache cannot be made inside a file

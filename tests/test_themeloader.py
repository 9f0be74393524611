"""The theme's loader lists what MkDocs copies from the theme, and no hidden folder."""

from __future__ import annotations

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from generator.themeloader import ThemeLoader, listing_no_hidden_folders
from tests.sitebuild import REPO


def test_hidden_folders_are_not_listed_but_their_templates_still_load(tmp_path):
    (tmp_path / ".icons" / "set").mkdir(parents=True)
    (tmp_path / ".icons" / "set" / "cat.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("p{}", encoding="utf-8")
    (tmp_path / ".nojekyll").write_text("", encoding="utf-8")
    (tmp_path / "main.html").write_text('{% include ".icons/set/cat.svg" %}', encoding="utf-8")
    loader = ThemeLoader([str(tmp_path)])
    assert loader.list_templates() == [".nojekyll", "assets/site.css", "main.html"]
    env = jinja2.Environment(loader=loader)
    assert env.get_template("main.html").render() == "<svg/>"


def test_the_site_gets_the_same_theme_files_as_with_jinjas_own_loader():
    config = load_config(str(REPO / "mkdocs.yml"))
    env = listing_no_hidden_folders(config.theme.get_env)()
    assert isinstance(env.loader, ThemeLoader)
    plain, ours = Files([]), Files([])
    plain.add_files_from_theme(config.theme.get_env(), config)
    ours.add_files_from_theme(env, config)
    listed = sorted(file.src_uri for file in ours)
    assert listed == sorted(file.src_uri for file in plain)
    assert any(uri.startswith("assets/javascripts/bundle.") for uri in listed)

"""Fault paths of the build: a missing file the site needs fails it with one line, and a
failed build leaves no complete-looking site behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from factory import REPO, record, write_dataset
from sitebuild import build

from generator.kinds import plan
from generator.loader import load_site
from generator.render import TemplateError, environment, render_page

pytestmark = pytest.mark.build


def _project_copy(tmp_path: Path) -> Path:
    """mkdocs.yml, docs/ and overrides/ copied, so a test can break them; the hook and
    templates stay the installed ones."""
    root = tmp_path / "project"
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - generator/hook.py", f"  - {REPO / 'generator' / 'hook.py'}")
    config = config.replace("  - data\n", f"  - {REPO / 'data'}\n")
    config = config.replace("  - generator/templates", f"  - {REPO / 'generator' / 'templates'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def _build(project: Path, site: Path, data: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STATUS_DATA_DIR": str(data or REPO / "data")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(site),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_missing_script_fails_the_build_naming_it(tmp_path):
    project = _project_copy(tmp_path)
    (project / "docs" / "assets" / "site.js").unlink()
    result = _build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "assets/site.js named in mkdocs.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_strict_failure_after_writing_removes_the_output(tmp_path):
    project = _project_copy(tmp_path)
    (project / "docs" / "broken.md").write_text("# Broken\n\n[x](missing.md)\n", encoding="utf-8")
    site = tmp_path / "site"
    result = _build(project, site)
    assert result.returncode != 0
    assert "removed the incomplete output" in result.stderr
    assert not (site / "index.html").exists() and not (site / "404.html").exists()


def test_a_data_failure_leaves_the_previous_site_in_place(tmp_path):
    site = tmp_path / "site"
    good = write_dataset(tmp_path / "good", [record(200), record(204)])
    assert build(site, data=good).returncode == 0
    before = (site / "200" / "index.html").read_bytes()
    bad = write_dataset(tmp_path / "bad", [record(200), record(204, summary="")])
    result = build(site, data=bad)
    assert result.returncode != 0
    assert "data/codes/204.yaml:3: summary: empty text" in result.output
    assert (site / "200" / "index.html").read_bytes() == before


def test_a_missing_template_is_one_clear_error(tmp_path):
    site = load_site(write_dataset(tmp_path, [record(200), record(204)]))
    env = environment(site)
    env.loader = jinja2.FileSystemLoader(tmp_path / "no-templates")
    home = plan(site)[0]
    missing = r"^the template home\.html\.j2 for index\.md is missing"
    with pytest.raises(TemplateError, match=missing):
        render_page(env, home, site, "https://example.org/")


def test_a_rebuild_replaces_the_previous_output_and_keeps_hidden_entries(tmp_path):
    """The previous output is set aside and deleted while the build runs
    (generator/previous_output.py): nothing of it may stay, and hidden entries such as a
    gh-pages checkout's .git stay as MkDocs leaves them."""
    site = tmp_path / "site"
    with_404 = write_dataset(tmp_path / "first", [record(200), record(204), record(404)])
    assert build(site, data=with_404).returncode == 0
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / "stale.html").write_text("from an older build", encoding="utf-8")
    (site / "gone").mkdir()
    (site / "gone" / "index.html").write_text("a page no data makes", encoding="utf-8")
    result = build(site, data=with_404)
    assert result.returncode == 0, result.output
    assert not (site / "stale.html").exists()
    assert not (site / "gone").exists()
    assert (site / "404" / "index.html").is_file()
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8").startswith("ref:")
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == [".git"]

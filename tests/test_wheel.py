"""The wheel carries the records: installed into a fresh virtual environment, http-status
works from a folder that is no checkout, with nothing but what the wheel brought."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from sitebuild import REPO

# What a checkout has that a wheel build does not read (and must not depend on).
LEFT_OUT = shutil.ignore_patterns(
    ".git", "node_modules", "site", "build", "*.egg-info", ".venv", "__pycache__", ".*_cache"
)


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh virtual environment with the wheel installed in it."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(REPO, source, ignore=LEFT_OUT)
    built = _run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-q", "-w", str(root / "dist")],
        cwd=source,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (root / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    records = sorted(n for n in names if n.startswith("generator/data/codes/"))
    assert len(records) == len(list((REPO / "data" / "codes").glob("*.yaml")))
    assert "generator/data/classes.yaml" in names

    env_dir = root / "fresh"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    installed = _run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)])
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # The wheel's dependencies (pydantic, PyYAML, Markdown, ...) come from the test's own
    # environment, after the fresh one's site-packages: the package itself, its records
    # and templates come only from the wheel. Installing them from an index would only
    # test pip, and take minutes.
    purelib = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]
        ).stdout.strip()
    )
    (purelib / "dependencies.pth").write_text(
        "\n".join(dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")]))
        + "\n"
    )
    return env_dir / "bin"


def _outside(bin_dir: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("STATUS_DATA_DIR", "PYTHONPATH")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env.pop("SITE_URL", None)
    return _run([str(bin_dir / "http-status"), *args], cwd=tmp_path, env=env)


@pytest.mark.slow
def test_the_installed_program_reads_the_records_it_carries(installed, tmp_path):
    where = _run(
        [str(installed / "python"), "-c", "import generator.cli as c; print(c.default_data())"],
        cwd=tmp_path,
    )
    data = Path(where.stdout.strip())
    assert data.parts[-2:] == ("generator", "data") and "site-packages" in data.parts
    assert not data.is_relative_to(REPO)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "first_line"),
    [(["429"], "429 Too Many Requests"), (["teapot"], "418 I'm a teapot (Unused)")],
)
def test_http_status_works_outside_the_checkout(installed, tmp_path, args, first_line):
    result = _outside(installed, tmp_path, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == first_line
    assert "Page: https://http-status-codes.example.org/" in result.stdout


@pytest.mark.slow
def test_an_unknown_code_fails_outside_the_checkout_too(installed, tmp_path):
    result = _outside(installed, tmp_path, "427")
    assert result.returncode == 1
    assert result.stderr.startswith("http-status: 427 is not a code on this site")

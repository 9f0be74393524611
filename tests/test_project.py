"""The promises README.md makes to a new user stay true."""

from __future__ import annotations

import re

from sitebuild import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_opens_with_a_serve_and_a_test_command():
    serve, test = readme_commands()[:2]
    assert "mkdocs serve" in serve
    assert "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    test = readme_commands()[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()


def test_the_publishing_workflow_runs_the_readme_test_command_too():
    test = readme_commands()[1]
    workflow = (REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert f"run: {test}" in workflow
    # Each step is a new shell: the build step uses the environment the test step made.
    assert "run: . .venv/bin/activate && python3 -m mkdocs build --strict" in workflow


def test_the_readme_commands_make_a_virtual_environment_first():
    """Debian's and Ubuntu's Python refuse pip outside one (PEP 668)."""
    for command in readme_commands()[:2]:
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && ")


def test_the_wheel_carries_every_data_file():
    """pyproject's package-data patterns must name every file of data/: a record folder
    they miss is absent from an installed http-status, which then cannot load."""
    import fnmatch
    import tomllib

    from sitebuild import REPO

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator.data"]
    files = [p.relative_to(REPO / "data").as_posix() for p in (REPO / "data").rglob("*")]
    missed = [
        f
        for f in files
        if (REPO / "data" / f).is_file()
        and not any(fnmatch.fnmatch(f, p) and f.count("/") == p.count("/") for p in patterns)
    ]
    assert missed == []

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

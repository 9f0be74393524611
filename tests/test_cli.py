"""The terminal lookup: `python -m generator show`, also installed as `http-status`."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys

import pytest
from sitebuild import REPO

from generator import cli
from generator.loader import load_site


def run(*args: str, command: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command line in this process (fast), or ``command`` as a real program."""
    if command is not None:
        return subprocess.run([*command, *args], capture_output=True, text=True, check=False)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:
            code = exc.code
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def test_show_prints_phrase_summary_use_and_spec():
    record = load_site(REPO / "data").codes[429]
    result = run("show", "429")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "429 Too Many Requests"
    text = " ".join(result.stdout.split())
    assert " ".join(record.summary.split()) in text
    assert "When to use:" in result.stdout and "When not to use:" in result.stdout
    assert "Instead: 503." in text
    assert (
        "Specification: RFC 6585, section 4 <https://www.rfc-editor.org/rfc/rfc6585.html#section-4>"
        in (result.stdout)
    )


def test_show_an_unofficial_code_names_vendor_and_source():
    result = run("show", "522")
    assert result.returncode == 0
    assert "unofficial · used by Cloudflare" in result.stdout
    assert "Source (Cloudflare): https://developers.cloudflare.com/" in result.stdout


def test_show_a_prefix_lists_the_codes_that_start_with_it():
    result = run("show", "42")
    assert result.returncode == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    expected = [str(c) for c in sorted(load_site(REPO / "data").codes) if str(c).startswith("42")]
    assert codes == expected
    assert "420  Enhance Your Calm  (unofficial)" in result.stdout


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("teapot", "'teapot' is not a status code (expected 1 to 3 digits, e.g. 429 or 42)"),
        ("4290", "'4290' is not a status code"),
        ("600", "600 is not a code on this site"),
        ("299", "299 is not a code on this site"),
        ("427", "427 is not a code on this site (codes starting with 42: 420, 421,"),
        ("9", "no status code starts with 9 on this site"),
    ],
)
def test_unknown_input_gets_a_clear_message_and_a_failing_exit(query, message):
    result = run("show", query)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_installed_console_script():
    path = shutil.which("http-status")
    if path is None:
        pytest.fail("http-status is not installed: pip install -e . installs it")
    result = run("show", "404", command=[path])
    assert result.returncode == 0
    assert result.stdout.startswith("404 Not Found\n")
    result = run("show", "404", command=[sys.executable, "-m", "generator"])
    assert result.returncode == 0
    assert result.stdout.startswith("404 Not Found\n")


def test_show_says_when_a_vendors_use_is_only_reported():
    result = run("show", "598")
    assert "unofficial · used by Some HTTP proxies (origin unclear)" in result.stdout

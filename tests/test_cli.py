"""The terminal lookup `http-status` (also `python3 -m generator`): what a person sees."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
import shutil
import subprocess
import sys

import pytest
from factory import record, write_dataset
from sitebuild import REPO

from generator import api, cli, urls
from generator.terminal import Writer, clean

ESCAPE = re.compile(r"\x1b\[")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(*args: str, tty: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the command line in this process; ``tty`` makes stdout claim to be a terminal."""
    out, err = (_Terminal() if tty else io.StringIO()), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:
            code = exc.code
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR", "SITE_URL", "STATUS_DATA_DIR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


HEADINGS = ("When to use", "When not to use", "Headers", "More", "Also matching")


def sections(text: str) -> list[str]:
    """The headings of the output, in order: lines of their own after a blank line."""
    lines = text.splitlines()
    return [b for a, b in itertools.pairwise(lines) if a == "" and b in HEADINGS]


def flat(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- one code


def test_a_number_prints_what_a_reader_needs(real_data):
    record = real_data.codes[429]
    result = run("429")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "429 Too Many Requests"
    assert lines[1] == "4xx Client Error · Registered in the IANA registry · RFC 6585, section 4"
    text = flat(result.stdout)
    assert flat(record.summary) in text
    assert sections(result.stdout) == ["When to use", "When not to use", "Headers", "More"]
    # Each case where 429 is wrong names what to send instead, by code and phrase.
    assert text.count("Send instead:") == len(record.when_not_to_use)
    assert "Send instead: 503 Service Unavailable" in text
    assert "Retry-After (MAY)" in result.stdout
    assert "Page: https://http-status-codes.example.org/429/" in result.stdout
    assert "https://www.rfc-editor.org/rfc/rfc6585.html#section-4" in result.stdout


def test_headers_the_rfc_requires_are_listed_with_their_level(real_data):
    """405 MUST carry Allow (RFC 9110 15.5.6), from the inherited rules."""
    result = run("405")
    assert re.search(r"^  Allow \(MUST\)$", result.stdout, re.MULTILINE), result.stdout


def test_the_page_url_follows_site_url(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.github.io/http-status")
    result = run("404")
    assert "Page: https://example.github.io/http-status/404/" in result.stdout


def test_an_unofficial_code_names_vendor_and_source():
    result = run("522")
    assert result.returncode == 0
    assert "Unofficial: not in the IANA registry · used by Cloudflare" in result.stdout
    assert "Cloudflare: Connection Timed Out" in result.stdout
    assert "https://developers.cloudflare.com/" in result.stdout


def test_show_still_works_as_before():
    assert run("show", "429").stdout == run("429").stdout
    assert run("show", "rate", "limit").stdout == run("rate", "limit").stdout


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["teapot"], "418 I'm a teapot (Unused)"),
        (["rate", "limit"], "429 Too Many Requests"),
        (["rate limit"], "429 Too Many Requests"),
        (["too", "many", "requests"], "429 Too Many Requests"),
        (["moved", "permanently"], "301 Moved Permanently"),
        (["Gateway", "Timeout"], "504 Gateway Timeout"),
    ],
)
def test_words_print_the_best_match(args, code):
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == code


def test_other_matches_are_listed_one_line_each_under_the_best():
    result = run("rate", "limit")
    lines = result.stdout.splitlines()
    also = lines.index("Also matching")
    assert lines[also + 1].startswith("  420 Enhance Your Calm (unofficial)  ")
    assert all(len(line) <= 80 for line in lines[also + 1 :])


def test_a_typo_fails_with_a_suggestion():
    result = run("teapto")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "http-status: no status code matches 'teapto' (did you mean: teapot?)\n"


def test_words_nothing_matches_fail_with_one_line():
    result = run("xyzzy")
    assert result.returncode == 1
    assert result.stderr == "http-status: no status code matches 'xyzzy'\n"


# --------------------------------------------------------------------------- lists


def test_a_prefix_lists_the_codes_that_start_with_it(real_data):
    result = run("42")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    expected = [c for c in sorted(real_data.codes) if str(c).startswith("42")]
    assert lines[0] == f"{len(expected)} codes starting with 42:"
    assert [int(line.split()[0]) for line in lines[1:]] == expected
    assert any(line.startswith("  420 Enhance Your Calm (unofficial)  ") for line in lines)


def test_a_class_prints_its_summary_page_and_codes(real_data):
    result = run("4xx")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "4xx Client Error"
    assert "Page: https://http-status-codes.example.org/4xx/" in lines
    listed = [int(line.split()[0]) for line in lines if line.startswith("  4")]
    assert sorted(listed) == sorted(c for c in real_data.codes if 400 <= c < 500)
    assert listed.index(451) < listed.index(420)  # registered codes before vendor codes


# --------------------------------------------------------------------------- failures


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("427", "427 is not a code on this site (codes starting with 42: 420, 421,"),
        ("209", "209 is not a code on this site (codes starting with 20: 200, 201,"),
        ("299", "299 is not a code on this site\n"),
        ("600", "600 is not a status code (status codes run from 100 to 599)"),
        ("4290", "4290 is not a status code (status codes have three digits)"),
        ("9", "no status code on this site starts with 9"),
    ],
)
def test_an_unknown_code_gets_one_clear_line_and_exit_1(query, message):
    result = run(query)
    assert result.returncode == 1
    assert result.stderr.startswith("http-status: " + message), result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_no_query_is_a_usage_error():
    result = run()
    assert result.returncode == 2
    assert "usage: http-status" in result.stderr


def test_broken_data_is_reported_not_a_traceback(tmp_path):
    data = write_dataset(tmp_path, [record(200, summary="")])
    result = run("200", "--data", str(data))
    assert result.returncode == 1
    assert "200.yaml" in result.stderr and "summary" in result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- --json, --open


@pytest.mark.parametrize("args", [["429"], ["too", "many", "requests"], ["show", "429"]])
def test_json_prints_the_apis_document_for_the_code(real_data, args, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://status.example.org/")
    result = run(*args, "--json")
    assert result.returncode == 0
    published = api.api_files(real_data, "https://status.example.org/")[api.code_path(429)]
    assert result.stdout == published


def test_json_for_a_list_is_the_apis_index_of_those_codes(real_data):
    result = run("42", "--json")
    document = json.loads(result.stdout)
    assert document["count"] == len(document["codes"])
    assert [c["code"] for c in document["codes"]] == sorted(
        c for c in real_data.codes if str(c).startswith("42")
    )
    published = json.loads(api.api_files(real_data, urls.DEFAULT_SITE_URL)[api.INDEX])
    by_code = {c["code"]: c for c in published["codes"]}
    assert all(entry == by_code[entry["code"]] for entry in document["codes"])


def test_open_opens_the_page(monkeypatch):
    opened = []
    monkeypatch.setattr(cli.webbrowser, "open", lambda url: opened.append(url) or True)
    assert run("teapot", "--open").returncode == 0
    assert run("5xx", "--open").returncode == 0
    assert opened == [
        "https://http-status-codes.example.org/418/",
        "https://http-status-codes.example.org/5xx/",
    ]


def test_open_without_a_browser_says_where_the_page_is(monkeypatch):
    monkeypatch.setattr(cli.webbrowser, "open", lambda url: False)
    result = run("404", "--open")
    assert result.returncode == 1
    assert "the page is https://http-status-codes.example.org/404/" in result.stderr


# --------------------------------------------------------------------------- colour, width


def test_a_terminal_gets_colour():
    result = run("429", tty=True)
    assert result.stdout.startswith("\x1b[1;33m429 Too Many Requests\x1b[0m\n")


@pytest.mark.parametrize("args", [["429"], ["4xx"], ["rate", "limit"], ["522"]])
def test_no_color_and_pipes_get_no_escape_codes(args, monkeypatch):
    assert not ESCAPE.search(run(*args).stdout)  # not a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ESCAPE.search(run(*args, tty=True).stdout)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not ESCAPE.search(run(*args, tty=True).stdout)  # NO_COLOR wins


def test_force_color_colours_a_pipe(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESCAPE.search(run("429").stdout)


def test_output_wraps_to_the_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    lines = run("429").stdout.splitlines()
    long = [line for line in lines if len(line) > 50 and "://" not in line]
    assert long == []
    assert max(len(line) for line in lines if "://" not in line) > 40


# --------------------------------------------------------------------------- record text


def test_record_markdown_reads_as_plain_text(tmp_path):
    item = record(
        200,
        when_to_use=[
            "Send `Retry-After: 120` with it, see [the RFC](https://www.rfc-editor.org/rfc/"
            "rfc9110) and [404](/404.md); **always** do *this*.",
            "Like this:\n\n```http\nHTTP/1.1 200 OK\nX-Snake_case: a_b_c\n```",
        ],
    )
    data = write_dataset(tmp_path, [record(204), record(404), item])
    result = run("200", "--data", str(data))
    assert result.returncode == 0, result.stderr
    text = flat(result.stdout)
    assert "Send Retry-After: 120 with it, see the RFC and 404; always do this." in text
    assert "      X-Snake_case: a_b_c" in result.stdout.splitlines()  # code as written
    for markup in ("`", "](", "**", "*this*", "```"):
        assert markup not in result.stdout


def test_control_characters_never_reach_the_terminal():
    """Records refuse them; the output path removes them anyway."""
    hostile = "ok\x1b[2J\x07\r\x9b31m\u202ecba\u200b done"
    assert clean(hostile) == "ok[2J31mcba done"
    out = Writer(colour=True, width=80)
    out.wrap(hostile)
    out.markdown(hostile)
    out.line(out.bold(hostile))
    for line in out.lines:
        assert "\x07" not in line and "\r" not in line and "\u202e" not in line
        assert not re.search(r"\x1b(?!\[(?:1|0)m)", line)  # only the writer's own styles


# --------------------------------------------------------------------------- help, programs


def test_help_is_plain_text_and_names_the_program():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: http-status ")
    assert "python -m generator" not in result.stdout
    assert "``" not in result.stdout
    for example in ("http-status 429", "http-status rate limit", "http-status 4xx"):
        assert example in result.stdout
    for command in ("check", "schema", "preview"):
        assert f"http-status {command}" in result.stdout


def test_subcommand_help_names_the_program():
    result = run("check", "--help")
    assert result.stdout.startswith("usage: http-status check")


def test_check_still_validates(tmp_path):
    result = run("check", str(REPO / "data"))
    assert result.returncode == 0 and result.stdout.startswith("ok: ")
    bad = write_dataset(tmp_path, [record(200, summary="")])
    result = run("check", str(bad))
    assert result.returncode == 1 and "summary" in result.stderr


def test_the_default_site_url_is_the_one_mkdocs_yml_names():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert f'site_url: !ENV [SITE_URL, "{urls.DEFAULT_SITE_URL}"]' in config


@pytest.mark.slow
def test_installed_console_script():
    path = shutil.which("http-status")
    if path is None:
        pytest.fail("http-status is not installed: pip install -e . installs it")
    for command in ([path], [sys.executable, "-m", "generator"]):
        result = subprocess.run(
            [*command, "404"], capture_output=True, text=True, check=False, env={"PATH": ""}
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("404 Not Found\n")


def test_a_checkout_reads_its_own_records(monkeypatch, tmp_path):
    """Inside a checkout an edited record shows at once; STATUS_DATA_DIR overrides it;
    an installed copy with no checkout around it reads the records it carries."""
    assert cli.default_data() == REPO / "data"
    monkeypatch.setenv("STATUS_DATA_DIR", str(tmp_path))
    assert cli.default_data() == tmp_path
    monkeypatch.delenv("STATUS_DATA_DIR")
    monkeypatch.setattr(cli, "CHECKOUT", tmp_path)
    assert cli.default_data() == cli.BUNDLED
    assert cli.BUNDLED.parts[-2:] == ("generator", "data")


def test_schema_never_writes_into_the_installed_package(monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "CHECKOUT", tmp_path)
    result = run("schema")
    assert result.returncode == 1
    assert "run it inside one" in result.stderr


def test_escape_sequences_written_as_entities_are_refused_and_never_printed(tmp_path):
    """Markdown turns character references into characters: a record that writes its
    controls that way is refused, and the terminal's own filter would remove them."""
    hostile = "Clear &#27;[2J the screen, retitle &#x1b;]0;pwned&#7; it."
    data = write_dataset(tmp_path, [record(204), record(404), record(200, when_to_use=[hostile])])
    result = run("200", "--data", str(data))
    assert result.returncode == 1
    assert "200.yaml" in result.stderr and "when_to_use[0]" in result.stderr
    assert "U+001B" in result.stderr
    assert not any(c in result.stdout + result.stderr for c in "\x1b\x07")
    # Defence in depth: the writer's filter removes them from anything it prints.
    assert clean("a\x1b[2Jb\x07c\u202ed") == "a[2Jbcd"

"""Bad records fail with a clear, located message; every problem is reported at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from factory import comparison, record, unofficial, write_dataset, write_yaml

from generator.loader import load_site
from generator.problems import DataError


def problems_for(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_site(data)
    return [str(p) for p in info.value.problems]


def write_text(data: Path, name: str, text: str) -> None:
    (data / "codes" / name).write_text(text, encoding="utf-8")


def test_the_valid_fixture_loads(tmp_path):
    site = load_site(write_dataset(tmp_path))
    assert sorted(site.codes) == [200, 204, 404, 499]


def test_invalid_yaml_syntax_names_file_and_line(tmp_path):
    data = write_dataset(tmp_path)
    write_text(data, "404.yaml", "code: 404\nphrase: Not Found\nsummary: [unclosed\nmeaning: x\n")
    (problem,) = problems_for(data)
    assert problem.startswith("data/codes/404.yaml:")
    assert "(syntax): invalid YAML" in problem
    line = int(problem.split(":")[1])
    assert line in (3, 4, 5)


def test_colon_in_a_plain_list_item_explains_the_yaml_trap(tmp_path):
    data = write_dataset(tmp_path)
    text = (data / "codes" / "404.yaml").read_text()
    text = text.replace("- Do the right thing.", "- Do it: then stop\n  and go on: here")
    write_text(data, "404.yaml", text)
    (problem,) = problems_for(data)
    line = text.splitlines().index("- Do it: then stop") + 1
    assert problem == (
        f"data/codes/404.yaml:{line}: best_practices[0]: expected text, got a mapping; an "
        "unquoted line with ': ' in it becomes a key: quote it or use a | block"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 404\n- Not Found\n", "the file holds a list (expected a mapping of field: value)"),
        ("just a sentence\n", "the file holds a single str value (expected a mapping"),
        ("", "the file is empty (expected a mapping)"),
    ],
)
def test_a_file_that_is_not_a_mapping(tmp_path, text, expected):
    data = write_dataset(tmp_path)
    write_text(data, "404.yaml", text)
    (problem,) = problems_for(data)
    assert problem.startswith("data/codes/404.yaml")
    assert expected in problem


def test_missing_required_field(tmp_path):
    broken = record(404)
    del broken["meaning"]
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert problem.startswith("data/codes/404.yaml:1: meaning: missing required field")


def test_missing_nested_field_points_at_its_parent_line(tmp_path):
    broken = record(404)
    del broken["properties"]["retry"]
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert "properties.retry: missing required field" in problem
    line = int(problem.split(":")[1])
    lines = (data / "codes" / "404.yaml").read_text().splitlines()
    assert lines[line - 1].startswith("properties:")


def test_unknown_field_suggests_the_right_name(tmp_path):
    broken = record(404)
    broken["when_to_uses"] = broken.pop("when_to_use")
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    problems = problems_for(data)
    assert any(
        "when_to_uses: unknown field (did you mean 'when_to_use'?)" in p for p in problems
    ), problems


def test_bare_no_is_reported_as_a_boolean_with_a_hint(tmp_path):
    data = write_dataset(tmp_path)
    path = data / "codes" / "404.yaml"
    text = path.read_text().replace("- code 404", "- no")
    path.write_text(text)
    (problem,) = problems_for(data)
    line = text.splitlines().index("- no") + 1
    assert problem == (
        f"data/codes/404.yaml:{line}: keywords[0]: expected text, got a boolean (false); "
        "YAML reads a bare no as a boolean: write it in quotes"
    )


def test_bare_date_where_text_belongs(tmp_path):
    data = write_dataset(tmp_path)
    path = data / "codes" / "404.yaml"
    path.write_text(path.read_text().replace("- code 404", "- 2026-11-02"))
    (problem,) = problems_for(data)
    assert "keywords[0]: expected text, got a date (2026-11-02)" in problem
    assert "write it in quotes" in problem


def test_number_where_text_belongs(tmp_path):
    broken = record(404, phrase=404)
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    problems = problems_for(data)
    assert any("phrase: expected text, got a number (404)" in p for p in problems), problems


def test_text_where_a_number_belongs(tmp_path):
    broken = record(404)
    broken["code"] = "404"
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert "data/codes/404.yaml:1: code: expected a whole number, got a str (404)" in problem


@pytest.mark.parametrize("code", [99, 600, 1000])
def test_code_outside_100_to_599(tmp_path, code):
    data = write_dataset(tmp_path, [record(200), record(204)])
    write_yaml(data / "codes" / "404.yaml", record(code))
    problems = problems_for(data)
    assert any(
        p.startswith(f"data/codes/404.yaml:1: code: {code} is out of range (expected 100 to 599)")
        for p in problems
    ), problems


@pytest.mark.parametrize("name", ["99.yaml", "1000.yaml", "404.yml"])
def test_a_file_not_named_for_a_code_is_refused(tmp_path, name):
    data = write_dataset(tmp_path, [record(200), record(204)])
    write_yaml(data / "codes" / name, record(404))
    assert problems_for(data) == [
        f"data/codes/{name}: (file): is not a record file "
        "(expected a file named for its code, such as 404.yaml)"
    ]


def test_two_records_for_one_code(tmp_path):
    data = write_dataset(tmp_path)
    write_yaml(data / "codes" / "405.yaml", record(404))
    problems = problems_for(data)
    assert (
        "data/codes/405.yaml:1: code: 404 does not match the file name (expected 405)" in problems
    )
    assert any(
        "405.yaml:1: code: 404 already has a record in data/codes/404.yaml" in p for p in problems
    ), problems


def test_duplicate_keys_name_both_lines(tmp_path):
    data = write_dataset(tmp_path)
    path = data / "codes" / "404.yaml"
    text = path.read_text() + "summary: A second summary that would silently win.\n"
    path.write_text(text)
    (problem,) = problems_for(data)
    last = len(text.splitlines())
    assert problem == (
        f"data/codes/404.yaml:{last}: summary: duplicate key; it is already set on line 3 "
        "(expected each field once)"
    )


def test_related_code_without_a_record(tmp_path):
    data = write_dataset(tmp_path, [record(200), record(204), record(404, related=[410])])
    (problem,) = problems_for(data)
    assert "404.yaml:" in problem
    assert "related[0]: 410 has no record (expected a code in data/codes/)" in problem


def test_alternative_code_without_a_record(tmp_path):
    broken = record(404, when_not_to_use=[{"case": "Gone for good.", "instead": [410]}])
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert "when_not_to_use[0].instead[0]: 410 has no record" in problem


def test_compared_code_without_a_record(tmp_path):
    data = write_dataset(tmp_path, comparisons={"x": comparison([200, 201])})
    (problem,) = problems_for(data)
    assert problem.startswith("data/comparisons/x.yaml:")
    assert "codes[1]: 201 has no record" in problem


def test_unknown_comparison_column(tmp_path):
    data = write_dataset(tmp_path, comparisons={"x": comparison([200, 204], columns=["colour"])})
    (problem,) = problems_for(data)
    assert "data/comparisons/x.yaml:" in problem
    assert "columns[0]: 'colour' is not allowed (expected 'summary'" in problem


def test_a_comparison_column_equal_in_every_row_is_refused(tmp_path):
    # The test records of 200 and 204 are both cacheable by default (RFC 9110 15.1).
    group = comparison([200, 204], columns=["summary", "cacheable"])
    data = write_dataset(tmp_path, comparisons={"x": group})
    (problem,) = problems_for(data)
    assert problem.startswith("data/comparisons/x.yaml:")
    assert "columns[1]: 'cacheable' (Cacheable by default) is the same for every code" in problem


def test_a_comparison_with_verdicts_may_not_repeat_them_as_use_when(tmp_path):
    verdicts = [{"code": 200, "verdict": "A body."}, {"code": 204, "verdict": "No body."}]
    group = comparison([200, 204], columns=["summary", "use_when"], verdicts=verdicts)
    data = write_dataset(tmp_path, comparisons={"x": group})
    (problem,) = problems_for(data)
    assert "x.yaml:" in problem
    assert "columns[1]: 'use_when' repeats what the verdicts say" in problem


def test_a_former_comparison_url_may_not_be_a_current_one(tmp_path):
    groups = {
        "200-vs-204": comparison([200, 204], columns=["summary"], former_slugs=["x"]),
        "x": comparison([204, 200], columns=["summary"]),
    }
    data = write_dataset(tmp_path, comparisons=groups)
    (problem,) = problems_for(data)
    assert "200-vs-204.yaml:" in problem
    assert "former_slugs[0]: 'x' is the URL of a comparison today" in problem


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("phrase", "Not <b>Found</b>", "< >"),
        ("summary", 'A summary that closes an attribute" onmouseover=alert(1)', '"'),
        ("summary", "A > B", ">"),
    ],
)
def test_markup_characters_in_title_or_description(tmp_path, field, value, shown):
    broken = record(404, **{field: value})
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    problems = problems_for(data)
    assert any(f"{field}: contains {shown} (expected plain text" in p for p in problems), problems


def test_raw_html_in_markdown_text(tmp_path):
    broken = record(404, meaning="Gone. <script>alert(1)</script>")
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert "meaning: raw HTML '<script>' is not allowed in record text" in problem
    assert "raw HTML '</script>' is not allowed" in problem


def test_html_inside_a_code_span_is_allowed(tmp_path):
    fine = record(404, meaning="Send `<link rel=preload>` in the page.")
    site = load_site(write_dataset(tmp_path, [record(200), record(204), fine]))
    assert "<link" in site.codes[404].meaning


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("meaning", "   ", "meaning: empty text (expected at least one sentence)"),
        ("best_practices", [], "best_practices: empty list (expected at least 1)"),
        ("faq", [{"question": "Q?", "answer": "A."}], "faq: only 1 item (expected at least 2)"),
        ("when_to_use", [], "when_to_use: empty list for a registered code"),
        ("keywords", [""], "keywords[0]: empty text"),
    ],
)
def test_empty_text_or_lists_where_content_is_required(tmp_path, field, value, expected):
    broken = record(404, **{field: value})
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    problems = problems_for(data)
    assert any(expected in p for p in problems), problems


def test_a_file_that_is_not_utf8(tmp_path):
    data = write_dataset(tmp_path)
    path = data / "codes" / "404.yaml"
    path.write_bytes(path.read_bytes().replace(b"Meaning of 404.", b"Caf\xe9 404."))
    (problem,) = problems_for(data)
    line = path.read_bytes().split(b"\n").index(b"meaning: Caf\xe9 404.") + 1
    assert problem.startswith(f"data/codes/404.yaml:{line}: (file): byte 0xe9 is not UTF-8")


def test_example_status_line_must_use_the_registry_phrase(tmp_path):
    broken = record(200)
    broken["examples"][0]["steps"][0]["response"] = (
        "HTTP/1.1 404 File Not Found\nContent-Length: 5\n\nHello\n"
    )
    data = write_dataset(tmp_path, [broken, record(204), record(404)])
    problems = problems_for(data)
    assert any(
        "examples[0].steps[0].response: status line says 404 'File Not Found' "
        "(expected the registry's phrase 'Not Found')" in p
        for p in problems
    ), problems
    assert any("examples: no example shows 200" in p for p in problems), problems


def test_content_length_must_match_the_body(tmp_path):
    broken = record(404)
    broken["examples"][0]["steps"][0]["response"] = (
        "HTTP/1.1 404 Not Found\nContent-Length: 50\n\nHello\n"
    )
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert "Content-Length: 50 but the body shown is 5 bytes" in problem


def test_no_content_responses_must_not_have_a_body(tmp_path):
    broken = record(204)
    broken["examples"][0]["steps"][0]["response"] = "HTTP/1.1 204 No Content\n\n{}\n"
    data = write_dataset(tmp_path, [record(200), broken, record(404)])
    (problem,) = problems_for(data)
    assert "a 204 response has content (expected none" in problem


def test_must_send_header_missing_from_examples(tmp_path):
    broken = record(
        404,
        headers=[
            {
                "name": "Allow",
                "where": "response",
                "requirement": "must",
                "purpose": "Lists methods.",
            }
        ],
    )
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert problem == (
        "data/codes/404.yaml:20: examples[0].steps[0].response: a 404 response without Allow "
        "(expected it: every 404 response carries it)"
    )


def test_unofficial_code_needs_a_vendor(tmp_path):
    broken = unofficial(499, vendors=[])
    data = write_dataset(tmp_path, [record(200), record(204), record(404), broken])
    (problem,) = problems_for(data)
    assert "499.yaml" in problem
    assert "an unregistered code needs at least one vendor use" in problem


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    one = record(200, summary="")
    two = record(204)
    del two["faq"]
    data = write_dataset(tmp_path, [one, two, record(404, related=[999])])
    problems = problems_for(data)
    files = {p.split(":")[0] for p in problems}
    assert files == {"data/codes/200.yaml", "data/codes/204.yaml", "data/codes/404.yaml"}


def run_check(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_command_fails_with_the_same_messages_and_no_traceback(tmp_path):
    data = write_dataset(tmp_path, [record(200), record(204), record(404, related=[410])])
    result = run_check(data)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "1 problem in the data:" in result.stderr
    assert "related[0]: 410 has no record" in result.stderr


def test_check_command_passes_on_valid_data(tmp_path):
    result = run_check(write_dataset(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 4 codes")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (
            "meaning",
            "See [the docs](javascript:alert(1)).",
            "meaning: link target 'javascript:alert(1)' is not allowed",
        ),
        (
            "faq",
            [
                {"question": "Why?", "answer": 'No. "><img src=x onerror=alert(1)>'},
                {"question": "Second?", "answer": "Yes."},
            ],
            "faq[0].answer: raw HTML '<img src=x onerror=alert(1)>' is not allowed",
        ),
    ],
)
def test_script_vectors_in_record_text_are_rejected(tmp_path, field, value, expected):
    broken = record(404, **{field: value})
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    problems = problems_for(data)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("meaning", "expected"),
    [
        ("See [204](/204).", "meaning: link target '/204' is not allowed"),
        ("See [410](/410.md).", "meaning: links to /410.md, but 410 has no record"),
    ],
)
def test_links_between_pages_are_checked_at_load_time(tmp_path, meaning, expected):
    data = write_dataset(tmp_path, [record(200), record(204), record(404, meaning=meaning)])
    problems = problems_for(data)
    assert any(expected in p for p in problems), problems


def test_unquoted_colon_in_a_value_gets_a_hint(tmp_path):
    data = write_dataset(tmp_path)
    path = data / "codes" / "404.yaml"
    text = path.read_text().replace("meaning: Meaning of 404.", "meaning: Note: it is gone.")
    path.write_text(text)
    (problem,) = problems_for(data)
    assert "invalid YAML: mapping values are not allowed" in problem
    assert "quote it or use a | block" in problem


def test_a_header_level_that_contradicts_the_rfc_is_refused(tmp_path):
    allow = {"name": "Allow", "where": "response", "requirement": "should", "purpose": "Methods."}
    broken = record(405, headers=[allow])
    broken["examples"][0]["steps"][0]["response"] = (
        "HTTP/1.1 405 Test Phrase\nAllow: GET\nContent-Length: 5\n\nHello\n"
    )
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert problem.endswith(
        "headers[0].requirement: 'should' for Allow (expected 'must': RFC 9110 section 15.5.6)"
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Date: 2026-11-05 10:00:00", "Date: '2026-11-05 10:00:00' is not an HTTP date"),
        ("Date: Mon, 05 Nov 2026 10:00:00 GMT", "that day was a Thu"),
        (
            "Retry-After: soon",
            "Retry-After: 'soon' is neither a number of seconds nor an HTTP date",
        ),
    ],
)
def test_example_field_values_follow_their_syntax(tmp_path, header, expected):
    broken = record(404)
    step = broken["examples"][0]["steps"][0]
    step["response"] = step["response"].replace(
        "HTTP/1.1 404 Not Found\n", f"HTTP/1.1 404 Not Found\n{header}\n"
    )
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert problem.startswith("data/codes/404.yaml:20: examples[0].steps[0].response: ")
    assert expected in problem


def test_problem_details_must_carry_the_responses_status(tmp_path):
    body = '{"type": "about:blank", "title": "Not Found", "status": 400}'
    broken = record(404)
    broken["examples"][0]["steps"][0]["response"] = (
        "HTTP/1.1 404 Not Found\nContent-Type: application/problem+json\n"
        f"Content-Length: {len(body)}\n\n{body}\n"
    )
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    (problem,) = problems_for(data)
    assert problem.endswith(
        "problem details say status 400 in a 404 response (expected them equal, "
        "RFC 9457 section 3.1.2)"
    )


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ("Content-Length: 5\nContent-Length: 6", "conflicting Content-Length headers"),
        ("Content-Length: five", "bad Content-Length"),
    ],
)
def test_example_responses_are_read_by_a_conforming_parser(tmp_path, headers, expected):
    broken = record(404)
    broken["examples"][0]["steps"][0]["response"] = f"HTTP/1.1 404 Not Found\n{headers}\n\nHello\n"
    data = write_dataset(tmp_path, [record(200), record(204), broken])
    problems = problems_for(data)
    assert any(
        f"examples[0].steps[0].response: not a valid HTTP/1.1 response: {expected}" in p
        for p in problems
    ), problems


def test_fixes_on_a_success_code_are_refused(tmp_path):
    broken = record(200, fixes={"client": ["Nothing to fix."]})
    data = write_dataset(tmp_path, [broken, record(204), record(404), unofficial(499)])
    (problem,) = problems_for(data)
    assert "200.yaml:" in problem
    assert "fixes: only registered 4xx and 5xx codes carry 'fixes' (expected no 'fixes')" in problem


def test_a_fix_line_too_long_for_the_glance_is_refused(tmp_path):
    long_line = "Wait a while and try again, " * 10
    broken = record(404, fixes={"client": [long_line.strip()], "server": ["Check the route."]})
    data = write_dataset(tmp_path, [record(200), record(204), broken, unofficial(499)])
    (problem,) = problems_for(data)
    assert "404.yaml:" in problem
    assert "fixes.client[0]:" in problem
    assert "the first item is the one line shown At a glance" in problem


def test_a_one_line_json_body_too_wide_to_read_is_refused(tmp_path):
    body = (
        '{"type": "about:blank", "title": "Not Found", "detail": "No product has the SKU A10021."}'
    )
    response = (
        "HTTP/1.1 404 Not Found\n"
        "Content-Type: application/json\n"
        f"Content-Length: {len(body)}\n\n{body}\n"
    )
    broken = record(404, examples=[{"title": "A miss", "steps": [{"response": response}]}])
    data = write_dataset(tmp_path, [record(200), record(204), broken, unofficial(499)])
    (problem,) = problems_for(data)
    assert "404.yaml:" in problem
    assert (
        f"examples[0].steps[0].response: line 1 of the JSON body is {len(body)} characters"
        in problem
    )
    assert "pretty-print the body" in problem


def test_a_registered_error_code_without_fixes_is_refused(tmp_path):
    broken = record(404)
    del broken["fixes"]
    data = write_dataset(tmp_path, [record(200), record(204), broken, unofficial(499)])
    (problem,) = problems_for(data)
    assert problem.startswith("data/codes/404.yaml:")
    assert (
        "fixes: missing 'fixes' for a registered error code (expected client and server "
        "advice: the At a glance block shows their first lines)"
    ) in problem


@pytest.mark.parametrize(
    ("side", "label"), [("client", "As the client"), ("server", "On the server")]
)
def test_fixes_without_client_or_server_advice_are_refused(tmp_path, side, label):
    broken = record(404)
    broken["fixes"][side] = []
    broken["fixes"]["proxy"] = ["Raise the proxy's limit."]  # other advice does not stand in
    data = write_dataset(tmp_path, [record(200), record(204), broken, unofficial(499)])
    (problem,) = problems_for(data)
    assert problem.startswith("data/codes/404.yaml:")
    assert f"fixes.{side}: no advice for a registered error code" in problem
    assert f"shown At a glance as '{label}'" in problem


def test_a_too_long_summary_is_counted_in_characters(tmp_path):
    data = write_dataset(tmp_path, [record(200), record(204), record(404, summary="x" * 172)])
    (problem,) = [p for p in problems_for(data) if "summary" in p]
    assert problem.endswith("summary: 172 characters (expected at most 160)")

"""The real records in data/: complete, and true to the registry and the RFCs."""

from __future__ import annotations

import csv
import http
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import REPO

from generator import httpmsg

REGISTRY = {
    int(row["code"]): row
    for row in csv.DictReader(
        line
        for line in (Path(__file__).parent / "iana_registry.csv").read_text().splitlines()
        if not line.startswith("#")
    )
}

# RFC 9110 section 15.1 lists the codes that are heuristically cacheable; RFC 7725
# section 3 adds 451.
CACHEABLE_BY_DEFAULT = {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501, 451}

# The RFC 9110 names Python 3.13 added to http.HTTPStatus (the old names remain).
PYTHON_313_NAMES = {
    "CONTENT_TOO_LARGE": 413,
    "URI_TOO_LONG": 414,
    "RANGE_NOT_SATISFIABLE": 416,
    "UNPROCESSABLE_CONTENT": 422,
}

# Header fields the specifications require in the response for these codes, with the
# requirement level they give (RFC 9110 14.4: a 416 to a byte-range request SHOULD send
# Content-Range; the others are MUST).
REQUIRED_HEADERS = {
    401: ("WWW-Authenticate", "must"),
    405: ("Allow", "must"),
    407: ("Proxy-Authenticate", "must"),
    416: ("Content-Range", "should"),
    426: ("Upgrade", "must"),
}


def registered(real_data):
    return [r for r in real_data.codes.values() if r.registered]


@pytest.mark.parametrize("digit", [1, 2, 3, 4, 5])
def test_every_registered_code_of_a_class_has_a_record(real_data, digit):
    expected = {code for code in REGISTRY if code // 100 == digit}
    present = {r.code for r in registered(real_data) if r.class_digit == digit}
    assert sorted(expected - present) == []


def test_no_record_claims_a_registration_the_registry_lacks(real_data):
    assert sorted(r.code for r in registered(real_data) if r.code not in REGISTRY) == []


def test_phrases_and_status_are_the_registrys(real_data):
    for rec in registered(real_data):
        row = REGISTRY[rec.code]
        entry = rec.specification.registry_entry
        if entry == rec.phrase:  # 306 and 418: the description itself is "(Unused)"
            entry = row["entry"]
        assert (rec.phrase, entry) == (row["phrase"], row["entry"]), rec.code


def test_previous_names_differ_from_the_current_phrase(real_data):
    for rec in registered(real_data):
        for previous in rec.specification.previous_names:
            assert previous.name != rec.phrase, rec.code


@pytest.mark.parametrize(
    ("code", "names"),
    [
        (413, {"Payload Too Large", "Request Entity Too Large"}),
        (414, {"Request-URI Too Long"}),
        (416, {"Requested Range Not Satisfiable"}),
        (422, {"Unprocessable Entity"}),
    ],
)
def test_renamed_codes_show_their_previous_names(real_data, code, names):
    if code not in real_data.codes:
        pytest.fail(f"{code} has no record")
    shown = {p.name for p in real_data.codes[code].specification.previous_names}
    assert names <= shown


def test_python_constants_exist_in_the_standard_library(real_data):
    """A name without a version works on every supported Python (3.11 up, checked on the
    running one); a name marked 3.13 is one of the RFC 9110 names 3.13 added."""
    for rec in real_data.codes.values():
        names = rec.constants.names("python")
        if not names:
            continue
        assert names[0].since is None, f"{rec.code}: no name that works on Python 3.11"
        for entry in names:
            member = entry.name.removeprefix("HTTPStatus.")
            if entry.since is None or sys.version_info >= (3, 13):
                assert http.HTTPStatus[member].value == rec.code, (rec.code, entry.name)
            if entry.since is not None:
                assert entry.since == "3.13" and PYTHON_313_NAMES[member] == rec.code


def test_cacheable_by_default_follows_the_rfcs(real_data):
    for rec in real_data.codes.values():
        assert rec.properties.cacheable_by_default == (rec.code in CACHEABLE_BY_DEFAULT), rec.code


def test_every_example_status_line_names_a_real_code(real_data):
    for rec in real_data.codes.values():
        for example in rec.examples:
            for step in example.steps:
                if step.response:
                    message = httpmsg.parse(step.response, kind="response")
                    assert message.status in real_data.codes or message.status in REGISTRY, (
                        rec.code,
                        message.start_line,
                    )


def test_own_status_line_uses_the_records_phrase(real_data):
    for rec in registered(real_data):
        lines = [
            httpmsg.parse(step.response, kind="response")
            for example in rec.examples
            for step in example.steps
            if step.response
        ]
        own = [m for m in lines if m.status == rec.code]
        if not own:  # 208 and friends only ever appear inside a 207 Multi-Status body
            assert any(f"HTTP/1.1 {rec.code} {rec.phrase}<" in m.body for m in lines), rec.code
        allowed = {rec.phrase}
        if rec.specification.status == "unused":
            allowed |= {p.name for p in rec.specification.previous_names}
        for message in own:
            if message.version.startswith("HTTP/1"):
                assert message.reason in allowed, (rec.code, message.start_line)


@pytest.mark.parametrize(
    ("code", "header", "level"), [(c, h, lvl) for c, (h, lvl) in sorted(REQUIRED_HEADERS.items())]
)
def test_codes_that_require_a_header_declare_and_show_it(real_data, code, header, level):
    if code not in real_data.codes:
        pytest.fail(f"{code} has no record")
    rec = real_data.codes[code]
    declared = {(h.name, h.where, h.requirement) for h in rec.headers}
    assert (header, "response", level) in declared
    responses = [
        httpmsg.parse(step.response, kind="response")
        for example in rec.examples
        for step in example.steps
        if step.response
    ]
    assert any(m.status == code and m.has_header(header) for m in responses)


@pytest.mark.parametrize(
    ("code", "permanent", "method"),
    [
        (301, True, "post-may-become-get"),
        (302, False, "post-may-become-get"),
        (303, False, "changed-to-get"),
        (307, False, "kept"),
        (308, True, "kept"),
    ],
)
def test_redirect_properties(real_data, code, permanent, method):
    if code not in real_data.codes:
        pytest.fail(f"{code} has no record")
    redirect = real_data.codes[code].properties.redirect
    assert redirect is not None
    assert (redirect.permanent, redirect.method) == (permanent, method)


def test_unofficial_records_name_vendor_and_source(real_data):
    for rec in real_data.codes.values():
        if rec.registered:
            continue
        assert rec.vendors, rec.code
        for use in rec.vendors:
            assert use.vendor and use.source.startswith("https://"), rec.code


def test_202_is_compared_with_200_201_204_and_303(real_data):
    groups = [group for _, group in real_data.comparisons_for(202)]
    assert any({200, 201, 202, 204, 303} <= set(group.codes) for group in groups)


def test_every_record_has_a_schema_line_for_editors():
    for path in sorted((REPO / "data" / "codes").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../code.schema.json", path.name


def test_published_schema_matches_the_model():
    from generator.schema import SCHEMAS, render

    for filename, (model, title) in SCHEMAS.items():
        committed = (REPO / "data" / filename).read_text(encoding="utf-8")
        assert committed == render(model, title), (
            f"data/{filename} is stale: run python -m generator schema"
        )


# Temporary registrations whose recorded expiry lies before the last commit, each with
# what was done about it. An entry here means someone looked; CI fails for any other.
EXPIRY_CHECKED = {
    104: (
        "2026-12-01: the registry could not be reached from this workplace; the page says "
        "that the recorded expiry date (2026-11-13) has passed and to check the registry"
    ),
}


def test_temporary_registrations_are_checked_again_once_they_expire(real_data):
    last_commit = subprocess.run(
        ["git", "log", "-1", "--format=%cs"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    if not last_commit:
        pytest.fail("no git history: the expiry check needs the last commit's date")
    for rec in registered(real_data):
        spec = rec.specification
        if spec.status == "temporary" and spec.expires.isoformat() < last_commit:
            assert rec.code in EXPIRY_CHECKED, (
                f"{rec.code}'s temporary registration expired on {spec.expires}: check the "
                "IANA registry, update the record, or say in EXPIRY_CHECKED what was done"
            )


def test_every_comparison_url_is_its_codes_joined_by_vs(real_data):
    """One URL scheme for every group: /compare/401-vs-403-vs-404/ (the codes in any
    order, each once); a group renamed keeps its old URL in former_slugs."""
    for slug, group in real_data.comparisons.items():
        assert sorted(slug.split("-vs-")) == sorted(map(str, group.codes)), slug

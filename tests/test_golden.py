"""Golden pages: one page of each kind, rendered from a small fixed data set, compared
byte for byte with the copy in tests/golden/ that a person has read.

A change to a template or to the generator shows here as a diff of the page a reader
would get. When the change is meant, look at the diff, then rewrite the copies with
``UPDATE_GOLDEN=1 python3 -m pytest tests/test_golden.py`` and commit them with it.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest
import yaml
from factory import REAL_DATA, comparison, header, other, record, unofficial, write_dataset

from generator.kinds import KINDS, plan
from generator.loader import load_site
from generator.render import render_all

GOLDEN = Path(__file__).parent / "golden"
SITE_URL = "https://status.example.org/"

GUIDE = {
    "title": "Which status code should I use?",
    "summary": "Answer a question or two and get the code to send.",
    "intro": "Start with what happened to the request.",
    "branches": [
        {
            "title": "The request worked",
            "start": {
                "id": "worked",
                "question": "Is there anything to send back?",
                "answers": [
                    {"answer": "Yes, a body.", "code": 200},
                    {"answer": "No, nothing.", "code": 204, "note": "See [200](/200.md) too."},
                ],
            },
        }
    ],
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("golden")
    records = [
        record(200, related=[204], meaning="A *successful* answer; compare [204](/204.md)."),
        record(204),
        record(
            404,
            related=[200],
            headers=[
                {
                    "name": "Retry-After",
                    "where": "response",
                    "requirement": "should",
                    "condition": "if the page may come back",
                    "purpose": "When to look again.",
                }
            ],
        ),
        unofficial(499),
        unofficial(
            509,
            phrase="Bandwidth Limit Exceeded",
            vendors=[
                {
                    **unofficial(499)["vendors"][0],
                    "vendor": "Shared web hosts",
                    "phrase": "Bandwidth Limit Exceeded",
                    "origin_unclear": True,
                    "seen_by": "client",
                },
                {
                    **unofficial(499)["vendors"][0],
                    "vendor": "A framework",
                    "phrase": "Bandwidth Limit Exceeded",
                    "status": "deprecated",
                    "seen_by": "body",
                },
            ],
        ),
    ]
    data = write_dataset(
        root,
        records,
        {"ok-or-empty": comparison([200, 204])},
        headers=[header("Retry-After", syntax="Retry-After = HTTP-date / delay-seconds")],
        others={"status-0": other("0", related=[200])},
        products=[
            {"name": "nginx", "vendors": ["nginx"], "other": ["status-0"], "checks": ["The log."]}
        ],
    )
    (data / "guide.yaml").write_text(yaml.safe_dump(GUIDE, sort_keys=False), encoding="utf-8")
    # The framework snippets: the real frameworks, parameters for these records.
    shutil.copytree(REAL_DATA / "frameworks", data / "frameworks")
    params = {"codes": {"200": {"body": {"id": 42}}, "204": {"method": "DELETE"}, "404": {}}}
    (data / "snippets.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    site = load_site(data)
    return render_all(site, plan(site), SITE_URL)


# One page of every kind, and an unofficial code page besides.
SOURCES = {
    "home": "index.md",
    "all_codes": "codes.md",
    "cheat_sheet": "cheat-sheet.md",
    "guide": "guide.md",
    "shared_numbers": "shared-numbers.md",
    "vendors": "vendors.md",
    "other_index": "other/index.md",
    "other": "other/status-0.md",
    "cors": "cors.md",
    "class": "2xx.md",
    "code": "200.md",
    "frameworks": "200/frameworks.md",
    "compare_index": "compare/index.md",
    "comparison": "compare/ok-or-empty.md",
    "api": "api.md",
    "headers_index": "headers/index.md",
    "header_matrix": "headers/status-matrix.md",
    "header": "headers/retry-after.md",
}


def test_every_kind_has_a_golden_page():
    assert set(SOURCES) == set(KINDS)


@pytest.mark.parametrize("src", [*SOURCES.values(), "404.md", "499.md", "509.md"])
def test_page_matches_its_golden_copy(pages, src):
    golden = GOLDEN / (src.replace("/", "__"))
    actual = pages[src]
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"golden/{golden.name}",
                "rendered",
            )
        )
        pytest.fail(f"{src} differs from its golden copy:\n{diff}")

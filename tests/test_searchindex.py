"""The search index the site ships, and the relevance suite that measures it.

Fast tests: generator/searchindex.py on a small index, and the suite's own shape. The
ranking itself is measured in Chromium (tests/test_search.py).
"""

from __future__ import annotations

from pathlib import Path

import search_cases
import search_heldout
import search_suite
from sitebuild import REPO

from generator.kinds import plan
from generator.loader import load_site
from generator.searchindex import Entry, tune


def _material_index() -> dict:
    """What Material's search plugin writes: a top entry and section entries per page."""
    return {
        "config": {"fields": {"names": {"boost": 100}, "tags": {"boost": 1000000.0}}},
        "docs": [
            {
                "location": "429/",
                "title": "429 Too Many Requests",
                "text": "<p>long</p>",
                "tags": ["rate limit"],
            },
            {
                "location": "429/#meaning",
                "title": "Meaning",
                "text": "<p>every paragraph</p>",
                "tags": ["rate limit"],
            },
            {"location": "about/", "title": "CORS", "text": "<p>intro</p>"},
            {"location": "about/#preflight", "title": "Preflight", "text": "<p>rules</p>"},
        ],
    }


def _entry_429() -> Entry:
    return Entry(
        "Too many requests & slow down.",
        {"names": ["429"], "phrasings": []},
        title="429 Too Many Requests",
        tags=["rate limit"],
        boost=2.0,
    )


def test_a_generated_page_is_one_entry_of_what_people_search_with():
    index = tune(_material_index(), {"429/": _entry_429()})
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert "429/#meaning" not in docs
    top = docs["429/"]
    assert top["title"] == "429 Too Many Requests"
    # Material shows the text as HTML: the record's plain text arrives escaped.
    assert top["text"] == "Too many requests &amp; slow down."
    assert top["names"] == ["429"]
    assert "phrasings" not in top  # an empty field is left out
    assert top["tags"] == ["rate limit"]  # the chips stay for display
    assert top["boost"] == 2.0
    # ...and are not indexed, at Material's boost of a million or at all.
    assert "tags" not in index["config"]["fields"]


def test_a_generated_page_skipped_by_material_gets_its_entry_in_build_order():
    """The build tells Material to skip generated pages: the entry is made from the
    records alone, and sits where the page came in the build, between hand-written ones."""
    material = {
        "config": {"fields": {}},
        "docs": [
            {"location": "about/", "title": "About", "text": "<p>intro</p>"},
            {"location": "about/#sources", "title": "Sources", "text": "<p>rfc</p>"},
            {"location": "api-notes/", "title": "API notes", "text": "<p>json</p>"},
        ],
    }
    index = tune(material, {"429/": _entry_429()}, order=["about/", "429/", "api-notes/"])
    assert [doc["location"] for doc in index["docs"]] == [
        "about/",
        "about/#sources",
        "429/",
        "api-notes/",
    ]
    assert index["docs"][2]["names"] == ["429"]


def test_a_hand_written_page_keeps_its_sections():
    index = tune(_material_index(), {})
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert docs["about/#preflight"]["text"] == "<p>rules</p>"


def test_every_code_shows_at_most_three_chips():
    pages = plan(load_site(REPO / "data"))
    assert all(len(page.search_terms) <= 3 for page in pages)


def test_the_suite_is_large_with_a_third_held_out_and_no_query_in_both():
    tuning = {query.lower() for _, query, _ in search_suite.CASES}
    held_out = {query.lower() for _, query, _ in search_heldout.CASES}
    assert len(tuning) == len(search_suite.CASES)
    assert len(held_out) == len(search_heldout.CASES)
    assert len(tuning) + len(held_out) >= 250
    assert 0.3 <= len(held_out) / (len(tuning) + len(held_out)) <= 0.4
    assert not (tuning & held_out)


def test_every_acceptable_result_is_a_page_of_the_site():
    site = load_site(REPO / "data")
    urls = {page.url for page in plan(site)}
    docs = REPO / "docs"
    urls |= {
        Path(p.relative_to(docs)).with_suffix("").as_posix() + "/"
        for p in docs.rglob("*.md")
        if p.name != "index.md"
    }
    for cases in (search_cases.CASES, search_suite.CASES, search_heldout.CASES):
        for _, query, acceptable in cases:
            acceptable = (acceptable,) if isinstance(acceptable, str) else acceptable
            assert set(acceptable) <= urls, (query, set(acceptable) - urls)

"""Finding codes from what people type (generator.lookup), on the real records."""

from __future__ import annotations

import pytest
from search_cases import CASES

from generator.lookup import find, rank, words
from generator.model import CodeRecord


def first(site, query: str) -> int:
    matches = rank(site, query)
    assert matches, f"nothing found for {query!r}"
    return matches[0].record.code


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("too many requests", 429),
        ("teapot", 418),
        ("rate limit", 429),
        ("moved permanently", 301),
        ("gateway timeout", 504),
        ("Too Many Requests", 429),
        ("I\u2019m a teapot", 418),  # a typographic apostrophe
        ("http 429 error", 429),
        ("not found", 404),
        ("enhance your calm", 420),
        ("client closed request", 499),
        ("connection timed out", 522),
    ],
)
def test_words_find_the_code_people_mean(real_data, query, code):
    assert first(real_data, query) == code


@pytest.mark.parametrize(
    ("kind", "query", "page"), [c for c in CASES if c[0] != "number"], ids=lambda v: str(v)
)
def test_the_sites_relevance_suite_ranks_the_same_code_first(real_data, kind, query, page):
    """The words the site's search must answer (tests/search_cases.py) find the same code
    first here: the lookup ranks the terms the search indexes."""
    assert f"{first(real_data, query)}/" == page


def test_rate_limit_lists_the_vendor_code_after_the_registered_one(real_data):
    codes = [m.record.code for m in rank(real_data, "rate limit")]
    assert codes[:2] == [429, 420]


def test_a_header_name_finds_the_codes_that_use_it(real_data):
    codes = [m.record.code for m in rank(real_data, "WWW-Authenticate")]
    assert codes[0] == 401
    assert "headers" in rank(real_data, "WWW-Authenticate")[0].fields


def test_words_no_code_has_find_nothing(real_data):
    assert rank(real_data, "xyzzy plugh") == []
    found = find(real_data, "xyzzy")
    assert found.records == () and found.suggestion is None


def test_a_typo_gets_a_suggestion_that_finds_something(real_data):
    found = find(real_data, "teapto")
    assert found.records == ()
    assert found.suggestion == "teapot"


def test_most_of_the_words_are_enough_when_no_code_has_all(real_data):
    found = find(real_data, "gateway timeout banana")
    assert found.partial
    assert found.records[0].code == 504


@pytest.mark.parametrize(
    ("query", "kind", "codes"),
    [
        ("429", "code", [429]),
        (" 404 ", "code", [404]),
        ("427", "not-a-code", []),
        ("4290", "not-a-code", []),
        ("600", "not-a-code", []),
    ],
)
def test_numbers(real_data, query, kind, codes):
    found = find(real_data, query)
    assert found.kind == kind
    assert [r.code for r in found.records] == codes


def test_a_missing_code_names_its_neighbours(real_data):
    found = find(real_data, "427")
    assert 429 in found.near and 428 in found.near
    assert all(str(c).startswith("42") for c in found.near)


def test_a_prefix_names_every_code_it_begins_in_order(real_data):
    found = find(real_data, "42")
    assert found.kind == "prefix"
    expected = sorted(c for c in real_data.codes if str(c).startswith("42"))
    assert [r.code for r in found.records] == expected
    assert 429 in expected and 420 in expected


def test_a_class_lists_registered_codes_first(real_data):
    found = find(real_data, "4XX")
    assert found.kind == "class" and found.digit == 4
    codes = [r.code for r in found.records]
    assert sorted(codes) == sorted(c for c in real_data.codes if 400 <= c < 500)
    registered = [r.registered for r in found.records]
    assert registered == sorted(registered, reverse=True)


def test_phrasings_count_when_records_carry_them(real_data, monkeypatch):
    """What people say for a code (the phrasings field the site's search adds) finds it."""
    said = "the hamster wheel stopped"
    assert rank(real_data, said) == []
    monkeypatch.setattr(
        CodeRecord,
        "phrasings",
        property(lambda r: [said] if r.code == 503 else []),
        raising=False,
    )
    assert [m.record.code for m in rank(real_data, said)] == [503]
    assert rank(real_data, said)[0].fields == ("phrasings",)


def test_words_are_read_as_people_write_them():
    assert words("I'm a teapot") == ("im", "a", "teapot")
    assert words("Request-URI Too Long") == ("request", "uri", "too", "long")

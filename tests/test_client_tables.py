"""The "How clients react" tables: the data is validated with file and field, the pages
show the table with the right rows, and the JSON API carries the same cells."""

from __future__ import annotations

import json

import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import SITE_URL
from factory import write_dataset, write_yaml
from pagetext import headings, section

from generator import api
from generator.loader import load_site
from generator.pages import code_pages
from generator.problems import DataError
from generator.render import render_all

ROWS = [
    "Chromium, navigation",
    "Chromium, fetch()",
    "curl",
    "curl -L",
    "Python requests",
    "Python httpx",
    "Python urllib3",
    "Node.js fetch() (undici)",
    "axios (Node.js)",
    "Go net/http Client",
    "Java HttpClient",
    ".NET HttpClient",
]


def table_of(site, code: int) -> BeautifulSoup | None:
    """The client table of a code's page, as a reader's browser parses it."""
    pages = [p for p in code_pages(site) if p.src == f"{code}.md"]
    body = render_all(site, pages, SITE_URL)[f"{code}.md"]
    if "How clients react" not in headings(body):
        return None
    return section(body, "How clients react")


def rows(table: BeautifulSoup) -> dict[str, list[str]]:
    found = {}
    for tr in table.find("tbody").find_all("tr"):
        head = tr.find("th")
        name = head.contents[0].strip() if head.contents else ""
        found[name] = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
    return found


def columns(table: BeautifulSoup) -> list[str]:
    return [th.get_text(strip=True) for th in table.find("thead").find_all("th")]


# --------------------------------------------------------------------------- pages


def test_301_table_shows_every_client_and_the_redirect_columns(real_data):
    table = table_of(real_data, 301)
    assert table is not None
    assert columns(table) == [
        "Client",
        "What it does",
        "POST becomes",
        "Request body",
        "Authorization, same host",
        "Authorization, other host",
    ]
    found = rows(table)
    assert list(found) == ROWS
    # curl without -L hands the 301 back; with -L it turns the POST into a GET.
    assert found["curl"][0] == "Returns it to the caller measured, 7.88.1"
    assert found["curl -L"][1] == "GET measured, 7.88.1"
    # Cited rows link their source; unchecked cells say so.
    dotnet = table.find("th", string=".NET HttpClient").parent
    assert dotnet.find("a")["href"].startswith("https://github.com/dotnet/runtime/blob/")
    java_cells = found["Java HttpClient"]
    assert java_cells[0].startswith("Returns it to the caller cited: source")
    assert found["Chromium, navigation"][3] == "Not verified"


def test_429_table_has_retry_columns_and_urllib3_waits(real_data):
    table = table_of(real_data, 429)
    assert columns(table) == ["Client", "What it does", "Retries on its own", "Honours Retry-After"]
    found = rows(table)
    assert list(found) == ROWS
    assert found["Python urllib3"][1].startswith("Yes")
    assert found["Python urllib3"][2].startswith("Yes: waits before retrying")
    assert found["axios (Node.js)"][0].startswith("Fails with an error")
    assert found["Python requests"][1].startswith("No")


def test_304_table_says_who_caches(real_data):
    table = table_of(real_data, 304)
    assert columns(table)[:3] == ["Client", "What it does", "Caches and revalidates"]
    found = rows(table)
    assert list(found) == ROWS
    assert found["Chromium, fetch()"][1].startswith("Yes: revalidates with If-None-Match")
    assert found["Python requests"][1].startswith("No cache")


def test_codes_without_client_data_have_no_section(real_data):
    assert table_of(real_data, 202) is None


# --------------------------------------------------------------------------- API


def test_api_document_of_301_carries_the_client_table(real_data):
    files = api.api_files(real_data, SITE_URL)
    document = json.loads(files[api.code_path(301)])
    schema = json.loads(files[api.schema_path("code.schema.json")])
    jsonschema.Draft202012Validator(schema).validate(document)
    clients = document["clients"]
    assert [row["name"] for row in clients["rows"]] == ROWS
    curl = next(row for row in clients["rows"] if row["client"] == "curl-follow")
    assert curl["cells"]["method"] == {
        "how": "measured",
        "value": "GET",
        "text": "GET",
        "version": "7.88.1",
        "source": None,
    }
    assert "Authorization" in clients["scenario"]
    assert json.loads(files[api.code_path(202)])["clients"] is None


# --------------------------------------------------------------------------- data

CLIENTS = [
    {"id": "curl", "name": "curl", "version": "7.88.1"},
    {"id": "go", "name": "Go net/http Client"},
]


def dataset(tmp_path, codes: list[dict], clients=CLIENTS):
    data = write_dataset(tmp_path)
    write_yaml(data / "clients.yaml", {"clients": clients, "codes": codes})
    return data


def table(cells: dict, code: int = 204) -> dict:
    return {"code": code, "scenario": "The server sent it.", "cells": cells}


def problems(data) -> list[str]:
    with pytest.raises(DataError) as info:
        load_site(data)
    return [str(p) for p in info.value.problems]


GOOD = {
    "curl": {"result": {"measured": "returns"}},
    "go": {"result": "not verified"},
}


def test_a_valid_client_table_loads_and_reaches_the_page(tmp_path):
    site = load_site(dataset(tmp_path, [table(GOOD)]))
    found = rows(table_of(site, 204))
    assert found == {
        "curl": ["Returns it to the caller measured, 7.88.1"],
        "Go net/http Client": ["Not verified"],
    }


def test_a_value_outside_the_column_is_refused_with_file_and_field(tmp_path):
    cells = {**GOOD, "curl": {"result": {"measured": "explodes"}}}
    (problem,) = problems(dataset(tmp_path, [table(cells)]))
    assert problem.startswith("data/clients.yaml:")
    assert "codes[0].cells.curl.result.measured" in problem
    assert "'explodes' is not a value of result" in problem


def test_a_bare_yaml_no_is_refused_not_read_as_false(tmp_path):
    data = write_dataset(tmp_path)
    (data / "clients.yaml").write_text(
        "clients:\n  - {id: curl, name: curl, version: '7.88.1'}\n"
        "codes:\n  - code: 204\n    scenario: The server sent it.\n    cells:\n"
        "      curl:\n        retries: {measured: no}\n",
        encoding="utf-8",
    )
    (problem,) = problems(data)
    assert problem.startswith("data/clients.yaml:8: codes[0].cells.curl.retries")
    assert "boolean" in problem


def test_a_cited_cell_needs_a_source_url(tmp_path):
    cells = {**GOOD, "go": {"result": {"cited": "returns", "source": "javascript:alert(1)"}}}
    (problem,) = problems(dataset(tmp_path, [table(cells)]))
    assert "codes[0].cells.go.result" in problem and "source" in problem


def test_measured_needs_a_client_version(tmp_path):
    cells = {**GOOD, "go": {"result": {"measured": "returns"}}}
    (problem,) = problems(dataset(tmp_path, [table(cells)]))
    assert "codes[0].cells.go.result.measured" in problem
    assert "has no version" in problem


def test_every_client_needs_a_row_and_every_row_the_same_columns(tmp_path):
    cells = {"curl": {"result": {"measured": "returns"}, "retries": {"measured": "no"}}}
    found = problems(dataset(tmp_path, [table(cells)]))
    assert any("codes[0].cells: no row for go" in p for p in found)
    cells = {**GOOD, "curl": {"result": {"measured": "returns"}, "retries": {"measured": "no"}}}
    (problem,) = problems(dataset(tmp_path, [table(cells)]))
    assert "codes[0].cells.go: no cell for retries" in problem


def test_unknown_client_and_code_without_record_are_refused(tmp_path):
    cells = {**GOOD, "lynx": {"result": "not verified"}}
    found = problems(dataset(tmp_path, [table(cells, code=302)]))
    assert any("codes[0].code: 302 has no record" in p for p in found)
    assert any("codes[0].cells.lynx: unknown client 'lynx'" in p for p in found)


def test_client_names_are_printed_as_text(tmp_path):
    hostile = [{"id": "curl", "name": "<img src=x onerror=alert(1)>", "version": "1"}]
    cells = {"curl": {"result": {"measured": "returns"}}}
    site = load_site(dataset(tmp_path, [table(cells)], clients=hostile))
    found = table_of(site, 204)
    assert found.find("img") is None
    assert "<img src=x onerror=alert(1)>" in found.find("tbody").get_text()

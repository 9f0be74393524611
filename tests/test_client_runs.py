"""The measured cells of data/clients.yaml are re-measured: every client runs against the
loopback test server (tests/clientlab), and a run that disagrees with the data fails,
naming the client, the code and the column."""

from __future__ import annotations

import os
from importlib.metadata import version

import pytest
from clientlab import runners
from clientlab.measure import MEASURED_CLIENTS, measure, versions

from generator.clients import Measured

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _require(path: str | None, package: str) -> None:
    """Skipped locally without the program; a failure under CI (.ci/run installs it)."""
    if path is None:
        message = f"no {package}: apt-get install -y {package}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def run(browser):
    _require(runners.curl_path(), "curl")
    _require(runners.node_path(), "nodejs")
    table, seconds = measure(browser)
    return table, seconds, versions(browser)


def measured_cells(data):
    for reactions in data.codes:
        for client, row in reactions.cells.items():
            for column, cell in row.items():
                yield client, reactions.code, column, cell


def test_every_measured_cell_matches_a_fresh_run(run, real_data):
    table, _, _ = run
    wrong = []
    for client, code, column, cell in measured_cells(real_data.clients):
        if not isinstance(cell, Measured):
            continue
        got = table.get(client, {}).get(code, {}).get(column)
        if got != cell.measured:
            wrong.append(f"{client} on {code}, {column}: data says {cell.measured!r}, ran {got!r}")
    assert not wrong, "\n".join(wrong)


def test_what_the_run_measures_is_recorded_as_measured(run, real_data):
    """A cell the harness can measure is not left 'not verified' or merely cited."""
    table, _, _ = run
    data = real_data.clients
    missing = []
    for client in MEASURED_CLIENTS:
        for code, found in table.get(client, {}).items():
            reactions = data.of(code)
            assert reactions is not None, f"{code} is measured but has no table in the data"
            for column, value in found.items():
                cell = reactions.cells.get(client, {}).get(column)
                if not isinstance(cell, Measured):
                    missing.append(f"{client} on {code}, {column}: ran {value!r}, data {cell!r}")
    assert not missing, "\n".join(missing)


def test_pinned_clients_are_the_versions_the_data_names(run, real_data):
    """requests, httpx, urllib3 (constraints.txt) and axios (package-lock.json) are pinned:
    an upgrade must come with a fresh measurement. System programs (Chromium, curl, Node)
    come from Debian; their cells are compared above, whatever the version."""
    _, _, found = run
    recorded = {c.id: c.version for c in real_data.clients.clients}
    for client in ("requests", "httpx", "urllib3", "axios"):
        assert recorded[client] == found[client], client
    assert found["requests"] == version("requests")

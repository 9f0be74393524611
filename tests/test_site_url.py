"""A build without SITE_URL says once that its absolute URLs point at the placeholder."""

from __future__ import annotations

import logging

import pytest
from factory import record, write_dataset
from sitebuild import build

from generator.hook import site_url_note
from generator.urls import DEFAULT_SITE_URL

NOTE = "SITE_URL is not set: canonical URLs, the sitemap and JSON-LD point at the placeholder"


@pytest.mark.build
def test_a_strict_build_without_site_url_notes_it_once_and_passes(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    data = write_dataset(tmp_path, [record(200), record(204), record(404)])
    result = build(tmp_path / "site", data=data)
    assert result.returncode == 0, result.output
    assert result.output.count(NOTE) == 1
    result = build(tmp_path / "again", data=data, site_url="https://status.example.org/")
    assert result.returncode == 0, result.output
    assert NOTE not in result.output


def test_only_publishing_the_placeholder_is_a_warning():
    level, message = site_url_note("gh-deploy", DEFAULT_SITE_URL)
    assert level == logging.WARNING and message.startswith(NOTE)
    assert site_url_note("build", DEFAULT_SITE_URL)[0] == logging.INFO
    assert site_url_note("serve", DEFAULT_SITE_URL) is None  # a local preview
    assert site_url_note("build", "https://status.example.org/") is None
    assert site_url_note("gh-deploy", "https://status.example.org/") is None

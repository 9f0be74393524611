"""The static JSON API: valid against its published schemas, complete, and in step."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlparse

import jsonschema
import pytest
from conftest import SITE_URL
from factory import record, write_dataset
from sitebuild import REPO, build

from generator.loader import load_site

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def api(real_site):
    return real_site.site / "api" / "v1"


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def validator(api, name):
    schema = load(api / name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_index_validates_and_lists_exactly_the_records(api):
    index = load(api / "codes.json")
    validator(api, "codes.schema.json").validate(index)
    codes = [entry["code"] for entry in index["codes"]]
    assert codes == sorted(load_site(REPO / "data").codes)
    assert index["count"] == len(codes)


def test_one_file_per_record_each_valid(api):
    full = validator(api, "code.schema.json")
    record_only = validator(api, "schema.json")
    files = sorted(p.stem for p in (api / "codes").glob("*.json"))
    assert files == [str(c) for c in sorted(load_site(REPO / "data").codes)]
    for name in files:
        data = load(api / "codes" / f"{name}.json")
        full.validate(data)
        record_only.validate(data["record"])
        assert data["url"] == f"{SITE_URL}{name}/"


def test_comparisons_and_guide_validate(api):
    validator(api, "comparisons.schema.json").validate(load(api / "comparisons.json"))
    validator(api, "guide.schema.json").validate(load(api / "guide.json"))
    groups = load(api / "comparisons.json")["comparisons"]
    assert len(groups) >= 14


def test_the_record_schema_is_the_one_editors_use(api):
    assert (api / "schema.json").read_text() == (REPO / "data" / "code.schema.json").read_text()


def test_an_invalid_record_fails_the_published_schema(api):
    data = load(api / "codes" / "404.json")["record"]
    data["phrase"] = 404
    with pytest.raises(jsonschema.ValidationError):
        validator(api, "schema.json").validate(data)


def test_fields_people_rely_on(api):
    entry = next(e for e in load(api / "codes.json")["codes"] if e["code"] == 413)
    assert entry["phrase"] == "Content Too Large"
    assert entry["class"] == "4xx"
    assert "Payload Too Large" in entry["previous_names"]
    assert entry["specification"]["url"].endswith("#section-15.5.14")
    vendor = next(e for e in load(api / "codes.json")["codes"] if e["code"] == 499)
    assert vendor["registered"] is False and vendor["status"] is None
    assert "nginx" in vendor["vendors"]


def test_api_page_examples_name_files_that_exist(real_site):
    soup = real_site.html("/api/")
    links = {urljoin(SITE_URL + "api/", a["href"]) for a in soup.select("article a[href]")}
    named = {urlparse(u).path.lstrip("/") for u in links if u.endswith(".json")}
    for block in soup.select("article pre"):
        named |= set(re.findall(r"api/v1/[\w/.-]+\.json", block.get_text()))
    assert len(named) >= 8
    for path in named:
        assert (real_site.site / path).is_file(), path


def test_a_record_change_shows_in_its_page_and_its_json(tmp_path):
    changed = record(404, summary="A freshly edited summary for 404.")
    data = write_dataset(tmp_path, [record(200), record(204), changed])
    result = build(tmp_path / "site", data=data)
    assert result.returncode == 0, result.output
    page = result.html("/404/")
    assert page.find("meta", attrs={"name": "description"})["content"] == changed["summary"]
    api_file = load(tmp_path / "site" / "api" / "v1" / "codes" / "404.json")
    assert api_file["record"]["summary"] == changed["summary"]
    index = load(tmp_path / "site" / "api" / "v1" / "codes.json")
    assert [e["summary"] for e in index["codes"] if e["code"] == 404] == [changed["summary"]]

"""Header pages: every field a code page names has one, code pages link to it, and what
it says of each code is what the code records and the RFC rules say."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from factory import header, record, write_dataset

from generator import headers
from generator.kinds import plan
from generator.loader import load_site
from generator.pages import header_src
from generator.problems import DataError

# The field definitions of RFC 9110, 9111 and 9112 (the rule of each, whitespace
# collapsed), taken from the RFC text: what every record's `syntax` must equal.
RFC_ABNF = json.loads((Path(__file__).parent / "rfc_field_abnf.json").read_text())


def test_every_header_a_code_page_names_has_a_page(real_data):
    planned = {page.src for page in plan(real_data)}
    named = headers.named(real_data)
    assert len(named) >= 18
    missing = [name for name in named.values() if header_src(name) not in planned]
    assert missing == []
    for name in ("Retry-After", "Location", "WWW-Authenticate", "Proxy-Authenticate", "Allow"):
        assert header_src(name) in planned


def test_a_code_naming_a_field_without_a_record_is_refused(tmp_path):
    use = {"name": "X-Made-Up", "where": "response", "requirement": "may", "purpose": "None."}
    data = write_dataset(
        tmp_path,
        [record(200), record(204), record(404, headers=[use])],
        headers=[header("Retry-After")],
    )
    with pytest.raises(DataError) as info:
        load_site(data)
    (problem,) = info.value.problems
    assert re.match(
        r"^data/codes/404\.yaml:\d+: headers\[0\]\.name: X-Made-Up has no", str(problem)
    )
    assert "data/headers/x-made-up.yaml" in str(problem)


def test_location_on_201_is_a_should_under_its_condition_not_a_must(real_data):
    """RFC 9110 section 9.3.3: a POST that creates a resource SHOULD get a 201 with Location;
    section 15.3.2 lets a 201 without Location mean the target URI. No MUST anywhere."""
    levels = headers.by_level(real_data, "Location")
    assert 201 not in [code for code, _ in levels["must"]]
    (use,) = [use for code, use in levels["should"] if code == 201]
    assert use.condition == "when a POST created the resource"
    (moved,) = [use for code, use in levels["should"] if code == 301]
    assert moved.condition is None


def test_www_authenticate_is_a_must_on_401_and_proxy_authenticate_on_407(real_data):
    assert 401 in [code for code, _ in headers.by_level(real_data, "WWW-Authenticate")["must"]]
    assert 407 in [code for code, _ in headers.by_level(real_data, "Proxy-Authenticate")["must"]]
    assert 405 in [code for code, _ in headers.by_level(real_data, "Allow")["must"]]


def test_the_syntax_shown_is_the_rfcs(real_data):
    checked = 0
    for header_record in real_data.headers.values():
        definition = header_record.defined_in
        if header_record.syntax is None:
            continue
        rules = RFC_ABNF.get(definition.document, {})
        assert header_record.name in rules, (header_record.name, definition.document)
        shown = re.sub(r"\s+", " ", header_record.syntax).strip()
        assert shown == rules[header_record.name], header_record.name
        checked += 1
    assert checked >= 30
    for name in ("Retry-After", "Location", "Allow", "Content-Range", "Cache-Control", "Vary"):
        assert real_data.headers[name.lower()].syntax is not None, name


def test_the_matrix_shows_every_must_with_its_condition(real_data):
    table = dict(headers.matrix(real_data))
    (www,) = [u for u in table[401]["must"] if u.name == "WWW-Authenticate"]
    assert www.condition is None
    (content_range,) = [u for u in table[206]["must"] if u.name == "Content-Range"]
    assert content_range.condition == "single-part responses only"
    assert "Location" in [u.name for u in table[201]["should"]]
    for code, record_ in real_data.codes.items():
        for use in headers.must_send(record_):
            assert use in table[code]["must"], (code, use.name)


# --------------------------------------------------------------------------- the build


def _resolve(page_url: str, href: str) -> str:
    return urljoin(page_url, href)


@pytest.mark.build
def test_field_names_on_401_link_to_the_www_authenticate_page(real_site):
    soup = real_site.html("/401/")
    article = soup.find("article")
    glance = article.find("section", class_="glance")
    table = article.find(id="headers").find_next("table")
    for where in (glance, table):
        links = [a for a in where.find_all("a") if a.get_text() == "WWW-Authenticate"]
        assert links, where.name
        for link in links:
            target = _resolve("https://x.example/401/", link["href"])
            assert target == "https://x.example/headers/www-authenticate/"
    page = real_site.html("/headers/www-authenticate/")
    assert page.find("h1").get_text(strip=True).startswith("WWW-Authenticate")


@pytest.mark.build
def test_every_header_link_on_every_code_page_resolves(real_site):
    for path in real_site.site.glob("[1-5][0-9][0-9]/index.html"):
        page = "https://x.example/" + path.parent.name + "/"
        soup = real_site.html(path.parent.name)
        for link in soup.find("article").find_all("a", href=re.compile(r"headers/")):
            target = _resolve(page, link["href"]).removeprefix("https://x.example/")
            assert (real_site.site / target / "index.html").is_file(), (page, link["href"])


@pytest.mark.build
def test_the_location_page_lists_201_under_should_with_its_condition(real_site):
    soup = real_site.html("/headers/location/")
    must = soup.find(id="must")
    if must is not None:
        assert "201 Created" not in must.find_next("table").get_text()
    rows = soup.find(id="should").find_next("table").find_all("tr")
    (row,) = [r for r in rows if "201 Created" in r.get_text()]
    assert "SHOULD (when a POST created the resource)" in row.get_text()


@pytest.mark.build
def test_the_header_api_lists_the_derived_uses(real_site):
    api = real_site.site / "api" / "v1"
    index = json.loads((api / "headers.json").read_text())
    assert index["count"] == len(index["headers"]) >= 18
    location = json.loads((api / "headers" / "location.json").read_text())
    (use,) = [u for u in location["uses"] if u["code"] == 201]
    assert (use["requirement"], use["condition"]) == ("should", "when a POST created the resource")
    assert location["record"]["name"] == "Location"

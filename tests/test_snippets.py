"""The framework snippets: every Python and JavaScript one the pages publish runs with its
framework's own test client and sends the status, header fields and body it claims.

The text run is the text the page prints (generator.snippets renders both), so a snippet
that does not work cannot reach a page. One process per language keeps this cheap: the
Python frameworks run in this one, Express in a single Node process for all codes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import types
from importlib.metadata import version

import pytest
from sitebuild import REPO

from generator import snippets


def _need(module: str) -> None:
    """The test dependencies ([test] extra, npm devDependencies) must be installed."""
    try:
        __import__(module)
    except ImportError as error:
        message = f"{module} is missing ({error}): install the test dependencies (see README)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def published(site, framework: str) -> list[snippets.Snippet]:
    return [s for s in snippets.all_snippets(site) if s.framework == framework]


def assert_sends(snippet, status: int, headers, body: bytes | str) -> None:
    """What the page claims: the status, each header field with its value, a body or none."""
    where = f"{snippet.framework} snippet for {snippet.code}"
    assert status == snippet.code, f"{where}: sent {status}"
    for name, value in snippet.headers:
        assert headers.get(name) == value, f"{where}: {name} is {headers.get(name)!r}"
    if snippet.has_body:
        assert len(body) > 0, f"{where}: sent no body"
    elif snippet.has_body is False:
        assert len(body) == 0, f"{where}: sent a body of {len(body)} bytes"
    if snippet.body_kind == "problem":
        content_type = headers.get("Content-Type") or ""
        assert content_type.startswith("application/problem+json"), f"{where}: {content_type}"
        assert json.loads(body)["status"] == snippet.code, where


def load(snippet) -> dict:
    namespace: dict = {"__name__": f"snippet_{snippet.framework}_{snippet.code}"}
    exec(compile(snippet.text, namespace["__name__"], "exec"), namespace)
    return namespace


# --------------------------------------------------------------------------- Python


def test_every_fastapi_snippet_sends_what_the_page_claims(real_data):
    _need("fastapi")
    from fastapi.testclient import TestClient

    runs = published(real_data, "fastapi")
    assert len(runs) >= 50
    for snippet in runs:
        client = TestClient(load(snippet)["app"])
        response = client.request(snippet.method, "/example", follow_redirects=False)
        assert_sends(snippet, response.status_code, response.headers, response.content)


def test_every_flask_snippet_sends_what_the_page_claims(real_data):
    _need("flask")
    runs = published(real_data, "flask")
    assert len(runs) >= 50
    for snippet in runs:
        client = load(snippet)["app"].test_client()
        response = client.open("/example", method=snippet.method)
        assert_sends(snippet, response.status_code, response.headers, response.get_data())


@pytest.fixture(scope="module")
def django_settings():
    _need("django")
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            DEBUG=False,
            SECRET_KEY="snippet-tests",
            ALLOWED_HOSTS=["testserver"],
            ROOT_URLCONF="snippet_urls_unset",
            MIDDLEWARE=[],
            INSTALLED_APPS=[],
        )
        django.setup()
    return settings


def test_every_django_snippet_sends_what_the_page_claims(real_data, django_settings):
    from django.test import Client, override_settings

    runs = published(real_data, "django")
    assert len(runs) >= 50
    for snippet in runs:
        module = types.ModuleType(f"snippet_urls_{snippet.code}")
        exec(compile(snippet.text, module.__name__, "exec"), module.__dict__)
        sys.modules[module.__name__] = module
        try:
            with override_settings(ROOT_URLCONF=module.__name__):
                response = Client().generic(snippet.method, "/example")
        finally:
            del sys.modules[module.__name__]
        assert_sends(snippet, response.status_code, response.headers, response.content)


def test_the_versions_the_pages_name_are_the_ones_that_ran(real_data):
    """Each framework's tab says which version its snippets ran with: that must be true."""
    _need("fastapi")
    _need("flask")
    _need("django")
    package = {"fastapi": ["fastapi", "starlette"], "flask": ["flask", "werkzeug"]}
    package["django"] = ["django"]
    for framework, names in package.items():
        shown = real_data.frameworks[framework].version
        for name in names:
            assert f" {version(name)}" in shown, (framework, name, version(name), shown)
    express = json.loads((REPO / "node_modules/express/package.json").read_text())
    supertest = json.loads((REPO / "node_modules/supertest/package.json").read_text())
    shown = real_data.frameworks["express"].version
    assert f"Express {express['version']}" in shown
    assert f"supertest {supertest['version']}" in shown


# --------------------------------------------------------------------------- JavaScript


def test_every_express_snippet_sends_what_the_page_claims(real_data):
    node = shutil.which("node")
    installed = (REPO / "node_modules" / "express").is_dir()
    installed = installed and (REPO / "node_modules" / "supertest").is_dir()
    if node is None or not installed:
        message = "Node.js with express and supertest is missing: run `npm ci` (see README)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    runs = published(real_data, "express")
    assert len(runs) >= 50
    given = [{"code": s.code, "method": s.method, "text": s.text} for s in runs]
    done = subprocess.run(
        [node, str(REPO / "tests" / "run_express_snippets.js")],
        input=json.dumps(given),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = {r["code"]: r for r in json.loads(done.stdout)}
    for snippet in runs:
        result = results[snippet.code]
        assert "error" not in result, f"express snippet for {snippet.code}: {result.get('error')}"
        headers = {name.title(): value for name, value in result["headers"].items()}
        body = result["body"] if isinstance(result["body"], str) else ""
        assert_sends(snippet, result["status"], _Headers(headers), body)


class _Headers(dict):
    """Node's lower-case header names, looked up case-insensitively as HTTP requires."""

    def get(self, name, default=None):
        return {k.lower(): v for k, v in self.items()}.get(name.lower(), default)


# --------------------------------------------------------------------------- the others


TOKEN = {
    # The API names a snippet uses, as each framework's file lists them.
    "go": r"\b(?:http|json)\.[A-Z]\w*|\bw\.\w+(?:\(\)\.\w+)?",
    "java": (
        r"@\w+|\b(?:ResponseEntity|ProblemDetail|URI|Map)\.\w+"
        r"|\.(?:header|location|body|build)\("
    ),
    "csharp": r"\b(?:WebApplication|Results)\.\w+|\bapp\.\w+|\bresponse\.Headers",
    "ruby": r"^\s*(?:headers|render|redirect_to|head)\b",
    "php": r"\bRoute::\w+|\bresponse\(|->\w+\(|\bredirect\(",
}


def _checked_names(framework) -> str:
    return " ".join(api.name for api in framework.apis)


@pytest.mark.parametrize("framework_id", ["go", "spring", "aspnetcore", "rails", "laravel"])
def test_every_api_name_in_a_docs_checked_snippet_is_in_its_checked_list(real_data, framework_id):
    """Snippets that cannot run here use only API names someone looked up (with the URL)."""
    framework = real_data.frameworks[framework_id]
    assert framework.checked_by == "docs"
    listed = _checked_names(framework)
    # Status names come from the records' constants, which the "In code" section shows.
    library = snippets.CONSTANT_LIBRARY.get(framework.language)
    constants = {
        entry.name
        for record in real_data.codes.values()
        for entry in (record.constants.names(library) if library else [])
    }
    used: set[str] = set()
    for snippet in published(real_data, framework_id):
        for line in snippet.text.splitlines():
            for match in re.findall(TOKEN[framework.language], line):
                name = match.strip().rstrip("(").lstrip("->.")
                if name not in constants:
                    used.add(name)
    assert used, framework_id
    unchecked = sorted(name for name in used if name.split(".")[-1] not in listed)
    assert not unchecked, f"{framework_id} uses API names nobody checked: {unchecked}"


# --------------------------------------------------------------------------- where they show


def test_the_json_api_carries_each_code_s_snippets_as_the_page_shows_them(real_data):
    from generator import api

    for code, record in sorted(real_data.codes.items()):
        send = api.code_file(record, "https://status.example.org/", real_data).send
        if not record.registered:
            assert send is None, code
            continue
        tabs = snippets.tabs(real_data, record)
        if not tabs:
            assert send.not_sent and not send.snippets, code
            continue
        assert [s.framework for s in send.snippets] == [t.id for t in tabs], code
        for shown, tab in zip(send.snippets, tabs, strict=True):
            assert shown.text == (tab.snippet.text if tab.snippet else None), (code, tab.id)
            assert shown.reason == tab.reason
    fastapi_429 = api.code_file(real_data.codes[429], "https://x.example/", real_data).send
    assert fastapi_429.headers == {"Retry-After": "120"}
    assert "status_code=HTTPStatus.TOO_MANY_REQUESTS" in fastapi_429.snippets[0].text


@pytest.mark.build
def test_the_page_shows_each_snippet_in_its_own_tab_exactly_as_it_runs(real_site, real_data):
    from bs4 import BeautifulSoup

    for code in (201, 301, 405, 429, 426):
        html = (real_site.site / str(code) / "frameworks" / "index.html").read_text(
            encoding="utf-8"
        )
        section = BeautifulSoup(html, "html.parser").find("article").find(class_="tabbed-set")
        labels = [label.get_text(strip=True) for label in section.select(".tabbed-labels label")]
        tabs = snippets.tabs(real_data, real_data.codes[code])
        assert labels == [t.framework.label for t in tabs], code
        blocks = section.select(".tabbed-content > .tabbed-block")
        assert len(blocks) == len(tabs)
        for block, tab in zip(blocks, tabs, strict=True):
            code_block = block.find("code")
            if tab.snippet is None:
                assert code_block is None and tab.reason in block.get_text(), (code, tab.id)
            else:
                assert code_block.get_text() == tab.snippet.text, (code, tab.id)


@pytest.mark.build
def test_a_code_page_links_its_snippets_page_by_framework(real_site, real_data):
    """The snippets live on /<code>/frameworks/ (a reader needs one framework's): the code
    page's section names every framework and links there, with no script; codes without
    snippets have no such page."""
    import json
    from urllib.parse import urljoin

    sitemap = (real_site.site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((real_site.site / "search" / "search_index.json").read_text("utf-8"))
    indexed = {doc["location"].partition("#")[0] for doc in index["docs"]}
    for code, record in sorted(real_data.codes.items()):
        shown = [t for t in snippets.tabs(real_data, record) if t.snippet]
        page = real_site.site / str(code) / "frameworks" / "index.html"
        if not shown:
            assert not page.exists(), code
            continue
        section = real_site.html(f"/{code}/").find(id="frameworks").find_next("p")
        link = section.find("a")
        target = urljoin(f"https://x.example/{code}/", link["href"])
        assert target == f"https://x.example/{code}/frameworks/", code
        assert page.is_file(), code
        text = section.get_text()
        assert all(t.framework.label in text for t in shown), code
        assert f"/{code}/frameworks/</loc>" in sitemap, code
        # Out of the site search, as the section was: the code page answers a search.
        assert f"{code}/frameworks/" not in indexed, code


# --------------------------------------------------------------------------- bad data


def snippet_dataset(tmp_path, codes: dict, records=None):
    """A small data folder with the real frameworks and the given snippet parameters."""
    import shutil

    import yaml
    from factory import REAL_DATA, record, write_dataset

    data = write_dataset(tmp_path, records or [record(200), record(204), record(429)])
    shutil.copytree(REAL_DATA / "frameworks", data / "frameworks")
    codes = {"200": {"body": {"id": 1}}, "204": {}, **codes}
    (data / "snippets.yaml").write_text(yaml.safe_dump({"codes": codes}), encoding="utf-8")
    return data


def problems_of(data) -> list[str]:
    from generator.loader import load_site
    from generator.problems import DataError

    try:
        load_site(data)
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize(
    "value",
    ['120\\"; import os', "$(reboot)", "#{`reboot`}", "1\n2", " 120", "x" * 61],
)
def test_a_header_value_that_could_escape_a_string_literal_is_refused(tmp_path, value):
    data = snippet_dataset(tmp_path, {"429": {"headers": {"Retry-After": value}}})
    found = problems_of(data)
    assert any(
        p.startswith("data/snippets.yaml:") and "codes.429.headers.Retry-After" in p for p in found
    ), found


def test_quotes_in_a_header_value_stay_inside_the_string_in_every_language(tmp_path):
    """Both quote characters are allowed (challenges need them): each language's literal
    keeps them as text, and the Python snippet really sends the value unchanged."""
    _need("fastapi")
    from fastapi.testclient import TestClient

    from generator.loader import load_site

    value = """Bearer realm="it's", x='"'"""
    data = snippet_dataset(tmp_path, {"429": {"headers": {"Retry-After": value}}})
    site = load_site(data)
    sent = {s.framework: s for s in snippets.all_snippets(site) if s.code == 429}
    response = TestClient(load(sent["fastapi"])["app"]).get("/example")
    assert response.headers["Retry-After"] == value
    assert "\\'" in sent["laravel"].text  # PHP: single-quoted, ' escaped
    assert '\\"' in sent["go"].text  # Go: double-quoted, " escaped


def test_a_missing_required_header_and_a_body_on_204_are_reported_with_file_and_line(
    tmp_path,
):
    from factory import record

    codes = {"204": {"body": "hi"}, "401": {}}
    data = snippet_dataset(tmp_path, codes, [record(200), record(204), record(401)])
    found = problems_of(data)
    assert any(
        p.startswith("data/snippets.yaml:") and "codes.401.headers" in p and "WWW-Authenticate" in p
        for p in found
    ), found
    assert any("codes.204.body" in p and "no content" in p for p in found), found


def test_a_registered_code_without_parameters_is_reported(tmp_path):
    found = problems_of(snippet_dataset(tmp_path, {}))
    assert any("429 has no entry" in p for p in found), found


STATUS_NAME = {
    # How a status constant looks in each language's snippets.
    "python": r"\bHTTPStatus\.[A-Z_]+",
    "go": r"\bhttp\.Status[A-Za-z]+",
    "java": r"\bHttpStatus\.[A-Z_0-9]+",
    "csharp": r"\bStatusCodes\.Status\d{3}\w+",
    "ruby": r"(?<![\w:]):[a-z_]+\b",
}


def test_a_snippet_names_its_status_as_the_in_code_section_does(real_data):
    """The two sections never disagree: a status constant in a snippet is the record's own
    constant for that language, one that exists in every supported version."""
    for snippet in snippets.all_snippets(real_data):
        framework = real_data.frameworks[snippet.framework]
        pattern = STATUS_NAME.get(framework.language)
        if pattern is None:
            continue
        record = real_data.codes[snippet.code]
        library = snippets.CONSTANT_LIBRARY[framework.language]
        allowed = {
            entry.name
            for entry in record.constants.names(library)
            if entry.since is None and entry.deprecated is None
        }
        text = snippet.text
        if framework.language == "ruby":  # keyword arguments are not status symbols
            text = "\n".join(re.findall(r"(?:status:|head)\s+(\S+)", text))
        for name in re.findall(pattern, text):
            assert name in allowed, (snippet.framework, snippet.code, name, allowed)
        if not allowed:
            assert str(snippet.code) in snippet.text, (snippet.framework, snippet.code)


def test_every_python_snippet_is_clean_for_a_linter(real_data, tmp_path):
    """Copied into a project, a snippet raises no pyflakes or pycodestyle finding
    (an unused import, an undefined name, a line too long)."""
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is missing: install the test dependencies (see README)")
    for snippet in snippets.all_snippets(real_data):
        if real_data.frameworks[snippet.framework].language == "python":
            name = f"{snippet.framework}_{snippet.code}.py"
            (tmp_path / name).write_text(snippet.text, encoding="utf-8")
    assert len(list(tmp_path.glob("*.py"))) >= 150
    done = subprocess.run(
        [ruff, "check", "--isolated", "--select", "E,F,W,I", "--line-length", "79", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout


def test_an_edited_snippet_template_makes_its_snippets_again(real_data, tmp_path, monkeypatch):
    """Snippets are made once per record and template; serve watches the templates, so an
    edit must show on the next rebuild."""
    copy = tmp_path / "snippets"
    shutil.copytree(snippets.TEMPLATES, copy)
    monkeypatch.setattr(snippets, "TEMPLATES", copy)
    monkeypatch.setattr(snippets, "_ENV", snippets._environment())
    record = real_data.codes[429]
    (before,) = [t.snippet for t in snippets.tabs(real_data, record) if t.id == "flask"]
    template = copy / "flask.j2"
    template.write_text("# edited in a test\n" + template.read_text(encoding="utf-8"))
    os.utime(template, ns=(template.stat().st_mtime_ns + 10**9,) * 2)
    (after,) = [t.snippet for t in snippets.tabs(real_data, record) if t.id == "flask"]
    assert "edited in a test" not in before.text
    assert after.text.startswith("# edited in a test")

"""Nothing a record contains can break out of the page.

Two layers are tested. Validation lets quotes, ampersands, non-ASCII and markup inside
code spans through; that text must show as text and never become markup. And with
validation bypassed altogether, markup in the title and description still cannot leave
the attributes and elements of the head that print it.
"""

from __future__ import annotations

import json

import pytest
from factory import record, write_dataset
from sitebuild import REPO, build, jsonld_blocks

pytestmark = pytest.mark.build

SCRIPT = "</script><script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
UNICODE = "naïve café, 日本語, ✓"


def hostile_record() -> dict:
    return record(
        404,
        phrase="Not Found",
        summary=f"Tom & Jerry's {UNICODE} summary.",
        meaning=f"Text with `{SCRIPT}` and `{ATTRIBUTE}` & \"quotes\" 'here' {UNICODE}.",
        when_to_use=[f"When `{SCRIPT}` shows up & more."],
        best_practices=["Quote \"this\" & 'that'."],
        faq=[
            {"question": 'Why "quotes" & apostrophes\' here?', "answer": f"Because `{SCRIPT}`."},
            {"question": f"What about {UNICODE}?", "answer": f"It is `{ATTRIBUTE}`."},
        ],
        keywords=['x" onmouseover="alert(1)', "Tom & Jerry", UNICODE, f"end {SCRIPT}"],
        examples=[
            {
                "title": "A hostile header value",
                "steps": [
                    {
                        "request": "GET /x HTTP/1.1\nHost: example.com\n",
                        "response": (
                            f"HTTP/1.1 404 Not Found\nX-Evil: {SCRIPT}\nContent-Length: 5\n\n"
                            "Hello\n"
                        ),
                    }
                ],
            }
        ],
    )


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    data = write_dataset(root, [record(200), record(204), hostile_record()])
    result = build(root / "site", data=data, site_url="https://status.example.org/")
    assert result.returncode == 0, result.output
    return result


def assert_no_injected_markup(soup, source: str) -> None:
    assert "<script>alert(1)" not in source
    assert soup.find_all("img", src="x") == []
    for tag in soup.find_all(True):
        assert "onmouseover" not in tag.attrs and "onerror" not in tag.attrs, tag.name
    for script in soup.find_all("script"):
        if script.get("type") != "application/ld+json":
            assert "alert(1)" not in (script.string or ""), script


def test_hostile_text_shows_as_text_in_the_body(hostile_build):
    soup = hostile_build.html("/404/")
    text = soup.find("article").get_text()
    assert SCRIPT in text
    assert ATTRIBUTE in text
    assert "Quote \"this\" & 'that'." in text
    assert UNICODE in text


def test_hostile_text_cannot_escape_the_page(hostile_build):
    path = hostile_build.site / "404" / "index.html"
    source = path.read_text(encoding="utf-8")
    assert_no_injected_markup(hostile_build.html("/404/"), source)


def test_jsonld_cannot_be_closed_early(hostile_build):
    soup = hostile_build.html("/404/")
    (data,) = jsonld_blocks(soup)  # parses as JSON, so the script was not cut short
    assert SCRIPT in data["@graph"][0]["keywords"]  # the TechArticle's, from the record
    raw = soup.find("script", attrs={"type": "application/ld+json"}).string
    assert "</script" not in raw and "<" not in raw


def test_meta_attributes_keep_quotes_inside(hostile_build):
    soup = hostile_build.html("/404/")
    keywords = soup.find("meta", attrs={"name": "keywords"})["content"]
    assert 'x" onmouseover="alert(1)' in keywords
    assert "Tom & Jerry" in keywords
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description == f"Tom & Jerry's {UNICODE} summary."


def test_api_files_keep_the_text_exactly(hostile_build):
    data = json.loads((hostile_build.site / "api/v1/codes/404.json").read_text())
    assert SCRIPT in data["record"]["meaning"]
    assert data["record"]["keywords"][0] == 'x" onmouseover="alert(1)'


def test_head_escapes_even_when_validation_is_bypassed(tmp_path, monkeypatch):
    """Defence in depth: an unvalidated title and description cannot break the head."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    import generator.loader

    data = write_dataset(tmp_path, [record(200), record(204), record(404)])
    real_load = generator.loader.load_site
    evil_phrase = f"Gone{SCRIPT}"
    evil_summary = f"Summary{ATTRIBUTE}{SCRIPT}"

    def load_unvalidated(root, **_):
        site = real_load(data)
        site.codes[404] = site.codes[404].model_copy(
            update={"phrase": evil_phrase, "summary": evil_summary}
        )
        return site

    monkeypatch.setattr(generator.loader, "load_site", load_unvalidated)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    mkdocs_build(config)

    from bs4 import BeautifulSoup

    source = (tmp_path / "site" / "404" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(source, "html.parser")
    assert_no_injected_markup(soup, source)
    assert soup.find("title").get_text() == f"404 {evil_phrase} - HTTP Status Codes"
    assert soup.find("meta", attrs={"name": "description"})["content"] == evil_summary
    assert soup.find("h1").get_text().startswith(f"404 {evil_phrase}")
    (data_ld,) = jsonld_blocks(soup)
    assert data_ld["@graph"][0]["description"] == evil_summary

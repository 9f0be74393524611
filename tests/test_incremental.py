"""generator.incremental's own rules, without a build: a record file is parsed again only
when its bytes change; a page or a code's API file is made again only when what it read
changed; the search
index of a partial build keeps every page not built again."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from generator import api, incremental
from generator.kinds import plan
from generator.loader import load_site

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def serving(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    incremental.start("serve", False)
    yield data
    incremental.start("build", False)


def _edit_summary(data: Path, code: int, summary: str) -> None:
    path = data / "codes" / f"{code}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^summary: .*$", f"summary: {summary}", text, count=1, flags=re.M))


@pytest.mark.slow  # loads the whole data folder twice
def test_only_an_edited_record_is_read_again(serving):
    first = load_site(serving, read=incremental.read)
    _edit_summary(serving, 429, "Edited in a test, so too many requests.")
    second = load_site(serving, read=incremental.read)
    assert second.codes[429].summary == "Edited in a test, so too many requests."
    assert second.codes[404] is first.codes[404]  # kept, not parsed again
    assert second.codes[429] is not first.codes[429]


@pytest.mark.slow  # renders every page three times
def test_a_page_is_rendered_again_only_when_what_it_read_changed(serving):
    site = load_site(serving, read=incremental.read)
    first = incremental.render_for_build(site, plan(site), "https://example.org/")
    _edit_summary(serving, 429, "Edited in a test, so too many requests.")
    site = load_site(serving, read=incremental.read)
    second = incremental.render_for_build(site, plan(site), "https://example.org/")
    assert "Edited in a test" in second["429.md"].markdown
    assert "Edited in a test" in second["index.md"].markdown
    assert second["200.md"] is first["200.md"]  # 200's page does not show 429's summary
    # and what was kept is what rendering afresh gives
    incremental.start("build", False)
    fresh = incremental.render_for_build(site, plan(site), "https://example.org/")
    assert fresh == second


@pytest.mark.slow  # makes every API file three times
def test_a_code_api_file_is_made_again_only_when_what_it_read_changed(serving):
    site = load_site(serving, read=incremental.read)
    url = "https://example.org/"
    first = api.api_files(site, url, incremental.keeper("api", site, url))
    _edit_summary(serving, 404, "Edited in a test, nothing is here.")
    site = load_site(serving, read=incremental.read)
    second = api.api_files(site, url, incremental.keeper("api", site, url))
    assert "Edited in a test" in second[api.code_path(404)]
    assert "Edited in a test" in second[api.INDEX]
    assert second[api.code_path(200)] is first[api.code_path(200)]  # kept, not made again
    # and every file, kept or made again, is what making them afresh gives
    incremental.start("build", False)
    assert incremental.keeper("api", site, url) is None
    assert api.api_files(site, url) == second


def test_a_partial_search_index_keeps_the_pages_not_built_again():
    previous = {
        "": [{"location": "", "text": "home"}],
        "404/": [{"location": "404/", "text": "old 404"}],
        "about/": [{"location": "about/", "text": "a"}, {"location": "about/#x", "text": "x"}],
    }
    written = [{"location": "404/", "text": "new 404"}, {"location": "new/", "text": "n"}]
    merged = incremental.merge_search(previous, written, full=False)
    assert list(merged) == ["", "404/", "about/", "new/"]
    assert merged["404/"] == [{"location": "404/", "text": "new 404"}]
    assert merged["about/"] == previous["about/"]
    assert incremental.merge_search(previous, written, full=True) == {
        "404/": [written[0]],
        "new/": [written[1]],
    }


def test_under_serve_dirty_a_generated_file_changes_when_its_content_or_metadata_does(tmp_path):
    incremental.start("serve", True)
    try:
        first = incremental.source("429.md", "# 429", also={"title": "429 A"})
        path = Path(first["abs_src_path"])
        os.utime(path, (1, 1))  # as if written long ago
        assert incremental.source("429.md", "# 429", also={"title": "429 A"}) == first
        assert path.stat().st_mtime == 1  # not rewritten: MkDocs skips the page
        incremental.source("429.md", "# 429", also={"title": "429 B"})
        assert path.stat().st_mtime > 1  # rewritten: MkDocs builds it again
        incremental.source("429.md", "# 429 edited", also={"title": "429 B"})
        assert path.read_text(encoding="utf-8") == "# 429 edited"
    finally:
        incremental.start("build", False)
    assert incremental.source("429.md", "# 429") == {"content": "# 429"}

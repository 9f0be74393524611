"""Numbers with several meanings: each number's page shows every meaning, with where it
is seen, how current it is and how well it is sourced; one page lists them all."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from factory import record, unofficial, write_dataset
from pagetext import headings, section

from generator.kinds import plan
from generator.loader import load_site
from generator.meanings import meanings, shared_numbers
from generator.problems import DataError
from generator.render import environment, render_page

# The collisions the research note lists (../shared/research/vendors-and-clients.md),
# each with the senders a reader must find on the page.
COLLISIONS = {
    103: ["IANA registry", "Google Gears"],
    308: ["IANA registry", "Google resumable uploads"],
    420: ["Twitter", "Shopify", "Spring"],
    430: ["Shopify", "Shopify (reported earlier use)"],
    451: ["IANA registry", "Exchange ActiveSync"],
    463: ["AWS", "Alibaba Cloud"],
    499: ["nginx", "Esri ArcGIS"],
    508: ["IANA registry", "CloudLinux"],
    529: ["Qualys SSL Labs", "Anthropic"],
    530: ["Cloudflare", "Pantheon"],
}
SITE_URL = "https://status.example.org/"


@pytest.fixture(scope="module")
def pages(real_data) -> dict[str, str]:
    """The Markdown of the pages these tests read, as the build gets it."""
    env = environment(real_data)
    wanted = {f"{code}.md" for code in COLLISIONS} | {"shared-numbers.md"}
    planned = [page for page in plan(real_data) if page.src in wanted]
    return {page.src: render_page(env, page, real_data, SITE_URL) for page in planned}


@pytest.mark.parametrize("code", sorted(COLLISIONS))
def test_each_known_collision_shows_every_sender(real_data, pages, code):
    found = meanings(real_data.codes[code])
    assert len(found) >= 2
    table = section(pages[f"{code}.md"], "Every meaning of this number").find("table")
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == len(found)
    text = table.get_text()
    for sender in COLLISIONS[code]:
        assert sender in text, (code, sender)


def test_a_secondary_source_says_so_on_the_page(real_data, pages):
    (cloudlinux,) = [m for m in meanings(real_data.codes[508]) if "CloudLinux" in m.who]
    assert cloudlinux.grade == "secondary"
    rows = section(pages["508.md"], "Every meaning of this number").find_all("tr")
    row = next(r for r in rows if "CloudLinux" in r.get_text())
    assert "secondary source" in row.get_text()
    registered = [r for r in rows if "IANA registry" in r.get_text()]
    assert "secondary" not in registered[0].get_text()


def test_esri_499_is_read_from_the_body(pages):
    rows = section(pages["499.md"], "Every meaning of this number").find_all("tr")
    row = next(r for r in rows if "Esri" in r.get_text())
    assert "inside a response body" in row.get_text()


def test_the_index_lists_every_shared_number_and_links_it(real_data, pages):
    markdown = pages["shared-numbers.md"]
    listed = [int(n) for n in headings(markdown)]
    shared = [r.code for r in shared_numbers(real_data)]
    assert listed == shared
    assert set(COLLISIONS) <= set(listed)
    links = {a["href"] for a in BeautifulSoup(markdown, "html.parser").find_all("a")}
    for code in COLLISIONS:
        assert f"../{code}/" in links


def test_a_meaning_status_outside_the_four_is_refused(tmp_path):
    bad = unofficial(499)
    bad["vendors"][0]["status"] = "permanent"
    data = write_dataset(tmp_path, [record(200), record(204), bad])
    with pytest.raises(DataError) as info:
        load_site(data)
    (problem,) = info.value.problems
    assert re.match(r"^data/codes/499\.yaml:\d+: vendors\[0\]\.status: ", str(problem))
    assert "historic" in str(problem)


@pytest.mark.build
def test_the_api_carries_every_meaning_with_its_grade(real_site):
    data = json.loads((real_site.site / "api" / "v1" / "codes" / "508.json").read_text())
    grades = {m["who"]: m["grade"] for m in data["meanings"]}
    assert grades["IANA registry (RFC 5842)"] == "primary"
    assert "secondary" in grades.values()

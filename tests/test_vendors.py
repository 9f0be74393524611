"""The vendors index and the numbers outside 100-599: every vendor use is listed once under
its product, products name only what exists, and the other numbers have pages of their own."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from factory import other, record, unofficial, write_dataset

from generator import vendors
from generator.kinds import plan
from generator.loader import load_site
from generator.problems import DataError
from generator.render import environment, render_page

SITE_URL = "https://status.example.org/"


def _page(site, src: str) -> BeautifulSoup:
    (page,) = [p for p in plan(site) if p.src == src]
    return BeautifulSoup(render_page(environment(site), page, site, SITE_URL), "html.parser")


def test_every_vendor_use_is_listed_once_under_one_product(real_data):
    listed = Counter(
        (record.code, use.vendor)
        for group in vendors.groups(real_data)
        for record, use in group.uses
    )
    expected = Counter(
        (record.code, use.vendor) for record in real_data.codes.values() for use in record.vendors
    )
    assert listed == expected


def test_the_products_people_ask_for_have_their_codes_and_checks(real_data):
    groups = {group.name: group for group in vendors.groups(real_data)}
    for name, codes in {
        "nginx": {444, 499},
        "Cloudflare": {520, 521, 522, 530},
        "AWS Elastic Load Balancing": {460, 463, 464, 561},
        "Shopify": {430},
        "Esri ArcGIS": {498, 499},
    }.items():
        group = groups[name]
        assert codes <= {record.code for record, _ in group.uses}, name
        assert group.product is not None and group.product.checks, name
    assert "cloudflare-1xxx" in [slug for slug, _ in groups["Cloudflare"].others]


def test_the_vendors_page_links_each_code_and_other_number(real_data):
    soup = _page(real_data, "vendors.md")
    hrefs = {a["href"] for a in soup.find_all("a")}
    assert {"../499/", "../520/", "../463/", "../other/cloudflare-1xxx/"} <= hrefs


def test_a_product_naming_an_unknown_vendor_or_page_is_refused(tmp_path):
    data = write_dataset(
        tmp_path,
        [record(200), record(204), unofficial(499)],
        products=[
            {"name": "nginx", "vendors": ["nginx"], "checks": ["The log."]},
            {
                "name": "Twice",
                "vendors": ["nginx", "Nobody"],
                "other": ["missing"],
                "checks": ["x"],
            },
        ],
    )
    with pytest.raises(DataError) as info:
        load_site(data)
    problems = [str(p) for p in info.value.problems]
    assert any(
        re.match(r"data/vendors\.yaml:\d+: products\[1\]\.vendors\[0\]: .*already", p)
        for p in problems
    )
    assert any(
        re.match(r"data/vendors\.yaml:\d+: products\[1\]\.vendors\[1\]: 'Nobody'", p)
        for p in problems
    )
    assert any(
        re.match(r"data/vendors\.yaml:\d+: products\[1\]\.other\[0\]: 'missing'", p)
        for p in problems
    )


def test_other_numbers_live_under_their_own_urls(real_data):
    srcs = [page.src for page in plan(real_data)]
    assert len(srcs) == len(set(srcs))
    others = [src for src in srcs if src.startswith("other/")]
    assert {"other/status-0.md", "other/cloudflare-1xxx.md", "other/iis-substatus.md"} <= set(
        others
    )
    assert "other/index.md" in others
    # Nothing under /other/ can be mistaken for a code page.
    assert not any(re.fullmatch(r"other/\d{3}\.md", src) for src in others)


def test_the_numbers_beyond_599_people_meet_have_pages_under_their_product(real_data):
    soup = _page(real_data, "vendors.md")
    hrefs = {a["href"] for a in soup.find_all("a")}
    assert {"../other/linkedin-999/", "../other/shopify-783/"} <= hrefs
    groups = {group.name: group for group in vendors.groups(real_data)}
    assert "linkedin-999" in [slug for slug, _ in groups["LinkedIn"].others]
    assert "shopify-783" in [slug for slug, _ in groups["Shopify"].others]
    # No vendor documents either number: the pages say so rather than pass a list's word on.
    for slug in ("linkedin-999", "shopify-783"):
        assert all(
            s.grade == "secondary" or "rfc9110" in s.url for s in real_data.others[slug].sources
        )
        text = _page(real_data, f"other/{slug}.md").get_text()
        assert "no primary source confirms it" in text
        assert "100 and 599" in text


def test_status_0_cites_the_fetch_standard_and_says_no_server_sends_it(real_data):
    status_0 = real_data.others["status-0"]
    assert any(s.url.startswith("https://fetch.spec.whatwg.org/") for s in status_0.sources)
    text = _page(real_data, "other/status-0.md").get_text()
    assert "No server sends 0" in text


def test_a_secondary_source_is_marked_on_an_other_page(real_data):
    soup = _page(real_data, "other/iis-substatus.md")
    (item,) = [li for li in soup.find_all("li") if "gist.github.com" in str(li)]
    assert "secondary" in item.get_text()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"number": 404.13}, "number"),
        (
            {"sources": [{"url": "javascript:alert(1)", "title": "x", "grade": "primary"}]},
            "sources",
        ),
        (
            {"sources": [{"url": "https://a.example/", "title": "x", "grade": "official"}]},
            "sources",
        ),
        ({"related": [777]}, "related"),
        ({"title": "Zero <script>alert(1)</script>"}, "title"),
    ],
)
def test_a_bad_other_record_is_refused_at_its_field(tmp_path, changes, field):
    data = write_dataset(
        tmp_path, [record(200), record(204)], others={"status-0": {**other("0"), **changes}}
    )
    with pytest.raises(DataError) as info:
        load_site(data)
    assert any(
        re.match(rf"data/other/status-0\.yaml:\d+: {field}", str(p)) for p in info.value.problems
    ), info.value.report()

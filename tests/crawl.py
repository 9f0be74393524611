"""A small link checker: crawl a served site over HTTP and check every internal link.

Every page reachable from the start URL is fetched; every link, stylesheet, script,
image and JSON file on the same origin must answer 200, and every #fragment must name
an element id in its target page. (LinkChecker does the same, but took over ten minutes
on this site; this takes seconds.)
"""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup

LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    broken: list[str] = field(default_factory=list)


def _fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def crawl(start: str) -> Report:
    origin = urlparse(start).netloc
    report = Report()
    ids: dict[str, set[str]] = {}
    status: dict[str, int] = {}
    fragments: list[tuple[str, str, str]] = []  # (source page, target url, fragment)
    queue = [start]
    seen = {start}

    with ThreadPoolExecutor(max_workers=8) as pool:
        while queue:
            batch, queue = queue, []
            for url, (code, kind, body) in zip(batch, pool.map(_fetch, batch), strict=True):
                status[url] = code
                if code != 200 or kind != "text/html":
                    continue
                report.pages += 1
                soup = BeautifulSoup(body, "html.parser")
                ids[url] = {tag["id"] for tag in soup.find_all(id=True)}
                ids[url] |= {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
                for tag, attribute in LINK_ATTRIBUTES:
                    for element in soup.find_all(tag):
                        value = element.get(attribute)
                        if not value or value.startswith(("mailto:", "javascript:", "data:")):
                            continue
                        target, fragment = urldefrag(urljoin(url, value))
                        if urlparse(target).netloc != origin:
                            continue
                        report.links += 1
                        if fragment:
                            fragments.append((url, target, fragment))
                        if target not in seen:
                            seen.add(target)
                            queue.append(target)

    for url, code in sorted(status.items()):
        if code != 200:
            report.broken.append(f"{url}: HTTP {code}")
    for source, target, fragment in fragments:
        if status.get(target) == 200 and target in ids and fragment not in ids[target]:
            report.broken.append(f"{source}: #{fragment} is not an id in {target}")
    return report

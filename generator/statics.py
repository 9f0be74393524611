"""Small non-page files every build publishes: robots.txt, the OpenSearch description,
the codes the browser scripts read, and a redirect at each former comparison URL."""

from __future__ import annotations

import json
from html import escape as escape_html
from xml.sax.saxutils import escape

from generator import urls
from generator.pages import SITE_NAME, comparison_src
from generator.site import Site
from generator.urls import url_of

CODES_JSON = "assets/codes.json"


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(site_url, 'sitemap.xml')}\n"


def opensearch_xml(site_url: str) -> str:
    base = urls.absolute(site_url)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">\n'
        f"  <ShortName>{escape(SITE_NAME)}</ShortName>\n"
        "  <Description>Look up an HTTP status code by number, name or problem.</Description>\n"
        "  <InputEncoding>UTF-8</InputEncoding>\n"
        f'  <Url type="text/html" method="get" template="{escape(base)}?q={{searchTerms}}"/>\n'
        f'  <moz:SearchForm xmlns:moz="http://www.mozilla.org/2006/browser/search/">'
        f"{escape(base)}</moz:SearchForm>\n"
        "</OpenSearchDescription>\n"
    )


def codes_json(site: Site) -> str:
    """The one file the browser reads about codes: number, name as pages show it ("I'm a
    teapot (Unused)", not the registry's bare "(Unused)"), every name, and the comparison
    pages (paths under the site root) that hold the code.

    site.js uses it for the search pins (an exact name puts its code first; "X vs Y" puts
    the comparison of X and Y first), the jump box and the not-found page's suggestions.
    Registered codes come first: where a vendor reuses a registered name (AWS's 561
    "Unauthorized"), the registered code keeps it.
    """
    ordered = sorted(site.codes.values(), key=lambda r: (not r.registered, r.code))
    rows = [
        [
            record.code,
            record.name,
            record.names,
            [url_of(comparison_src(slug)) for slug, _ in site.comparisons_for(record.code)],
        ]
        for record in ordered
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def redirect_page(site_url: str, slug: str, title: str) -> str:
    """A former comparison URL: a static host has no redirects of its own, so the page
    sends the browser on (meta refresh) and names the new URL for search engines."""
    target = urls.absolute(site_url, f"compare/{slug}/")
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved: {escape_html(title)}</title>\n"
        f'<link rel="canonical" href="{escape_html(target)}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url=../{escape_html(slug)}/">\n'
        "</head>\n<body>\n"
        f'<p>This comparison moved to <a href="../{escape_html(slug)}/">'
        f"{escape_html(title)}</a>.</p>\n"
        "</body>\n</html>\n"
    )


def static_files(site: Site, site_url: str) -> dict[str, str]:
    files = {
        "robots.txt": robots_txt(site_url),
        "opensearch.xml": opensearch_xml(site_url),
        CODES_JSON: codes_json(site),
    }
    for slug, group in sorted(site.comparisons.items()):
        for former in group.former_slugs:
            files[f"compare/{former}/index.html"] = redirect_page(site_url, slug, group.title)
    return files

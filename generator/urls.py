"""Where a page's source file ends up: the one rule for turning ``202.md`` into ``202/``.

It is MkDocs' own rule with ``use_directory_urls`` (the default this site relies on):
``index.md`` is its folder, every other page gets a folder of its own name.
"""

from __future__ import annotations

# Where links point when SITE_URL is not set: a placeholder host. mkdocs.yml names the
# same default (site_url: !ENV [SITE_URL, ...]); a test keeps the two equal.
DEFAULT_SITE_URL = "https://http-status-codes.example.org/"


def url_of(src: str) -> str:
    """The directory URL of a source file, relative to the site root (``202.md`` -> ``202/``)."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src.removesuffix("index.md")
    return src.removesuffix(".md") + "/"


def root_of(src: str) -> str:
    """The relative path from a page back to the site root: '' for the home page,
    '../' for ``202.md``, '../../' for ``compare/a-b.md``."""
    depth = url_of(src).count("/")
    return "../" * depth


def absolute(site_url: str, path: str = "") -> str:
    """``path`` (a URL relative to the site root) made absolute under ``site_url``, which
    may or may not end in a slash and may carry a sub-path."""
    return site_url.rstrip("/") + "/" + path

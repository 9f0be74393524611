"""Render planned pages to Markdown with Jinja (StrictUndefined: a typo fails loudly)."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import yaml

from generator import jsonld
from generator.columns import COLUMNS
from generator.escape import plain_text
from generator.loader import Site
from generator.model import (
    BODY_LABELS,
    CONSTANT_LABELS,
    METHOD_LABELS,
    RETRY_LABELS,
)
from generator.pages import SITE_NAME, Page, class_src, code_src, comparison_src, link

TEMPLATES = Path(__file__).parent / "templates"
ARTICLE_KINDS = {"code", "comparison", "guide"}


def cell(text: object) -> str:
    """Make text safe inside a Markdown table cell: one line, pipes escaped."""
    return re.sub(r"\s*\n\s*", " ", str(text)).replace("|", "\\|").strip()


def fence(text: str, language: str = "", title: str = "") -> str:
    """A fenced code block whose fence is longer than any backtick run inside."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    label = f' title="{title}"' if title else ""
    return f"{ticks} {language}{label}\n{text.rstrip()}\n{ticks}"


def environment(site: Site) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # output is Markdown; record text is validated free of raw HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def code_link(code: int, label: str | None = None) -> str:
        record = site.codes[code]
        return f"[{plain_text(label or record.title)}]({link(code_src(code))})"

    env.filters.update(cell=cell, fence=fence, text=plain_text)
    env.globals.update(
        site=site,
        code_link=code_link,
        link=link,
        code_src=code_src,
        class_src=class_src,
        comparison_src=comparison_src,
        columns=COLUMNS,
        retry_labels=RETRY_LABELS,
        body_labels=BODY_LABELS,
        method_labels=METHOD_LABELS,
        constant_labels=CONSTANT_LABELS,
        site_name=SITE_NAME,
    )
    return env


def front_matter(page: Page, site: Site, site_url: str) -> dict:
    return {
        "title": page.title,
        "description": page.description,
        "keywords": page.keywords,
        "og_type": "article" if page.kind in ARTICLE_KINDS else "website",
        "tags": page.search_terms,
        "search": {"boost": page.search_boost},
        **({"hide": page.hide} if page.hide else {}),
        "jsonld": jsonld.for_page(page, site, site_url),
    }


def render_page(env: jinja2.Environment, page: Page, site: Site, site_url: str) -> str:
    base = site_url.rstrip("/") + "/"
    body = env.get_template(page.template).render(page=page, site_url=base, **page.context)
    meta = yaml.safe_dump(
        front_matter(page, site, site_url), sort_keys=False, allow_unicode=True, width=1000
    )
    return f"---\n{meta}---\n\n{body}"


def render_all(site: Site, pages: list[Page], site_url: str) -> dict[str, str]:
    env = environment(site)
    return {page.src: render_page(env, page, site, site_url) for page in pages}

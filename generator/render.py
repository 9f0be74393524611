"""Render planned pages with Jinja (StrictUndefined: a typo fails loudly): to HTML, or to
Markdown for the page kinds whose template writes Markdown (generator.kinds).

Escaping is decided by a value's type, once, in ``finalize``: a template never marks
text safe by hand.

- ``Markup`` (HTML the generator made itself) is printed as it is;
- ``Prose`` (a record's Markdown) is printed as the sanitised HTML of generator.prose,
  with this site's links made relative to the page being rendered;
- everything else is text, printed inert (generator.escape), so neither Markdown nor
  HTML can read it as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from generator import api, clients, headings, prose, sequence, shareimage, snippets, urls
from generator.columns import COLUMNS, by_condition, property_rows, verdict_label
from generator.escape import anchor, inert
from generator.exchanges import shown_steps
from generator.glance import OTHER_SEEN, WHERE_SEEN, field_link, glance
from generator.headers import header_uses
from generator.highlighting import highlighted
from generator.kinds import kind_of
from generator.meanings import STATUS_LABELS, meanings
from generator.model import (
    BODY_LABELS,
    CONSTANT_LABELS,
    METHOD_LABELS,
    RETRY_LABELS,
    Prose,
)
from generator.pages import (
    CHEAT_SHEET_SRC,
    HEADER_MATRIX_SRC,
    HEADERS_INDEX_SRC,
    OTHER_INDEX_SRC,
    SHARED_NUMBERS_SRC,
    SITE_NAME,
    VENDORS_SRC,
    Page,
    class_src,
    code_src,
    comparison_src,
    frameworks_src,
    other_src,
)
from generator.sections import sections_of
from generator.site import Site
from generator.urls import root_of, url_of

TEMPLATES = Path(__file__).parent / "templates"


class TemplateError(Exception):
    """A page template is missing or broken: a fault of the generator, not of the data."""


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: object) -> object:
    if isinstance(value, Markup):
        return value
    if isinstance(value, Prose):
        return prose.render(value, context["root"]).html
    if value is None or isinstance(value, bool):
        raise TypeError(f"a template printed {value!r}; print a label instead")
    return inert(value)


class _ApiPaths:
    """The API's file paths (generator.api) for the API page, printed as they are: the
    page shows them in code, where Markdown itself escapes them."""

    PREFIX = Markup(api.PREFIX)
    INDEX = Markup(api.INDEX)
    COMPARISONS = Markup(api.COMPARISONS)
    GUIDE = Markup(api.GUIDE)
    HEADERS = Markup(api.HEADERS)

    @staticmethod
    def code_path(code: object) -> Markup:
        return Markup(api.code_path(str(code)))

    @staticmethod
    def header_path(slug: str) -> Markup:
        return Markup(api.header_path(slug))

    @staticmethod
    def schema_path(name: str) -> Markup:
        return Markup(api.schema_path(name))


def _target(context: jinja2.runtime.Context, src: str, fragment: str | None = None) -> str:
    """The relative URL from the page being rendered to the page built from ``src``."""
    target = context["root"] + url_of(src) or "./"
    return target + (f"#{fragment}" if fragment else "")


def environment(
    site: Site, bytecode_cache: jinja2.BytecodeCache | None = None
) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=bytecode_cache,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    @jinja2.pass_context
    def href(context: jinja2.runtime.Context, src: str, fragment: str | None = None) -> Markup:
        """A relative URL from the page being rendered to the page built from ``src``."""
        return inert(_target(context, src, fragment))

    @jinja2.pass_context
    def code_link(context: jinja2.runtime.Context, code: int, label: object = None) -> Markup:
        record = site.codes[code]
        return anchor(_target(context, code_src(code)), record.title if label is None else label)

    @jinja2.pass_context
    def header_link(context: jinja2.runtime.Context, name: str) -> Markup:
        return field_link(name, site, context["root"])

    @jinja2.pass_context
    def page_link(context: jinja2.runtime.Context, src: str, label: object) -> Markup:
        """A link to the page built from ``src``, for a cell built in a template."""
        return anchor(_target(context, src), label)

    @jinja2.pass_context
    def inline(context: jinja2.runtime.Context, value: Prose) -> Markup:
        """Record Markdown without its paragraph, for a list item or a table cell."""
        return prose.render(value, context["root"]).inline

    def client_table(code: int) -> clients.Table | None:
        return clients.table_for(site.clients, code)

    env.filters.update(inline=inline, highlighted=highlighted)
    env.globals.update(
        site=site,
        code_link=code_link,
        header_link=header_link,
        headers_index_src=HEADERS_INDEX_SRC,
        header_matrix_src=HEADER_MATRIX_SRC,
        page_link=page_link,
        href=href,
        code_src=code_src,
        frameworks_src=frameworks_src,
        class_src=class_src,
        comparison_src=comparison_src,
        cheat_sheet_src=CHEAT_SHEET_SRC,
        columns=COLUMNS,
        property_rows=property_rows,
        verdict_label=lambda codes: verdict_label([site.codes[c] for c in codes]),
        retry_labels=RETRY_LABELS,
        body_labels=BODY_LABELS,
        method_labels=METHOD_LABELS,
        constant_labels=CONSTANT_LABELS,
        site_name=SITE_NAME,
        sections_of=sections_of,
        api=_ApiPaths,
        header_uses=header_uses,
        by_condition=by_condition,
        meanings=meanings,
        meaning_status_labels=STATUS_LABELS,
        shared_numbers_src=SHARED_NUMBERS_SRC,
        other_src=other_src,
        other_index_src=OTHER_INDEX_SRC,
        vendors_src=VENDORS_SRC,
        where_seen=WHERE_SEEN,
        other_seen=OTHER_SEEN,
        glance=glance,
        shown_steps=shown_steps,
        sequence_diagram=sequence.diagram,
        client_table=client_table,
        link=anchor,
        snippet_params=lambda record: snippets.params_of(site, record),
        snippet_tabs=lambda record: snippets.tabs(site, record),
    )
    return env


def front_matter(page: Page, site: Site, site_url: str) -> dict:
    return {
        "title": page.title,
        "description": page.description,
        "keywords": page.keywords,
        "og_type": kind_of(page).og_type,
        "tags": page.search_terms,
        "search": {"boost": page.search_boost} if page.in_search else {"exclude": True},
        **({"hide": page.hide} if page.hide else {}),
        "jsonld": kind_of(page).jsonld(page, site, site_url),
        **_share_image(page, site_url),
    }


def _share_image(page: Page, site_url: str) -> dict[str, str]:
    record = page.context.get("record")
    if record is None:
        return {}
    return {"og_image": urls.absolute(site_url, shareimage.image_src(record.code))}


def render_body(env: jinja2.Environment, page: Page, site_url: str) -> str:
    """The page's Markdown, without front matter."""
    base = urls.absolute(site_url)
    try:
        template = env.get_template(kind_of(page).template(page))
        return template.render(
            page=page, site_url=Markup(base), root=root_of(page.src), **page.context
        )
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"the template {exc.name} for {page.src} is missing from {TEMPLATES}"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename}:{exc.lineno}: {exc.message}") from None


def render_page(env: jinja2.Environment, page: Page, site: Site, site_url: str) -> str:
    """The page as a file: its front matter as YAML, then its body (Markdown, or the HTML
    of a page kind that writes HTML)."""
    rendered = rendered_page(env, page, site, site_url)
    body = rendered.markdown
    meta = yaml.safe_dump(rendered.meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{meta}---\n\n{body}"


def render_all(site: Site, pages: list[Page], site_url: str) -> dict[str, str]:
    env = environment(site)
    return {page.src: render_page(env, page, site, site_url) for page in pages}


@dataclass(frozen=True)
class Rendered:
    """A page for the build: its Markdown body and the metadata MkDocs would otherwise
    read back from front matter (the build sets ``page.meta`` to it in the hook). A page
    whose kind writes HTML has its finished HTML, headings and table of contents in
    ``html`` and the same HTML as its body (what serve compares between builds)."""

    markdown: str
    meta: dict
    html: headings.Finished | None = None


def rendered_page(env: jinja2.Environment, page: Page, site: Site, site_url: str) -> Rendered:
    body = render_body(env, page, site_url)
    meta = front_matter(page, site, site_url)
    if kind_of(page).markdown:
        return Rendered(body, meta)
    finished = headings.finish(body)
    return Rendered(finished.html, meta, finished)


def render_for_build(
    site: Site,
    pages: list[Page],
    site_url: str,
    bytecode_cache: jinja2.BytecodeCache | None = None,
) -> dict[str, Rendered]:
    """What ``render_all`` makes, without dumping the metadata as YAML for MkDocs to
    parse back: the same values reach ``page.meta`` directly."""
    env = environment(site, bytecode_cache)
    return {page.src: rendered_page(env, page, site, site_url) for page in pages}

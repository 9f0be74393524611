"""The MkDocs hook: the only module that imports mkdocs.

on_config loads and validates every record (failing the build once, with every problem
listed) and sets the navigation; on_files renders each planned page and adds it to the
build in memory. Nothing generated is written into docs/.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import sys
from pathlib import Path

# MkDocs loads this file by path. Run from a checkout where the package is not installed
# (a `mkdocs` of another environment), `generator` must still resolve to this checkout.
_CHECKOUT = str(Path(__file__).resolve().parent.parent)
if _CHECKOUT not in sys.path:
    sys.path.insert(0, _CHECKOUT)

import markupsafe  # noqa: E402
from material.plugins.search.plugin import Parser as SearchHTMLParser  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

try:
    from generator import (
        cachedir,
        csstrim,
        icons,
        incremental,
        jsonld,
        memo,
        previous_output,
        searchindex,
        templatecache,
        themeloader,
        whitespace,
    )
    from generator.api import api_files
    from generator.history import last_commit_epoch
    from generator.kinds import plan
    from generator.loader import load_site
    from generator.nav import navigation
    from generator.problems import DataError
    from generator.render import TemplateError
    from generator.shareimage import share_images
    from generator.statics import static_files
    from generator.urls import DEFAULT_SITE_URL, url_of
except ModuleNotFoundError as missing:  # a mkdocs outside the project's environment
    raise SystemExit(
        f"{missing.name} is not installed for this mkdocs ({sys.executable}): install the "
        "project first, python3 -m pip install -c constraints.txt -e . (see README.md)"
    ) from None

_state: dict = {}
log = logging.getLogger("mkdocs.plugins.generator")


def _discard_output(config: MkDocsConfig, why: str) -> None:
    """Leave no complete-looking site behind a build that fails."""
    site_dir = Path(config.site_dir)
    if site_dir.is_dir():
        for child in site_dir.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
    log.error(f"{why}: removed the incomplete output in {site_dir}")


def data_dir(config: MkDocsConfig) -> Path:
    """data/ beside mkdocs.yml; STATUS_DATA_DIR points a build elsewhere (tests, benchmarks)."""
    override = os.environ.get("STATUS_DATA_DIR")
    if override:
        return Path(override)
    return Path(config.config_file_path).parent / "data"


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    incremental.start(command, dirty)


def site_url_note(command: str | None, site_url: str | None) -> tuple[int, str] | None:
    """What to say when a build would publish the placeholder address: for a build, a
    note (INFO: strict mode fails on warnings, and local builds are fine without an
    address); for gh-deploy, which publishes, a warning that fails a strict deploy."""
    if command not in ("build", "gh-deploy") or (site_url or "") != DEFAULT_SITE_URL:
        return None
    level = logging.WARNING if command == "gh-deploy" else logging.INFO
    return level, (
        f"SITE_URL is not set: canonical URLs, the sitemap and JSON-LD point at the "
        f"placeholder {DEFAULT_SITE_URL} (set SITE_URL to the address the site will have)"
    )


def on_serve(server, config: MkDocsConfig, builder):
    # Imported here: watchdog's polling observer is needed only while serving.
    from generator import servewatch

    return servewatch.faster_polling(server, [config.docs_dir, config.config_file_path])


def on_pre_build(config: MkDocsConfig) -> None:
    if _state.get("command") == "build":  # not serve, whose output is its own
        previous_output.set_aside(Path(config.site_dir))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.pop("writing", None)
    memo.open_all()
    note = site_url_note(_state.get("command"), config.site_url)
    if note is not None:
        log.log(*note)
    # MkDocs dates the sitemap with the build time unless SOURCE_DATE_EPOCH is set; the
    # last commit's time makes two builds of one commit byte-identical.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = last_commit_epoch(Path(config.config_file_path).parent)
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        site = load_site(data_dir(config), dates=True, read=incremental.read)
    except DataError as exc:
        raise PluginError(exc.report()) from None
    pages = plan(site)
    docs = Path(config.docs_dir)
    hand_written = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    config.nav = navigation(pages, hand_written)
    _state["current"] = (site, pages)
    # Compiled templates, ours and the theme's, kept between builds and serve rebuilds;
    # Jinja checks each against its source's checksum (generator.templatecache).
    _state["bytecode"] = templatecache.on_disk()
    incremental.begin(config)
    config.theme.get_env = themeloader.listing_no_hidden_folders(config.theme.get_env)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # MkDocs has cleaned the site directory by now: from here on, a failure discards it.
    _state["writing"] = config
    site, pages = _state["current"]
    site_url = config.site_url or "/"
    missing = [
        str(path)
        for path in [*config.extra_css, *(str(js) for js in config.extra_javascript)]
        if files.get_file_from_path(path) is None
    ]
    if missing:
        raise PluginError(
            f"{', '.join(missing)} named in mkdocs.yml (extra_css, extra_javascript) "
            f"is missing from {config.docs_dir}"
        )
    try:
        rendered = incremental.render_for_build(site, pages, site_url, _state["bytecode"])
    except TemplateError as exc:
        raise PluginError(str(exc)) from None
    # Each generated page's metadata goes straight to page.meta (on_page_markdown) rather
    # than through YAML front matter that MkDocs would parse back. The body starts with a
    # blank line, so MkDocs reads no MultiMarkdown metadata from its first lines either.
    # A page written as HTML skips Markdown: on_page_markdown hands MkDocs its HTML, table
    # of contents and anchors in place of a conversion (_written_as_html).
    _state["rendered"] = rendered
    # Titles are kept from one build to the next: under `serve --dirty` a page MkDocs
    # does not build again keeps the h1 it had.
    _state["search_order"] = []
    _state.setdefault("search_titles", {})
    pages_markdown = {src: "\n" + page.markdown for src, page in rendered.items()}
    outputs: dict[str, str | bytes] = {
        **pages_markdown,
        **static_files(site, site_url),
        **icons.sprite_files(),
        **api_files(site, site_url, incremental.keeper("api", site, site_url)),
        **share_images(site, cachedir.folder("share-images")),
    }
    for src, content in outputs.items():
        existing = files.get_file_from_path(src)
        if existing is not None:
            raise PluginError(f"docs/{src} clashes with a generated page of the same name")
        meta = rendered[src].meta if src in rendered else None
        file = File.generated(config, src, **incremental.source(src, content, also=meta))
        if src.endswith(".md") and file.url.removeprefix("./") != url_of(src):
            # generator.urls states MkDocs' rule so that pages can link without MkDocs;
            # a configuration that changes the rule (use_directory_urls) must not pass.
            raise PluginError(f"{src}: MkDocs gives it the URL {file.url!r}, not {url_of(src)!r}")
        files.append(file)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    # What follows reads the site folder (the stylesheet trimmer walks every page): the
    # previous output, in a hidden folder of it, must be gone by then.
    previous_output.finish()
    _, pages = _state["current"]
    titles = _state.get("search_titles", {})
    entries = {
        page.url: searchindex.Entry(
            page.description,
            page.search_fields,
            title=titles.get(page.url) or page.title,
            tags=page.search_terms,
            boost=page.search_boost,
        )
        for page in pages
        if page.in_search
    }
    searchindex.rewrite(Path(config.site_dir), entries, _state.get("search_order"))
    if _state.get("command") != "serve":  # a preview keeps Material's sheets whole
        # In the user's cache, never the checkout: a planted file there would put its
        # rules into every visitor's stylesheet (generator/cachedir.py).
        csstrim.trim(Path(config.site_dir), csstrim.settings_on(config), cachedir.folder("csstrim"))
    incremental.finish(config)
    memo.save_all()


def on_env(env, config: MkDocsConfig, files: Files):
    env.bytecode_cache = _state.get("bytecode")
    return env


def on_build_error(error: Exception) -> None:
    """A build that fails after MkDocs began writing (a strict-mode warning, an error in
    a page) must not leave a site that looks complete. One that fails earlier, on the
    data, leaves the previous site as it was."""
    previous_output.finish()
    config = _state.pop("writing", None)
    if config is not None:
        _discard_output(config, "the build failed")


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """Generated pages get the metadata their page kind made (render.front_matter);
    hand-written pages get a WebPage JSON-LD from their front matter."""
    made = _state.get("rendered", {}).get(page.file.src_uri)
    if made is not None:
        # Material's search plugin would parse the page's whole HTML for an entry that
        # generator.searchindex replaces; it skips the page, and on_page_context keeps
        # the one thing the entry takes from the HTML, the h1's text.
        page.meta = {**made.meta, "search": {**made.meta.get("search", {}), "exclude": True}}
        if made.html is not None:
            # MkDocs calls page.render next: this page's is the HTML already made.
            page.render = functools.partial(_written_as_html, page, made.html)
            return ""
    if "jsonld" not in page.meta:
        page.meta["jsonld"] = jsonld.web_page(
            page.meta.get("title", page.title or ""),
            page.meta.get("description", config.site_description or ""),
            page.file.src_uri,
            config.site_url or "/",
        )
    return markdown


def _written_as_html(page, finished, config: MkDocsConfig, files: Files) -> None:
    """What ``Page.render`` does, for a page the generator wrote as HTML: its HTML, table of
    contents and anchor ids (generator.headings), without the Markdown instance MkDocs
    would make for it (with every extension, resolved through entry points again for each
    page: 10 % of a build, py-spy)."""
    page.content = finished.html
    page.toc = get_toc(finished.toc)
    page.present_anchor_ids = set(finished.anchors)


def on_page_context(context, page, config: MkDocsConfig, nav):
    """Material prints page.meta.title and description as HTML in places (the header).

    Escape them once here, as Markup, so that every template prints them as text and
    the templates that escape again (overrides/main.html) do not double-escape.
    """
    if "search_order" in _state:
        _state["search_order"].append(page.url)
        if page.file.src_uri in _state["rendered"]:
            _state["search_titles"][page.url] = _h1_title(page.content or "")
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = markupsafe.escape(page.meta[key])
    return context


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return whitespace.collapse(output)  # the templates' indentation: 0.7 KB gzip a page


def _h1_title(content: str) -> str | None:
    """The page's h1 as Material's search plugin reads it (its own parser, on the h1
    alone): the title of the page's search entry."""
    end = content.find("</h1>")
    if end < 0:
        return None
    parser = SearchHTMLParser()
    parser.feed(content[: end + len("</h1>")])
    parser.close()
    if not parser.data or not parser.data[0].title:
        return None
    return "".join(parser.data[0].title).strip()

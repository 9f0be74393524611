"""Record Markdown to safe HTML, one field at a time.

Record text comes from pull requests, so it never reaches the page's own Markdown pass
(where attribute lists, raw HTML and reference definitions from one field could act on
the page). Each prose field is converted on its own, by a Markdown instance that knows
only what records need: paragraphs, lists, emphasis, code spans, links and fenced code.
It has no attribute lists, and raw HTML in the text is a problem rather than markup.

The HTML that conversion produced is then checked against one allowlist (elements,
attributes, link targets); anything outside it is a problem reported with the record's
file, line and field. Internal links (``/404.md``) become relative URLs. Finally the
HTML passes through nh3 (the ammonia sanitizer) with the same allowlist, so that even a
check with a bug in it cannot put active markup on a page.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.inlinepatterns import HTML_RE, InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup
from pygments.token import STANDARD_TYPES

from generator import memo
from generator.urls import url_of

# --------------------------------------------------------------------------- allowlist

# Element -> attributes it may carry. Nothing else passes: no event handlers, no style,
# no id or class set by text (classes come only from the code highlighter, below).
ALLOWED: dict[str, frozenset[str]] = {
    "p": frozenset(),
    "br": frozenset(),
    "em": frozenset(),
    "strong": frozenset(),
    "code": frozenset(),
    "pre": frozenset(),
    "blockquote": frozenset(),
    "ul": frozenset(),
    "ol": frozenset({"start"}),
    "li": frozenset(),
    "a": frozenset({"href", "title"}),
    # Fenced code, highlighted by Pygments as the site's own code blocks are.
    "div": frozenset({"class"}),
    "span": frozenset({"class"}),
}
HIGHLIGHT_CLASSES = frozenset({"highlight", "filename"} | set(STANDARD_TYPES.values()) - {""})
_LANGUAGE_CLASS = re.compile(r"^language-[a-z0-9+#-]+$")
URL_SCHEMES = frozenset({"http", "https", "mailto"})

STRUCTURE = {
    **{f"h{n}": "a heading" for n in range(1, 7)},
    "hr": "a horizontal rule",
}

# A page of this site, written docs-relative as everywhere in the records: /404.md,
# /4xx.md, /compare/401-403-404.md, optionally with a #section. ASCII only.
INTERNAL = re.compile(r"^/((?:[a-z0-9-]+/)*[a-z0-9-]+\.md)(?:#([a-z0-9-]+))?$", re.ASCII)
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
# Characters no record needs and that can disguise text: C0 and C1 controls (but tab and
# line feed), bidirectional overrides and isolates (the "Trojan Source" trick), zero-width
# characters and other invisible format characters, and the Unicode line separators.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2069\ud800-\udfff\ufeff\ufff9-\ufffb]"
)

_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")

TARGET_EXPECTED = (
    "expected an http(s) URL, a mailto: address, or a page of this site such as "
    "/404.md or /404.md#faq"
)


def _class_allowed(tag: str, value: str) -> bool:
    classes = value.split()
    if tag == "div":
        return all(c == "highlight" or _LANGUAGE_CLASS.match(c) for c in classes)
    return all(c in HIGHLIGHT_CLASSES for c in classes)


def external_url_problem(url: str) -> str | None:
    """Why ``url`` is not a well-formed absolute http(s) URL, or None if it is."""
    if _INVISIBLE.search(url):
        return "contains spaces or control characters (expected a URL with none)"
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a bad port
    except ValueError as exc:
        return f"is not a well-formed URL ({exc})"
    del port
    if parts.scheme not in ("http", "https"):
        return f"uses the scheme {parts.scheme or '(none)'!r} (expected http or https)"
    if parts.username is not None or parts.password is not None:
        return "carries a user name or password (expected none)"
    host = (parts.hostname or "").rstrip(".")
    if not _HOST.match(host):
        return f"has the host {host or '(none)'!r} (expected a domain name such as example.com)"
    if re.search(r"[<>\"'`\\{}|^\[\]]", url.split("#", 1)[0] + url.partition("#")[2]):
        return "contains < > \" ' ` \\ { } | ^ [ or ] (expected them percent-encoded)"
    return None


# --------------------------------------------------------------------------- Markdown


class _RawHtml(InlineProcessor):
    """Where Markdown would pass a tag through, note a problem and keep it as text."""

    def handleMatch(self, m, data):
        snippet = m.group(1)
        self.md.prose_problems.append(
            f"raw HTML {snippet[:30]!r} is not allowed in record text "
            "(expected Markdown; put markup in `code` if you mean to show it)"
        )
        return m.group(1), m.start(0), m.end(0)


class _Links(Treeprocessor):
    """Check every link target; turn this site's pages into relative URLs."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                self.md.prose_problems.append(
                    "an image is not allowed in record text (expected text and links)"
                )
                continue
            if element.tag != "a":
                continue
            target = html.unescape(element.get("href", ""))
            internal = INTERNAL.match(target)
            if internal:
                src, anchor = internal.groups()
                self.md.prose_targets.append(src + (f"#{anchor}" if anchor else ""))
                href = self.md.prose_root + url_of(src) + (f"#{anchor}" if anchor else "")
                element.set("href", href)
                continue
            if target.lower().startswith("mailto:") and "@" in target and " " not in target:
                continue
            problem = None
            if target.lower().startswith(("http://", "https://")):
                problem = external_url_problem(target)
                if problem:
                    problem = f"link target {target[:60]!r} {problem}"
            else:
                problem = f"link target {target[:60]!r} is not allowed ({TARGET_EXPECTED})"
            if problem:
                self.md.prose_problems.append(problem)
                element.attrib.pop("href", None)


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=["pymdownx.superfences", "pymdownx.highlight"],
        extension_configs={"pymdownx.highlight": {"anchor_linenums": False}},
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.register(_RawHtml(HTML_RE, md), "html", 90)
    md.treeprocessors.register(_Links(md), "prose_links", 1)
    return md


_MD = _markdown()


class _Checker(HTMLParser):
    """Walk the produced HTML and list whatever the allowlist does not allow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in STRUCTURE:
            self.problems.append(
                f"{STRUCTURE[tag]} is not allowed in record text (expected paragraphs and "
                "lists: the page's headings and rules come from its template)"
            )
            return
        allowed = ALLOWED.get(tag)
        if allowed is None:
            if tag != "img":  # reported with a clearer message by _Links
                self.problems.append(
                    f"produces <{tag}>, which record text may not contain (expected Markdown: "
                    "paragraphs, lists, emphasis, code and links)"
                )
            return
        for name, value in attrs:
            if name not in allowed or (name == "class" and not _class_allowed(tag, value or "")):
                self.problems.append(
                    f"produces the attribute {name}={value!r} on <{tag}>, "
                    "which record text may not set"
                )

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.problems.append("an HTML comment is not allowed in record text")


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if name == "class":
        return value if _class_allowed(tag, value) else None
    return value


# One sanitizer, made once: building ammonia's rules for every field cost more than the
# cleaning itself.
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ALLOWED.items() if names},
    attribute_filter=_attribute_filter,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def sanitize(fragment: str) -> str:
    """The enforcing layer: only the allowlist survives, whatever the fragment holds."""
    return _CLEANER.clean(fragment)


# --------------------------------------------------------------------------- entry point


@dataclass(frozen=True)
class Rendered:
    html: Markup
    # This site's pages the text links to, as 'src#anchor' ('404.md', '404.md#faq').
    targets: tuple[str, ...]
    # What the text may not do, each in a sentence; empty for good text.
    problems: tuple[str, ...]

    @property
    def inline(self) -> Markup:
        """The HTML without its paragraph, for a list item or a table cell, when the text
        is one paragraph; otherwise the block HTML unchanged."""
        text = str(self.html)
        if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
            return Markup(text[3:-4])
        return self.html


def render(text: str, root: str = "../") -> Rendered:
    """Convert one field's Markdown; ``root`` is the relative path from the page that
    shows it to the site root ('../' on a code page), for this site's links.

    Each text is converted once, at the root validation uses, and again at another root
    only when it links to this site's pages: nothing else in its HTML depends on where it
    is shown.
    """
    text = str(text)
    rendered = _render(text, VALIDATION_ROOT)
    if root == VALIDATION_ROOT or not rendered.targets:
        return rendered
    return _render(text, root)


# The root a record's text is validated at (a code page's): render's default.
VALIDATION_ROOT = "../"


# A single line free of everything Markdown or HTML could read as markup is one plain
# paragraph: it needs no parser (about half of all record texts).
_PLAIN_LINE = re.compile(r"^(?![ \t]*(?:[#>+=-]|\d+[.)]|$))[^`*_\[\]<>&\\!\n{}|~]*$")


def _plain_paragraph(text: str) -> str:
    return "<p>" + text.strip() + "</p>"


@cache
def _render(text: str, root: str) -> Rendered:
    html_text, targets, problems = memo.PROSE.get(
        memo.Memo.key(text, root), lambda: _convert(text, root)
    )
    return Rendered(Markup(html_text), tuple(targets), tuple(problems))


def _convert(text: str, root: str) -> tuple[str, list[str], list[str]]:
    """The sanitised HTML of ``text``, the site pages it links to, and its problems."""
    if _PLAIN_LINE.match(text) and not text.endswith("  "):
        produced, targets, problems = _plain_paragraph(text), (), []
    else:
        _MD.reset()
        _MD.prose_problems = []
        _MD.prose_targets = []
        _MD.prose_root = root
        produced = _MD.convert(text)
        checker = _Checker()
        checker.feed(produced)
        checker.close()
        targets, problems = tuple(_MD.prose_targets), [*_MD.prose_problems, *checker.problems]
    cleaned = sanitize(produced)
    # A character reference (&#27;, &#x202E;) brings back what the record's own text may
    # not contain: the page would carry a terminal escape or a bidi override.
    hidden = INVISIBLE.search(html.unescape(cleaned))
    if hidden:
        problems.append(
            f"produces the invisible character U+{ord(hidden.group()):04X}, written as a "
            "character reference (expected visible text: remove it)"
        )
    return cleaned, list(targets), list(dict.fromkeys(problems))

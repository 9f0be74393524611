"""Trim Material's stylesheets to the rules a page of this site can match (after a build).

Material ships one prebuilt stylesheet for every feature it has (main.css: 138 KB raw,
22.7 KB gzip; palette.css with every colour), and no setting trims it. After a build,
every page that will ever use it is in the site folder, and so is every script that adds
markup at run time. A selector is kept when each thing it needs can occur:

- a class, id, element or attribute name: in some built page (HTML, or the HTML snippets
  of the search index that Material shows as results), or as a word of a script the site
  ships (Material's bundle builds search results, tooltips, copy buttons and dialogs
  from string literals; site.js builds its own widgets);
- an attribute value (``[dir=rtl]``): in some page on that attribute, or as a word of a
  script, except for the attributes in ``VALUES_FROM_PAGES``;
- pseudo-classes and pseudo-elements (``:hover``, ``:checked``, ``::before``) are states
  and need nothing; neither does what is inside ``:not()`` or ``:has()``.

A rule with no selector left is dropped, and so is an at-rule left empty. Then custom
properties that nothing reads any more (no ``var()`` in the trimmed sheets, in the site's
own stylesheets, in a page or a script) are dropped until none is left: the admonition
icons of types the site never uses are data: URIs of several hundred bytes each.
``@keyframes`` nothing names are dropped too.

The trimmed sheet gets a name of its own (its content's hash), and every page is pointed
at it: a browser that cached the full sheet, or another build's trimmed one, under
Material's name never uses it in place of this one. The output depends only on the
files of the build, so two builds of the same input give the same bytes.

Like the rest of the package this module does not import mkdocs (generator/hook.py calls
it from on_post_build).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from pygments.token import STANDARD_TYPES
from tinycss2 import ast

# Material's stylesheets in a built site (material/templates/base.html names them).
SHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
# Attributes whose values no script invents: `dir` is read by Material's bundle (the
# word "rtl" occurs in it, in a comparison) but set only by the page; the colour
# attributes are copied by the palette toggle from its inputs' data-md-color-* values,
# which are in the page.
VALUES_FROM_PAGES = frozenset(
    {"dir", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"}
)
# Classes only the Markdown of a page produces, never a script: Pygments' token classes
# (the highlighted code blocks) and the admonition types of Material's stylesheet (with
# their aliases, squidfunk.github.io/mkdocs-material/reference/admonitions/). Scripts
# carry many of these as ordinary words ("info", "error", "done", one-letter names).
ADMONITION_TYPES = frozenset(
    {
        *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
        *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
        *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
        *("quote", "cite"),
    }
)
CLASSES_FROM_PAGES = frozenset(STANDARD_TYPES.values()) - {""} | ADMONITION_TYPES
# Material's bundle builds these components (by their class, up to "__" or "--") only
# for the features named (theme.features, or another mkdocs.yml setting); with none of
# them on, and none of their classes in a page, their rules cannot apply. From the
# bundle of Material 9.8: the title and footnote tooltips and instant previews build
# md-tooltip2; code annotations build md-annotation and md-tooltip; the version selector
# (extra.version) builds md-version; the repository facts (repo_url) fill md-source.
COMPONENTS_OF_FEATURES = {
    "md-tooltip2": ("content.tooltips", "content.footnote.tooltips", "navigation.instant.preview"),
    "md-annotation": ("content.code.annotate",),
    "md-tooltip": ("content.code.annotate",),
    "md-version": ("extra.version",),
    "md-source": ("repo_url",),
}
# Scripts that run in the search worker, where there is no document to style.
SCRIPTS_WITHOUT_DOCUMENT = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# Selector functions whose arguments are alternatives: the selector needs one of them.
ALTERNATIVES = frozenset({"is", "where", "matches", "-webkit-any", "-moz-any"})

_TAG = re.compile(rb"<[a-zA-Z][^>]*>")
_TAG_NAME = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)")
_ATTRIBUTE = re.compile(rb"""\s([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_WORD = re.compile(rb"[A-Za-z_-][A-Za-z0-9_-]*")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_CUSTOM = re.compile(rb"--[A-Za-z0-9_-]+")
_ESCAPED_TAG = re.compile(rb"\\u003c|&lt;")
_VENDOR_PSEUDO = re.compile(r"::?-(webkit|moz|ms|o)-")
_SOURCE = Path(__file__).read_bytes()  # a change here compiles the sheets again


@dataclass
class Vocabulary:
    """What the site's pages and scripts can put in the document."""

    elements: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    values: set[tuple[str, str]] = field(default_factory=set)
    words: set[str] = field(default_factory=set)  # of the scripts
    prefixes: set[str] = field(default_factory=set)  # of names the scripts build
    features: frozenset[str] = frozenset()  # COMPONENTS_OF_FEATURES' names that are on
    custom_properties: set[str] = field(default_factory=set)  # read outside the sheets

    def add_markup(self, pages: list[bytes]) -> None:
        tags: set[bytes] = set()
        for markup in pages:
            tags.update(_TAG.findall(markup))
            self.custom_properties.update(name.decode() for name in _CUSTOM.findall(markup))
        # Every distinct tag at once: their names, then their attributes and values.
        joined = b"\n".join(tags)
        self.elements.update(name.decode().lower() for name in set(_TAG_NAME.findall(joined)))
        for key, *quoted in set(_ATTRIBUTE.findall(joined)):
            name = key.decode(errors="replace").lower()
            value = b"".join(quoted).decode(errors="replace")  # at most one is not empty
            self.attributes.add(name)
            self.values.add((name, value))
            if name == "class":
                self.classes.update(value.split())
            elif name == "id":
                self.ids.add(value)

    def add_script(self, script: bytes) -> None:
        words = {word.decode() for word in _WORD.findall(script)}
        self.words |= words
        # "tabbed-control--" in `tabbed-control--${e}`: a name the script completes.
        self.prefixes |= {w for w in words if len(w) >= 4 and w[0].isalpha() and w[-1] in "-_"}
        self.custom_properties.update(name.decode() for name in _CUSTOM.findall(script))

    def has(self, kind: str, name: str) -> bool:
        if name in getattr(self, kind):
            return True
        if kind == "classes":
            if name in CLASSES_FROM_PAGES:
                return False
            component = re.split("__|--", name, maxsplit=1)[0]
            needs = COMPONENTS_OF_FEATURES.get(component)
            if needs is not None and not self.features.intersection(needs):
                return False
        return name in self.words or name.startswith(tuple(self.prefixes))

    def has_value(self, attribute: str, value: str) -> bool:
        if (attribute, value) in self.values:
            return True
        return attribute not in VALUES_FROM_PAGES and value in self.words


def _site_files(site_dir: Path) -> dict[str, list[Path]]:
    """The built site's .html, .js and .css files, in a stable order (one walk)."""
    found: dict[str, list[Path]] = {".html": [], ".js": [], ".css": []}
    for folder, _, names in os.walk(site_dir):
        for name in names:
            kind = found.get(os.path.splitext(name)[1])
            if kind is not None:
                kind.append(Path(folder, name))
    return {ext: sorted(paths) for ext, paths in found.items()}


def vocabulary(
    site_dir: Path,
    sheets: set[Path],
    features: frozenset[str],
    files: dict[str, list[Path]] | None = None,
    pages: dict[Path, bytes] | None = None,
) -> Vocabulary:
    """Everything the built pages, the search index and the scripts contain; the site's
    other stylesheets (site.css) count as readers of custom properties. ``files`` and
    ``pages`` (each page's bytes), when given, save reading the site again."""
    files = files if files is not None else _site_files(site_dir)
    if pages is None:
        pages = {path: path.read_bytes() for path in files[".html"]}
    found = Vocabulary(features=features)
    markup = list(pages.values())
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        # The result snippets are HTML inside JSON strings.
        markup.append(_ESCAPED_TAG.sub(b"<", index.read_bytes()))
    found.add_markup(markup)
    for path in files[".js"]:
        if path.relative_to(site_dir).as_posix().startswith(SCRIPTS_WITHOUT_DOCUMENT):
            continue
        found.add_script(path.read_bytes())
    for path in files[".css"]:
        if path not in sheets:
            text = path.read_text(encoding="utf-8")
            found.custom_properties.update(_VAR.findall(text))
    return found


def _split(tokens: list, literal: str) -> list[list]:
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == literal:
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


# Compiling a sheet: what each selector needs, as data that does not depend on the site
# (and so can be kept from one build to the next, keyed by the sheet's bytes). A need is
# a list of atoms, each ["classes" | "elements" | "ids" | "attributes", name],
# ["value", attribute, value] or ["any", [need, need, ...]].


def _attribute_needs(block: ast.SquareBracketsBlock) -> list:
    tokens = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if not tokens or tokens[0].type != "ident":
        return []  # a namespace or something unusual: keep
    name = tokens[0].lower_value
    operator = "".join(t.value for t in tokens[1:] if t.type == "literal")
    values = [t.value for t in tokens[1:] if t.type in ("ident", "string")]
    if operator != "=" or len(values) != 1:
        # Presence, a partial match (^= *= $= ~= |=) or [a=b i]: the name is enough.
        return [["attributes", name]]
    return [["attributes", name], ["value", name, values[0]]]


def selector_needs(tokens: list) -> list:
    """What one complex selector (tinycss2 tokens, no commas at this level) needs the
    site to contain to match anything."""
    needs: list = []
    marker = None  # "." or ":" when it came just before: it says what the next name is
    for token in tokens:
        if token.type == "literal" and token.value in (".", ":"):
            marker = token.value
            continue
        before, marker = marker, None
        if token.type == "ident" and before != ":":  # after ":" a state: it needs nothing
            if before == ".":
                needs.append(["classes", token.value])
            else:
                needs.append(["elements", token.lower_value])
        elif token.type == "hash" and before is None:
            needs.append(["ids", token.value])
        elif token.type == "[] block":
            needs.extend(_attribute_needs(token))
        elif token.type == "function" and before == ":" and token.lower_name in ALTERNATIVES:
            needs.append(["any", [selector_needs(o) for o in _split(token.arguments, ",")]])
    return needs


def _met(needs: list, words: Vocabulary) -> bool:
    for atom in needs:
        kind = atom[0]
        if kind == "any":
            if not any(_met(option, words) for option in atom[1]):
                return False
        elif kind == "value":
            if not words.has_value(atom[1], atom[2]):
                return False
        elif not words.has(kind, atom[1]):
            return False
    return True


def selector_possible(tokens: list, words: Vocabulary) -> bool:
    """Whether one complex selector can match some element of the site."""
    return _met(selector_needs(tokens), words)


def _compile(rules: list) -> list:
    """A sheet's rules as JSON-able data: style rules with each selector's text and
    needs and each declaration's text and the custom properties it reads; at-rules with
    their children, or verbatim."""
    out: list = []
    for rule in rules:
        if rule.type == "qualified-rule":
            whole = tinycss2.serialize(rule.prelude).strip()
            selectors = [
                [tinycss2.serialize(part).strip(), selector_needs(part)]
                for part in _split(rule.prelude, ",")
            ]
            declarations = [
                [node.name, node.serialize().strip(), _VAR.findall(tinycss2.serialize(node.value))]
                for node in tinycss2.parse_blocks_contents(
                    rule.content, skip_whitespace=True, skip_comments=True
                )
                if node.type == "declaration"
            ]
            vendor = bool(_VENDOR_PSEUDO.search(whole))
            out.append({"rule": selectors, "whole": whole, "vendor": vendor, "body": declarations})
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            prelude = tinycss2.serialize(rule.prelude).strip()
            if keyword in ("media", "supports", "container", "layer") and rule.content:
                children = tinycss2.parse_rule_list(
                    rule.content, skip_whitespace=True, skip_comments=True
                )
                out.append({"at": keyword, "prelude": prelude, "children": _compile(children)})
            else:
                text = rule.serialize()
                out.append(
                    {"at": keyword, "prelude": prelude, "text": text, "reads": _VAR.findall(text)}
                )
    return out


def compile_sheet(css: str) -> list:
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return _compile(rules)


def _select(nodes: list, words: Vocabulary) -> list:
    """The compiled rules this site can use: each style rule with only its possible
    selectors, as {"selectors": text, "body": declarations}."""
    out: list = []
    for node in nodes:
        if "rule" in node:
            kept = [text for text, needs in node["rule"] if _met(needs, words)]
            if not kept:
                continue
            if len(kept) < len(node["rule"]) and node["vendor"]:
                # A list with a vendor pseudo-element (::-webkit-scrollbar) that a browser
                # does not know is ignored whole; dropping parts of it could make the rest
                # apply.
                selectors = node["whole"]
            else:
                selectors = ",".join(kept)
            out.append({"selectors": selectors, "body": list(node["body"])})
        elif "children" in node:
            out.append({**node, "children": _select(node["children"], words)})
        else:
            out.append(node)
    return out


def _walk(nodes: list):
    for node in nodes:
        yield node
        if "children" in node:
            yield from _walk(node["children"])


def _reads(nodes: list) -> set[str]:
    """Custom properties the kept declarations read (var() in their values)."""
    read: set[str] = set()
    for node in _walk(nodes):
        if "body" in node:
            for _, _, reads in node["body"]:
                read.update(reads)
        elif "text" in node:
            read.update(node["reads"])
    return read


def _drop_unread_properties(sheets: list[list], outside: set[str]) -> None:
    """Remove custom property declarations nobody reads, until none is left to remove."""
    while True:
        read = set(outside)
        for nodes in sheets:
            read |= _reads(nodes)
        removed = False
        for nodes in sheets:
            for node in _walk(nodes):
                if "body" in node:
                    kept = [d for d in node["body"] if not d[0].startswith("--") or d[0] in read]
                    removed = removed or len(kept) < len(node["body"])
                    node["body"] = kept
        if not removed:
            return


def _animation_words(sheets: list[list]) -> set[str]:
    names: set[str] = set()
    for nodes in sheets:
        for node in _walk(nodes):
            for name, text, _ in node.get("body", ()):
                if "animation" in name.lower() or name.startswith("--"):
                    names.update(re.findall(r"[A-Za-z_-][\w-]*", text.partition(":")[2]))
    return names


def _serialize(nodes: list, animations: set[str]) -> str:
    out: list[str] = []
    for node in nodes:
        if "selectors" in node:
            if node["body"]:
                body = ";".join(text for _, text, _ in node["body"])
                out.append(f"{node['selectors']}{{{body}}}")
        elif "children" in node:
            inner = _serialize(node["children"], animations)
            if inner:
                out.append(f"@{node['at']} {node['prelude']}{{{inner}}}")
        elif node["at"] == "keyframes" or node["at"].endswith("-keyframes"):
            if node["prelude"] in animations:
                out.append(node["text"])
        else:
            out.append(node["text"])
    return "".join(out)


def _compiled(path: Path, cache: Path | None) -> list:
    """The compiled sheet, from the cache when this sheet and this module compiled it
    before (Material's sheets change only with Material: parsing them is most of the
    step's time)."""
    data = path.read_bytes()
    if cache is None:
        return compile_sheet(data.decode("utf-8"))
    key = hashlib.sha256(data + _SOURCE).hexdigest()[:16]
    kept = cache / f"{path.name.split('.', 1)[0]}.{key}.json"
    try:
        return json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    nodes = compile_sheet(data.decode("utf-8"))
    cache.mkdir(parents=True, exist_ok=True)
    kept.write_text(json.dumps(nodes, separators=(",", ":")), encoding="utf-8")
    return nodes


@dataclass(frozen=True)
class Trimmed:
    """One sheet: where it was, where it is now, and its sizes in bytes."""

    old: str
    new: str
    before: int
    after: int


def settings_on(config) -> frozenset[str]:
    """Which of COMPONENTS_OF_FEATURES' settings a MkDocs config turns on."""
    on = set(config.theme.get("features") or ())
    if config.repo_url:
        on.add("repo_url")
    if (config.extra or {}).get("version"):
        on.add("extra.version")
    return frozenset(on)


def trim(
    site_dir: Path, features: frozenset[str] = frozenset(), cache: Path | None = None
) -> list[Trimmed]:
    """Trim Material's stylesheets in a built site, rename them, and point every page at
    the new names. ``features``: those of COMPONENTS_OF_FEATURES' settings that are on;
    ``cache``: a folder where compiled sheets are kept between builds.
    Returns what was done (nothing when the sheets are not there)."""
    paths = sorted(path for pattern in SHEETS for path in site_dir.glob(pattern))
    if not paths:
        return []
    files = _site_files(site_dir)
    pages = {path: path.read_bytes() for path in files[".html"]}
    words = vocabulary(site_dir, set(paths), features, files, pages)
    parsed = [_select(_compiled(path, cache), words) for path in paths]
    _drop_unread_properties(parsed, words.custom_properties)
    animations = _animation_words(parsed) | words.words
    done: list[Trimmed] = []
    for path, nodes in zip(paths, parsed, strict=True):
        text = _serialize(nodes, animations).encode("utf-8")
        digest = hashlib.sha256(text).hexdigest()[:8]
        stem = path.name.split(".", 1)[0]  # "main", "palette"
        target = path.with_name(f"{stem}.{digest}.min.css")
        before = path.stat().st_size
        path.unlink()
        path.with_name(path.name + ".map").unlink(missing_ok=True)  # it maps the full sheet
        target.write_bytes(text)
        done.append(Trimmed(path.name, target.name, before, len(text)))
    _repoint(pages, done)
    return done


def _repoint(pages: dict[Path, bytes], done: list[Trimmed]) -> None:
    replacements = [
        (f"assets/stylesheets/{t.old}".encode(), f"assets/stylesheets/{t.new}".encode())
        for t in done
    ]
    for path, data in pages.items():
        changed = data
        for old, new in replacements:
            changed = changed.replace(old, new)
        if changed != data:
            path.write_bytes(changed)

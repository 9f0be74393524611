"""Hostile records: every vector is refused with file, line and field, or built and inert.

The corpus is tests/hostile_cases.py. Each text vector goes into several fields of an
otherwise valid record, one field at a time; the loader either refuses it (a DataError
whose every problem names data/codes/404.yaml, a line and that field) or accepts it.
Everything accepted is then built into one site, and every page of that site is parsed
and searched for what record text must never produce: event handlers, style attributes,
script or data URLs, elements the templates do not make, a second h1, broken JSON-LD.
"""

from __future__ import annotations

import copy
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from factory import comparison, header, other, record, unofficial, write_dataset, write_yaml
from hostile_cases import (
    FIELD_VECTORS,
    HEADER_RECORDS,
    URL_VECTORS,
    YAML_DOCUMENTS,
    huge_record_text,
)
from sitebuild import build

from generator.loader import load_site
from generator.problems import DataError
from generator.rfc import header_rules

# Where each kind of vector goes: the field path as the loader names it, and how to set it.
LINE_FIELDS = {
    "phrase": ("phrase",),
    "summary": ("summary",),
    "use_when": ("use_when",),
    "faq[0].question": ("faq", 0, "question"),
    "examples[0].title": ("examples", 0, "title"),
    "examples[0].steps[0].label": ("examples", 0, "steps", 0, "label"),
    "keywords[0]": ("keywords", 0),
    "phrasings[0]": ("phrasings", 0),
}
PROSE_FIELDS = {
    "meaning": ("meaning",),
    "faq[1].answer": ("faq", 1, "answer"),
    "best_practices[0]": ("best_practices", 0),
    "when_not_to_use[0].case": ("when_not_to_use", 0, "case"),
    "examples[0].steps[0].note": ("examples", 0, "steps", 0, "note"),
}
URL_FIELDS = {"vendors[0].source": ("vendors", 0, "source")}


@dataclass(frozen=True)
class Case:
    vector: str
    field: str
    path: tuple
    text: str


def _cases() -> list[Case]:
    cases = []
    for vector in FIELD_VECTORS:
        fields = dict(PROSE_FIELDS)
        if vector.kind == "line":
            fields |= LINE_FIELDS
        cases += [Case(vector.id, name, path, vector.text) for name, path in fields.items()]
    for vector in URL_VECTORS:
        cases += [Case(vector.id, name, path, vector.text) for name, path in URL_FIELDS.items()]
    return cases


CASES = _cases()


def _hostile_record(code: int, cases: list[Case]) -> dict:
    data = record(code)
    original = data["phrase"]
    data["vendors"] = copy.deepcopy(unofficial(499)["vendors"])
    for case in cases:
        target = data
        for part in case.path[:-1]:
            target = target[part]
        target[case.path[-1]] = case.text
    if any(c.field == "phrase" for c in cases):
        # The example's status line must carry the record's own phrase.
        phrase = next(c.text for c in cases if c.field == "phrase")
        step = data["examples"][0]["steps"][0]
        step["response"] = step["response"].replace(original, phrase, 1)
    return data


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return write_dataset(tmp_path_factory.mktemp("hostile-base"), [record(200), record(204)])


def _outcome(data: Path, case: Case) -> list[str] | None:
    """The problems the loader reports for one case, or None when it accepts it."""
    write_yaml(data / "codes" / "404.yaml", _hostile_record(404, [case]))
    try:
        load_site(data)
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return None


def test_the_corpus_is_large_and_varied():
    assert len(FIELD_VECTORS) >= 60 and len(URL_VECTORS) >= 12 and len(YAML_DOCUMENTS) >= 20
    assert len(CASES) > 1000


@pytest.mark.slow
@pytest.mark.parametrize("field", [*LINE_FIELDS, *PROSE_FIELDS, *URL_FIELDS])
def test_each_hostile_value_is_refused_at_its_field_or_accepted(base, field):
    """A refusal names the file, a line and the field; nothing else goes wrong."""
    located = re.compile(r"^data/codes/404\.yaml:(\d+): (\S+): ")
    for case in (c for c in CASES if c.field == field):
        problems = _outcome(base, case)
        if problems is None:
            continue
        for problem in problems:
            match = located.match(problem)
            assert match, (case.vector, problem)
            assert match.group(2).startswith(field.split(".")[0].split("[")[0]) or (
                # An example whose status line carries a refused phrase is reported there.
                field == "phrase" and match.group(2).startswith("examples")
            ), (case.vector, problem)


# Vectors that would be live markup if Markdown passed them through: in a prose field the
# loader must refuse each one (showing them as text is not enough: the author meant markup).
MUST_REFUSE_IN_PROSE = [
    "refdef-javascript",
    "refdef-data-url",
    "refdef-vbscript",
    "refdef-entity-s",
    "refdef-image",
    "link-javascript-padded",
    "link-javascript-entity",
    "link-javascript-uppercase",
    "link-data-html",
    "link-escaped-backticks",
    "image-javascript",
    "image-external",
    "image-external-onerror",
    "html-escaped-backticks",
    "html-tilde-not-a-fence",
    "html-details-ontoggle",
    "html-svg-animate",
    "html-iframe",
    "html-object-embed",
    "html-style",
    "html-meta-refresh",
    "html-base",
    "html-form",
    "html-anchor-javascript",
    "html-div-cover",
    "html-comment-hides",
    "html-md-in-html",
    "heading-hash-line",
    "heading-second-h1",
    "heading-h2",
    "heading-setext-h1",
    "hr-in-prose",
    "internal-traversal",
    "internal-protocol-relative",
    "internal-backslash",
    "fullwidth-digit-link",
    "bidi-rlo",
    "zero-width",
    "c0-controls",
    "charref-escape",
    "charref-bidi",
]


@pytest.mark.parametrize("vector", MUST_REFUSE_IN_PROSE)
def test_markup_vectors_are_refused_in_prose(base, vector):
    (case,) = [c for c in CASES if c.vector == vector and c.field == "meaning"]
    problems = _outcome(base, case)
    assert problems, f"{vector} was accepted: {case.text!r}"
    assert all(p.startswith("data/codes/404.yaml:") for p in problems)


@pytest.mark.parametrize("doc", YAML_DOCUMENTS, ids=[d.id for d in YAML_DOCUMENTS])
def test_hostile_yaml_is_refused_fast_with_a_located_message(base, doc):
    path = base / "codes" / "404.yaml"
    path.write_bytes(doc.raw)
    start = time.perf_counter()
    try:
        load_site(base)
    except DataError as exc:
        assert all(str(p).startswith("data/codes/") for p in exc.problems), exc.report()
        assert "Traceback" not in exc.report()
        assert "Keys should be strings" not in exc.report()  # pydantic's own words
    assert time.perf_counter() - start < 1.0


def test_a_20_mb_record_is_refused_before_it_is_parsed(base):
    (base / "codes" / "404.yaml").write_text(huge_record_text(20), encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(DataError) as info:
        load_site(base)
    assert time.perf_counter() - start < 1.0
    (problem,) = info.value.problems
    assert str(problem).startswith("data/codes/404.yaml: (file): ")
    assert "expected at most" in str(problem)


@pytest.mark.parametrize("case", HEADER_RECORDS, ids=[c.id for c in HEADER_RECORDS])
def test_hostile_header_records_are_refused_at_their_field(tmp_path, case):
    data = write_dataset(tmp_path, [record(200), record(204)])
    (data / "headers").mkdir()
    write_yaml(data / "headers" / f"{case.stem}.yaml", {**header("Retry-After"), **case.changes})
    with pytest.raises(DataError) as info:
        load_site(data)
    located = re.compile(rf"^data/headers/{case.stem}\.yaml:\d+: (\S+): ")
    fields = []
    for problem in info.value.problems:
        match = located.match(str(problem))
        assert match, (case.id, str(problem))
        fields.append(match.group(1))
    assert any(f.startswith(case.field) for f in fields), (case.id, fields)
    assert "Traceback" not in info.value.report()


# --------------------------------------------------------------------------- the build

# Elements that the templates and Material put inside the article of a page. Record
# text may add only a subset of these (generator/prose.py ALLOWED).
ARTICLE_ELEMENTS = {
    *(f"h{n}" for n in range(1, 7)),
    *[
        "p",
        "a",
        "em",
        "strong",
        "code",
        "pre",
        "span",
        "div",
        "ul",
        "ol",
        "li",
        "br",
        "blockquote",
        "nav",
    ],
    *["table", "thead", "tbody", "tr", "th", "td", "details", "summary"],
    # The At a glance block.
    *["section", "dl", "dt", "dd"],
}
# The sequence diagram of a multi-step example (generator/sequence.py).
DIAGRAM_ELEMENTS = {"figure", "svg", "rect", "line", "polygon", "text"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster")
BAD_SCHEMES = ("javascript", "data", "vbscript", "file")


def _scheme(url: str) -> str:
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    return urlsplit(cleaned).scheme if ":" in cleaned.split("/")[0] else ""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, base):
    accepted: dict[str, list[Case]] = {}
    for case in CASES:
        if _outcome(base, case) is None:
            accepted.setdefault(case.vector, []).append(case)
    # Codes the RFCs give no required header, so the records stay valid around the vectors.
    codes = iter(c for c in range(405, 599) if c != 499 and not header_rules(c))
    records = [record(200), record(204), record(404)]
    placed = []
    for vector, cases in accepted.items():
        code = next(codes, None)
        if code is None:
            break
        records.append(_hostile_record(code, cases))
        placed.append((vector, code))
    hostile_codes = [code for _, code in placed]
    groups = {
        "hostile": comparison(
            # The hostile text is in summary and use_when; these records share their
            # retry and required headers, and a column equal in every row is refused.
            [200, *hostile_codes[:20]],
            columns=["summary", "use_when"],
        )
    }
    # A header page and a page of data/other/ carrying every prose vector accepted in a
    # code's meaning.
    notes = [c.text for cases in accepted.values() for c in cases if c.field == "meaning"]
    root = tmp_path_factory.mktemp("hostile-site")
    data = write_dataset(
        root,
        records,
        groups,
        headers=[header("Retry-After", notes=notes)],
        others={"status-0": other("0", checks=notes)},
        products=[{"name": "nginx", "vendors": ["nginx"], "checks": notes}],
    )
    result = build(root / "site", data=data, site_url="https://status.example.org/")
    assert result.returncode == 0, result.output
    return result, placed


@pytest.mark.build
def test_accepted_vectors_are_many(hostile_site):
    _, placed = hostile_site
    assert len(placed) >= 40  # the inertness checks below see real attacks


@pytest.mark.build
def test_no_page_carries_active_or_foreign_markup(hostile_site):
    result, _ = hostile_site
    pages = result.pages()
    assert len(pages) > 40
    for path in pages:
        soup = result.html(path.parent.relative_to(result.site).as_posix())
        where = path.relative_to(result.site).as_posix()
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), (where, tag.name, name)
                if name in URL_ATTRIBUTES:
                    assert _scheme(str(value)) not in BAD_SCHEMES, (where, tag.name, value)
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # one intact JSON document per block
            else:
                assert "alert(1)" not in (script.string or ""), where
        assert soup.find_all(["iframe", "object", "embed", "base", "meta"], src=True) == []
        assert [m for m in soup.find_all("meta") if m.get("http-equiv")] == [], where
        article = soup.find("article")
        if article is None:
            continue
        assert len(article.find_all("h1")) == 1, where
        assert article.find("hr") is None, where
        for tag in article.find_all(True):
            in_diagram = tag.name in DIAGRAM_ELEMENTS and (
                (tag.name == "figure" and "sequence" in tag.get("class", []))
                or tag.find_parent("figure", class_="sequence") is not None
            )
            assert tag.name in ARTICLE_ELEMENTS or in_diagram or tag.name in ("svg", "path"), (
                where,
                tag.name,
            )
            assert "style" not in tag.attrs, (where, tag.name, tag["style"])
            if tag.name in ("svg", "path") and not in_diagram:
                assert tag.find_parent(class_="admonition") or tag.find_parent(
                    class_="headerlink"
                ), (where, tag)


@pytest.mark.build
def test_the_hostile_text_shows_as_text(hostile_site):
    result, placed = hostile_site
    _vector, code = next((v, c) for v, c in placed if v == "attr-trailing-brace")
    soup = result.html(f"/{code}/")
    assert "{ onmouseover=alert(1) tabindex=0 }" in soup.find("article").get_text()


@pytest.mark.browser
def test_no_hostile_page_runs_script_in_chromium(hostile_site, browser):
    """Load every hostile code page, hover, focus and click every element of the article:
    no dialog opens, no script URL is followed, nothing covers the page."""
    from browser import serve

    result, placed = hostile_site
    dialogs: list[str] = []
    with serve(result.site) as base:
        context = browser.new_context()
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for vector, code in placed:
            page.goto(f"{base}{code}/", wait_until="domcontentloaded")
            schemes = page.evaluate(
                """() => {
                  const out = [];
                  // Every event first, then one look at the result: reading layout
                  // between events made the browser lay the page out again each time.
                  for (const el of document.querySelectorAll("article *")) {
                    for (const type of ["mouseover", "mouseenter", "focus", "click", "toggle"]) {
                      el.dispatchEvent(new Event(type, {bubbles: true, cancelable: true}));
                    }
                  }
                  for (const el of document.querySelectorAll("article *")) {
                    if (el.href !== undefined && typeof el.href === "string") {
                      out.push(new URL(el.href, location.href).protocol);
                    }
                    const style = getComputedStyle(el);
                    if (style.position === "fixed") {
                      const box = el.getBoundingClientRect();
                      if (box.width * box.height > 10000) out.push("fixed-overlay");
                    }
                  }
                  return out;
                }"""
            )
            assert set(schemes) <= {"http:", "https:", "mailto:"}, (vector, set(schemes))
        context.close()
    assert dialogs == []

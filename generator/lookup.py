"""Find codes from what a person types: a number, a class, the start of a number, or words.

Words are ranked against the terms the site's search indexes for a code page: its names
(number, phrase, previous and vendor names, and its title), the header fields it
involves, its keywords and, where records carry them, its phrasings (what people say
for the code); the summary counts only for a code none of those match. Each
field adds its best-matching term's score times the field's weight, so a code that a
query names in several fields outranks one it only mentions once. Ties go to registered
codes, then to the lower number.

``find(site, query)`` is the one entry point; it reads nothing but the loaded Site.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from generator.headers import header_uses
from generator.model import CodeRecord
from generator.site import Site


@dataclass(frozen=True)
class Field:
    name: str
    weight: float
    terms: Callable[[CodeRecord], Iterable[str]]
    # Counted only for a code that no other field matches.
    fallback: bool = False


def _phrasings(record: CodeRecord) -> Iterable[str]:
    # The field is being added to the model for the site's search; until it exists,
    # a record has none.
    return getattr(record, "phrasings", None) or ()


# The site's search boosts names, headers and keywords alike and far above text
# (mkdocs.yml, plugins.search.fields); here names lead a little so that a code's own
# name beats a keyword another code borrowed ("too many requests" is a 420 keyword).
FIELDS: tuple[Field, ...] = (
    Field("names", 10.0, lambda r: [*r.names, r.title]),
    Field("headers", 8.0, lambda r: dict.fromkeys(h.name for h in header_uses(r))),
    Field("keywords", 8.0, lambda r: r.keywords),
    Field("phrasings", 8.0, _phrasings),
    Field("summary", 1.0, lambda r: [r.summary], fallback=True),
)

FIELD = {f.name: f for f in FIELDS}

# Words that say what kind of thing is looked up rather than which one: they count when
# they match but a code need not contain them ("http 429", "teapot error").
OPTIONAL = frozenset({"a", "an", "the", "http", "status", "code", "error", "response"})


def words(text: str) -> tuple[str, ...]:
    """Lower-case words and numbers; apostrophes vanish ("I'm" is "im"), other
    punctuation separates ("Request-URI" is "request uri")."""
    text = text.lower().replace("'", "").replace("\u2019", "")
    return tuple(re.findall(r"[a-z0-9]+", text))


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _word_credit(word: str, term: tuple[str, ...]) -> float:
    """1 for the word itself, 0.6 for a word it begins (at least three letters typed)."""
    if word in term:
        return 1.0
    if len(word) >= 3 and any(t.startswith(word) for t in term):
        return 0.6
    return 0.0


def _term_score(query: tuple[str, ...], term: tuple[str, ...]) -> float:
    if not term:
        return 0.0
    if query == term:
        return 1.0
    if _contains(term, query):
        return 0.7 + 0.2 * len(query) / len(term)
    credit = sum(_word_credit(w, term) for w in query)
    return 0.5 * credit / len(query)


@dataclass(frozen=True)
class Match:
    record: CodeRecord
    score: float
    # The fields whose terms matched, best first: why the code was found.
    fields: tuple[str, ...]
    # False when the code lacks some of the query's words (shown only when no code has
    # them all).
    complete: bool = True


@dataclass(frozen=True)
class _Indexed:
    record: CodeRecord
    terms: dict[str, list[tuple[str, ...]]]
    vocabulary: tuple[str, ...]


def _index(site: Site) -> list[_Indexed]:
    """Each code's terms, as words (about 25 ms for the whole site on a busy machine)."""
    index = []
    for code in sorted(site.codes):
        record = site.codes[code]
        terms = {f.name: [words(t) for t in f.terms(record)] for f in FIELDS}
        vocabulary = {w for found in terms.values() for term in found for w in term}
        index.append(_Indexed(record, terms, tuple(sorted(vocabulary))))
    return index


def rank(site: Site, query: str) -> list[Match]:
    """Codes matching every word of ``query`` that matters (or, when none does, most of
    them), best first."""
    asked = words(query)
    if not asked:
        return []
    required = [w for w in asked if w not in OPTIONAL] or list(asked)
    full: list[Match] = []
    partial: list[tuple[float, Match]] = []
    for entry in _index(site):
        scores = []
        for f in FIELDS:
            best = max((_term_score(asked, t) for t in entry.terms[f.name]), default=0.0)
            if best > 0:
                scores.append((f.weight * best, f.name))
        if not scores:
            continue
        named = [s for s in scores if not FIELD[s[1]].fallback]
        scores = named or scores
        scores.sort(key=lambda s: -s[0])
        covered = sum(1 for w in required if _word_credit(w, entry.vocabulary) > 0)
        match = Match(
            entry.record,
            sum(s for s, _ in scores),
            tuple(n for _, n in scores),
            complete=covered == len(required),
        )
        if match.complete:
            full.append(match)
        elif covered * 2 >= len(required) and len(required) > 1:
            partial.append((covered / len(required), match))
    if full:
        return sorted(full, key=_order)
    return [m for _, m in sorted(partial, key=lambda p: (-p[0], *_order(p[1])))]


def _order(match: Match) -> tuple:
    """Best score first; on a tie, registered codes, then the lower number."""
    return (-round(match.score, 6), not match.record.registered, match.record.code)


def suggest(site: Site, query: str) -> str | None:
    """The query with each word that no code uses replaced by the closest word some code
    uses ("teapto" -> "teapot"), or None when that finds nothing new."""
    vocabulary = sorted({w for entry in _index(site) for w in entry.vocabulary})
    known = set(vocabulary)
    changed = False
    fixed = []
    for word in words(query):
        if word in known or word in OPTIONAL or word.isdigit():
            fixed.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        if close:
            fixed.append(close[0])
            changed = True
        else:
            fixed.append(word)
    if not changed:
        return None
    corrected = " ".join(fixed)
    return corrected if rank(site, corrected) else None


# --------------------------------------------------------------------------- queries

Kind = Literal["code", "prefix", "class", "words", "not-a-code"]


@dataclass(frozen=True)
class Found:
    """What a query names. ``records`` is best first (for words) or by number."""

    query: str
    kind: Kind
    records: tuple[CodeRecord, ...]
    # For a class query, its digit; for words, whether only most of the words matched.
    digit: int | None = None
    partial: bool = False
    # For a query nothing matched: the nearest thing that would have.
    suggestion: str | None = None
    near: tuple[int, ...] = ()


_CLASS = re.compile(r"^([1-5])xx$", re.IGNORECASE)


def find(site: Site, query: str) -> Found:
    """Read ``query`` as people type it and return what it names.

    - ``429``: that code; ``427`` (no such code): nothing, with the codes sharing ``42``;
    - ``4`` or ``42``: the codes that begin so, by number;
    - ``4xx``: the codes of the class, registered first;
    - anything else: words, ranked by ``rank``.
    """
    text = " ".join(query.split())
    if text.isascii() and text.isdigit():
        if len(text) == 3 and int(text) in site.codes:
            return Found(text, "code", (site.codes[int(text)],))
        if len(text) >= 3:
            near = tuple(site.codes_for_number(text[:2])) if len(text) == 3 else ()
            return Found(text, "not-a-code", (), near=near)
        records = tuple(site.codes[c] for c in site.codes_for_number(text))
        return Found(text, "prefix", records)
    klass = _CLASS.match(text)
    if klass:
        digit = int(klass.group(1))
        return Found(text, "class", tuple(site.in_class(digit)), digit=digit)
    matches = rank(site, text)
    if not matches:
        return Found(text, "words", (), suggestion=suggest(site, text))
    return Found(text, "words", tuple(m.record for m in matches), partial=not matches[0].complete)

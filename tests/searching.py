"""Drive Material's search box in a real browser and read the ranked results."""

from __future__ import annotations

from urllib.parse import urlparse

RESULT_LINKS = ".md-search-result__item > .md-search-result__link"

_WATCH = """() => {
    window.__searchMutations = [];
    // The result list and the line above it ("No matching documents" when nothing matches).
    const result = document.querySelector('.md-search-result');
    if (!window.__searchObserver) {
        window.__searchObserver = new MutationObserver(
            () => window.__searchMutations.push(performance.now()));
        window.__searchObserver.observe(
            result, {childList: true, subtree: true, characterData: true});
    }
    window.__searchMutations = [];
    window.__searchStart = performance.now();
}"""


def open_search(page, base: str) -> None:
    page.goto(base)
    page.locator("input.md-search__input").wait_for(state="attached")


# Returns false until the results (or the line saying there are none) have not changed
# for ``settle`` ms; then the result links in rank order and the ms from the last key.
_SETTLED = """(settle) => {
    const m = window.__searchMutations || [];
    const last = m.length ? m[m.length - 1] : window.__searchStart;
    if (!m.length || performance.now() - last < settle) return false;
    const links = document.querySelectorAll('.md-search-result__item > .md-search-result__link');
    return {hrefs: Array.from(links, a => a.href), elapsed: last - window.__searchStart};
}"""


def search(page, query: str, *, settle_ms: int = 250, measure: bool = False, timeout=15.0):
    """Type ``query``; return (result page paths in rank order, ms from last key to results).

    The time runs from the last keystroke to the last change of the result list; with
    ``measure`` the query minus its last key is typed and settled first, so that the
    figure is for one keystroke, as a benchmark wants.
    """
    box = page.locator("input.md-search__input")
    if not box.evaluate("el => el === document.activeElement"):
        box.click()
    if measure and len(query) > 1:
        box.press("Control+A")
        box.press("Backspace")
        box.press_sequentially(query[:-1], delay=10)
        page.wait_for_timeout(400)
    else:
        # Material runs one search per keystroke (on keyup), in order; typing a long query
        # at machine speed leaves a backlog whose stale results show for a while. Setting
        # the prefix (no keyup, so no search) and typing the last key queues one search.
        box.evaluate("(el, prefix) => { el.value = prefix; }", query[:-1])
    page.evaluate(_WATCH)
    box.press_sequentially(query[-1])
    try:
        handle = page.wait_for_function(_SETTLED, arg=settle_ms, polling=20, timeout=timeout * 1000)
    except Exception as exc:  # Playwright's TimeoutError
        raise TimeoutError(f"search results for {query!r} did not settle") from exc
    found = handle.json_value()
    return [urlparse(h).path for h in found["hrefs"]], found["elapsed"]


def relative(paths: list[str], base: str) -> list[str]:
    prefix = urlparse(base).path
    return [p[len(prefix) :] if p.startswith(prefix) else p for p in paths]


def score(page, base: str, cases, *, settle_ms: int = 150) -> dict:
    """Run ``cases`` ((kind, query, acceptable first results), as in tests/search_suite.py)
    through the search box; return top-1 and top-3 and the cases that missed.

    A case's acceptable results may be one path or a tuple of paths."""
    misses, top3_misses = [], []
    for kind, query, acceptable in cases:
        acceptable = (acceptable,) if isinstance(acceptable, str) else tuple(acceptable)
        paths, _ = search(page, query, settle_ms=settle_ms)
        ranked = relative(paths, base)
        if ranked[:1] and ranked[0] in acceptable:
            continue
        # On a loaded machine a result list can look settled and still be replaced: a miss
        # is searched once more, from an empty box and with a long settle, so only a
        # ranking miss counts.
        page.locator("input.md-search__input").fill("")
        page.wait_for_timeout(300)
        paths, _ = search(page, query, settle_ms=max(settle_ms, 800))
        ranked = relative(paths, base)
        if ranked[:1] and ranked[0] in acceptable:
            continue
        misses.append((kind, query, acceptable, ranked[:3]))
        if not set(ranked[:3]) & set(acceptable):
            top3_misses.append((kind, query, acceptable, ranked[:3]))
    total = len(cases)
    return {
        "cases": total,
        "top1": 1 - len(misses) / total,
        "top3": 1 - len(top3_misses) / total,
        "misses": misses,
        "top3_misses": top3_misses,
    }

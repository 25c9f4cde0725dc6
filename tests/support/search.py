"""Typing into Material's search as a reader would, and reading the results of that exact query.

Material's search runs in a web worker and answers every keystroke, so while a query is typed the
result list shows results for its first letters, then for more of it. Each result link carries
`?h=` with the query words that result matched (Material's `search.highlight` feature, the search
bundle's `searchParams.set("h", ...)`), so a link whose `h` holds every word of the query, and no
other, can only come from the whole query.
"""
from __future__ import annotations

SEARCH_INPUT = ".md-search__input"
SEARCH_BUTTON = ".md-header__button[for='__search']"  # shown on narrow screens only, where it opens the search
RESULT_LINK = ".md-search-result__link"
SEARCH_WORKER = "**/assets/javascripts/workers/search.*.js"
WAIT = 30_000  # ms: the worker builds its index on first use

NO_RESULTS = f"() => !document.querySelector({RESULT_LINK!r})"
RESULTS_FOR = f"""(words) => [...document.querySelectorAll({RESULT_LINK!r})].some((a) => {{
    const matched = new Set((new URL(a.href).searchParams.get("h") || "").split(" ").filter(Boolean));
    return matched.size === words.length && words.every((word) => matched.has(word));
}})"""


def search(page, words: str) -> list[str]:  # noqa: ANN001 - Playwright Page
    """Type words into the search (opening it first on a narrow screen); the section links
    (those with a `#`) of the results for exactly these words, in the order shown.

    Every word must be one the index can match: a stop word such as "the" is never in `h`."""
    if page.locator(SEARCH_BUTTON).is_visible():
        page.click(SEARCH_BUTTON)
    page.click(SEARCH_INPUT)
    # Empty the field and wait for the list to empty, so no result of an earlier query is read.
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function(NO_RESULTS, timeout=WAIT)
    page.keyboard.type(words)
    page.wait_for_function(RESULTS_FOR, arg=sorted(set(words.lower().split())), timeout=WAIT)
    return [a.get_attribute("href") for a in page.query_selector_all(f"{RESULT_LINK}[href*='#']")]


def delay_search_replies(page, milliseconds: int) -> None:  # noqa: ANN001 - Playwright Page
    """Hold back each reply of the search worker by milliseconds, as a slow machine would.
    Call before the page loads: the worker script is rewritten as it is fetched."""
    delay = (f"((post) => {{ self.postMessage = (...args) => setTimeout(() => post(...args), {milliseconds}); }})"
             f"(self.postMessage.bind(self));\n")

    def slow(route) -> None:  # noqa: ANN001 - Playwright Route
        response = route.fetch()
        route.fulfill(response=response, body=delay + response.text())

    page.route(SEARCH_WORKER, slow)

"""Typing into Material's search as a reader would, and reading the results of that exact query.

Material's search runs in a web worker and answers every keystroke, so while a query is typed the
result list shows results for its first letters, then for more of it. Each result link carries
`?h=` with the query words that result matched (Material's `search.highlight` feature, the search
bundle's `searchParams.set("h", ...)`), so a link whose `h` holds every word of the query, and no
other, can only come from the whole query.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from tests.support import ROOT

SEARCH_INPUT = ".md-search__input"
SEARCH_BUTTON = ".md-header__button[for='__search']"  # shown on narrow screens only, where it opens the search
RESULT_LINK = ".md-search-result__link"
SEARCH_WORKER = "**/javascripts/search-worker.js"  # the site's MiniSearch worker (sitebuild/search_engine.py)
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


# Reader queries (tests/data/reader_queries.toml) and asking them with any words, stop words too.
QUERIES_FILE = ROOT / "tests" / "data" / "reader_queries.toml"

# Added to every page before its scripts run: counts the queries sent to the search worker and the
# answers, and notes when the last key went up and when the last answer was shown.
TRACE = """
(() => {
  const Native = window.Worker;
  const trace = window.__searchTrace = { sent: 0, answered: 0, asked: null, keyUp: 0, shown: 0 };
  document.addEventListener("keyup", () => { trace.keyUp = performance.now(); }, true);
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes("search")) return;
      this.addEventListener("message", (event) => {
        if (event.data && event.data.type === 3) {
          trace.answered += 1;
          setTimeout(() => { trace.shown = performance.now(); });  // after the box has drawn them
        }
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { trace.sent += 1; trace.asked = message.data; }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


@dataclass(frozen=True)
class ReaderQuery:
    text: str
    answers: tuple[str, ...]
    kind: str


def reader_queries(path: Path = QUERIES_FILE) -> list[ReaderQuery]:
    """The reader-query set: what readers type and the clauses that answer."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [ReaderQuery(q["text"], tuple(q["answers"]), q["kind"]) for q in data["query"]]


def answers(query: ReaderQuery, clause_id: str) -> bool:
    """Whether a result opening clause_id answers the query (it is an answer or lies inside one)."""
    return any(clause_id == a or clause_id.startswith(a + "-") for a in query.answers)


def open_search(page) -> None:  # noqa: ANN001 - Playwright's Page
    """Open the search box as a reader does ('/' key) and wait until it says it is ready."""
    page.keyboard.press("/")
    page.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
                   return m && m.textContent.trim() !== '' && !/initiali[sz]ing/i.test(m.textContent); }""",
        timeout=WAIT,
    )


def ask(page, words: str, paste: bool = False) -> list[str]:  # noqa: ANN001 - Playwright's Page
    """Type (or paste) any words, stop words too, into the search box opened with `open_search`;
    the clause ids the results open, in the order the reader sees them.

    Results are for the whole query once the worker has answered the last query the box sent
    (TRACE, added to the page before it loads, watches the box's messages to the worker)."""
    if paste:
        page.fill(SEARCH_INPUT, words)
        page.keyboard.press("End")  # the box reads its value when a key goes up
    else:
        page.fill(SEARCH_INPUT, "")
        page.keyboard.type(words)
    page.wait_for_function(
        """(words) => { const t = window.__searchTrace;
                        return t.asked === words && t.answered >= t.sent && t.shown >= t.keyUp; }""",
        arg=words, timeout=WAIT,
    )
    # Sections folded away under "N more on this page" are not what the reader sees first.
    hrefs = page.eval_on_selector_all(
        RESULT_LINK, "links => links.filter(a => !a.closest('details')).map(a => a.getAttribute('href'))")
    return [href.split("#", 1)[1] for href in hrefs if "#" in href]


def keystroke_to_results_ms(page) -> float:  # noqa: ANN001 - Playwright's Page
    """Milliseconds from the last key going up to its results being shown."""
    return page.evaluate("window.__searchTrace.shown - window.__searchTrace.keyUp")

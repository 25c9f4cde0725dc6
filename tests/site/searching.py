"""Search as a reader uses it: type into the search box in the header, read the results.

The box sends every keystroke's query to the search worker; results are for the whole query once
the worker has answered the last query the box sent (TRACE watches the box's messages to the
worker, the way the browser's developer tools would, and changes nothing).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

QUERIES_FILE = Path(__file__).resolve().parent.parent / "data" / "reader_queries.toml"
RESULT_LINKS = ".md-search-result__link"
WAIT_MS = 30_000

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
        timeout=WAIT_MS,
    )


def search(page, words: str, paste: bool = False) -> list[str]:  # noqa: ANN001 - Playwright's Page
    """Type (or paste) words into the open search box; the clause ids the results open, in the order shown."""
    if paste:
        page.fill(".md-search__input", words)
        page.keyboard.press("End")  # the box reads its value when a key goes up
    else:
        page.fill(".md-search__input", "")
        page.keyboard.type(words)
    page.wait_for_function(
        """(words) => { const t = window.__searchTrace;
                        return t.asked === words && t.answered >= t.sent && t.shown >= t.keyUp; }""",
        arg=words, timeout=WAIT_MS,
    )
    # Sections folded away under "N more on this page" are not what the reader sees first.
    hrefs = page.eval_on_selector_all(
        RESULT_LINKS, "links => links.filter(a => !a.closest('details')).map(a => a.getAttribute('href'))")
    return [href.split("#", 1)[1] for href in hrefs if "#" in href]


def keystroke_to_results_ms(page) -> float:  # noqa: ANN001 - Playwright's Page
    """Milliseconds from the last key going up to its results being shown."""
    return page.evaluate("window.__searchTrace.shown - window.__searchTrace.keyUp")

"""Benchmark: search on the reader-query set, in Debian's Chromium, typed into the real search box.

Prints, for a built site (by default the current tree, built afresh):
- hit rate: the share of reader queries (tests/data/reader_queries.toml) with an answering clause
  first, and among the first three results;
- bytes a reader downloads for search before the first result (the index, the worker and its
  libraries, as the browser fetched them);
- time from the last keystroke to its results, once the index is loaded (median and slowest).
Not a test: one run on a noisy machine. Run with `make bench`, or
`python bench/search.py --site DIR` to measure a site built elsewhere (how the candidates in the
README's table were compared); `--misses` lists the queries without an answer in the first three.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, for tests.support

from tests.support.build import mkdocs_build  # noqa: E402
from tests.support.chromium import launch_options  # noqa: E402
from tests.support.search import TRACE, answers, ask, keystroke_to_results_ms, open_search, reader_queries  # noqa: E402
from tests.support.server import serve  # noqa: E402


def measure(site: Path, show_misses: bool) -> None:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(**launch_options())
        page = browser.new_page()
        page.add_init_script(TRACE)
        search_bytes: list[int] = []
        page.on("requestfinished", lambda r: search_bytes.append(r.sizes()["responseBodySize"])
                if "search" in r.url else None)
        page.goto(base + "glossary/")
        open_search(page)
        queries = reader_queries()
        top1 = top3 = 0
        times: list[float] = []
        first_bytes = None
        for query in queries:
            found = ask(page, query.text)
            if first_bytes is None:
                first_bytes = sum(search_bytes)
            times.append(keystroke_to_results_ms(page))
            top1 += bool(found[:1]) and answers(query, found[0])
            hit = any(answers(query, clause) for clause in found[:3])
            top3 += hit
            if show_misses and not hit:
                print(f"  miss: {query.text!r} -> {found[:3]} (want {', '.join(query.answers)})")
        browser.close()
    n = len(queries)
    print(f"reader queries: {n}")
    print(f"hit rate, answer first: {top1}/{n} = {top1 / n:.0%}")
    print(f"hit rate, answer in first three: {top3}/{n} = {top3 / n:.0%}")
    print(f"index bytes (search/search_index.json): {(site / 'search' / 'search_index.json').stat().st_size:,}")
    print(f"search bytes downloaded before the first result: {first_bytes:,}")
    print(f"keystroke to results, once loaded: median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build the current tree)")
    parser.add_argument("--misses", action="store_true", help="list the queries without an answer in the first three")
    args = parser.parse_args()
    if args.site:
        measure(args.site, args.misses)
        return
    with tempfile.TemporaryDirectory() as tmp:
        result = mkdocs_build(Path(tmp))
        if result.returncode:
            sys.exit(result.stderr)
        measure(Path(tmp), args.misses)


if __name__ == "__main__":
    main()

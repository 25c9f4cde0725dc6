"""Benchmark: what a widget costs over bare Pyodide, and what each kind of page transfers.

Prints figures from one run in Debian's Chromium (not a test: these machines are
noisy, so compare the ratios, not the seconds). Run with `make bench`.

- navigation to widget `ready`, cold (fresh browser profile) and warm (second
  visit, files cached), next to a bare page that only starts Pyodide in a
  module worker from the same files;
- time from asking for a result to seeing it, once Python is ready;
- bytes transferred for a plain content page and for a widget page.
"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, for tests.support

from tests.support.build import mkdocs_build  # noqa: E402
from tests.support.chromium import launch_options  # noqa: E402
from tests.support.filling import choose_everywhere  # noqa: E402
from tests.support.server import serve  # noqa: E402

RUNS = 5
WIDGET_PAGE = "self-check/sensitive-roles/"
CONTENT_PAGE = "policy/"

# The bare page: the same Pyodide files, started the same way (module worker), nothing else.
BARE_WORKER = """import { loadPyodide } from "./assets/pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("./assets/pyodide/", import.meta.url).href });
self.postMessage("ready");
"""
BARE_PAGE = """<!doctype html><html lang="en"><title>bare Pyodide</title><body data-state="loading">
<script type="module">
const worker = new Worker("./bare-worker.js", { type: "module" });
worker.onmessage = () => { document.body.dataset.state = "ready"; };
</script></body></html>
"""

# Time from navigation start to the moment something gets data-state="ready".
READY_PROBE = """
window.__ready = new Promise((resolve) => {
  new MutationObserver((_, observer) => {
    if (document.querySelector("[data-state=ready]")) { observer.disconnect(); resolve(performance.now()); }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
});
"""


def time_to_ready(page, url: str) -> tuple[float, float]:  # noqa: ANN001
    """Seconds from navigation to ready, and to the moment the page started its Python worker."""
    page.goto(url)
    ready = page.evaluate("window.__ready") / 1000
    started = page.evaluate("""() => (performance.getEntriesByType("resource")
        .find((e) => e.name.includes("python-worker")) || { startTime: 0 }).startTime""")
    return ready, started / 1000


def cold_and_warm(playwright, url: str) -> tuple[tuple[float, float], tuple[float, float]]:  # noqa: ANN001
    """(ready, worker start) on a fresh profile, then on a second visit with the same profile."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, **launch_options())
        context.add_init_script(READY_PROBE)
        page = context.new_page()
        cold = time_to_ready(page, url)
        page.goto("about:blank")
        warm = time_to_ready(page, url)
        context.close()
    return cold, warm


def bytes_for(browser, url: str) -> tuple[int, int]:  # noqa: ANN001
    """Bytes on the wire (headers and bodies, uncompressed here) for loading a page until idle,
    and how many of them were Pyodide's."""
    context = browser.new_context()
    context.add_init_script(READY_PROBE)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda r: finished.append(r))
    page.goto(url)
    if "self-check" in url:
        page.evaluate("window.__ready")
    page.wait_for_load_state("networkidle")
    sizes = [(r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]) for r in finished]
    context.close()
    return sum(n for _, n in sizes), sum(n for u, n in sizes if "/assets/pyodide/" in u)


def time_to_result(browser, url: str) -> float:  # noqa: ANN001
    """Seconds from submitting the sensitive-role check to its next step on screen, once Python is ready."""
    context = browser.new_context()
    context.add_init_script(READY_PROBE)
    page = context.new_page()
    page.goto(url)
    page.evaluate("window.__ready")
    choose_everywhere(page, "yes")
    elapsed = page.evaluate("""async () => {
        const widget = document.querySelector('[data-widget]');
        const start = performance.now();
        const done = new Promise((resolve) => new MutationObserver((_, o) => {
            if (widget.querySelector('#sensitive-roles-check-title')) { o.disconnect(); resolve(performance.now()); }
        }).observe(widget, { subtree: true, childList: true }));
        widget.querySelector('button[value=continue]').click();
        return (await done) - start;
    }""")
    context.close()
    return elapsed / 1000


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        with serve(site) as base:
            result = mkdocs_build(site, site_url=base)
            if result.returncode:
                sys.exit(result.stderr)
            (site / "bare.html").write_text(BARE_PAGE)
            (site / "bare-worker.js").write_text(BARE_WORKER)
            with sync_playwright() as p:
                # Alternate bare and widget runs so that machine noise hits both alike; report medians.
                runs = [(cold_and_warm(p, base + "bare.html"), cold_and_warm(p, base + WIDGET_PAGE))
                        for _ in range(RUNS)]
                bare_cold, bare_warm = (statistics.median(r[0][i][0] for r in runs) for i in (0, 1))
                widget_cold, widget_warm = (statistics.median(r[1][i][0] for r in runs) for i in (0, 1))
                start_cold, start_warm = (statistics.median(r[1][i][1] for r in runs) for i in (0, 1))
                browser = p.chromium.launch(**launch_options())
                content_bytes, content_pyodide = bytes_for(browser, base + CONTENT_PAGE)
                widget_bytes, widget_pyodide = bytes_for(browser, base + WIDGET_PAGE)
                result_s = time_to_result(browser, base + WIDGET_PAGE)
                browser.close()
        pyodide_bytes = sum(f.stat().st_size for f in (site / "assets" / "pyodide").iterdir())
        shutil.rmtree(site)

    print(f"{'measure':44} {'bare Pyodide':>13} {'widget':>9} {'ratio':>7}")
    print(f"{'navigation to ready, cold (s)':44} {bare_cold:13.2f} {widget_cold:9.2f} {widget_cold / bare_cold:7.2f}")
    print(f"{'navigation to ready, warm (s)':44} {bare_warm:13.2f} {widget_warm:9.2f} {widget_warm / bare_warm:7.2f}")
    print(f"{'  widget page: worker requested at, cold (s)':44} {'':13} {start_cold:9.2f}")
    print(f"{'  widget page: worker requested at, warm (s)':44} {'':13} {start_warm:9.2f}")
    print(f"{'result after asking, once ready (ms)':44} {'':13} {result_s * 1000:9.1f}")
    print(f"{'bytes, content page ' + CONTENT_PAGE:44} {'':13} {content_bytes:9,d}")
    print(f"{'bytes, widget page ' + WIDGET_PAGE:44} {'':13} {widget_bytes:9,d} {widget_bytes / content_bytes:7.1f}")
    print(f"{'  of which Pyodide, content page':44} {'':13} {content_pyodide:9,d}")
    print(f"{'  of which Pyodide, widget page':44} {'':13} {widget_pyodide:9,d}")
    print(f"{'Pyodide core on disk (uncompressed)':44} {'':13} {pyodide_bytes:9,d}")
    print(f"(medians of {RUNS} alternating runs; times from navigation start)")


if __name__ == "__main__":
    main()

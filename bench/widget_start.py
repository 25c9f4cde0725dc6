"""Benchmark: how fast a widget page gets Python ready, and what each kind of page transfers.

Prints figures from one run in Debian's Chromium (not a test: these machines are
noisy, so compare the ratios, not the seconds). Run with `make bench`.

- navigation to widget `ready`, cold (fresh browser profile) and warm (second
  visit, files cached), next to two bare pages that only start Pyodide in a
  module worker: one from the npm package's own files (stock, source-only
  standard library), one from the site's files (precompiled standard library);
  and next to the widget's own page with that bare start in place of the widget,
  which splits what the widget adds from what the page around it costs;
- the steps of each start from timestamps (the workers' `step` messages and the page);
- time from asking for a result to seeing it, once Python is ready;
- bytes for a plain content page and for a widget page, as served here
  (uncompressed) and as a server sending the build's .br copies would send them.
"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, for tests.support

from tests.support import ROOT  # noqa: E402
from tests.support.build import mkdocs_build  # noqa: E402
from tests.support.chromium import launch_options  # noqa: E402
from tests.support.filling import choose_everywhere  # noqa: E402
from tests.support.server import serve  # noqa: E402

RUNS = 5
READY_WITHIN_MS = 180_000
WIDGET_PAGE = "self-check/sensitive-roles/"
CONTENT_PAGE = "policy/"
# Pyodide's own files, exactly as the npm package ships them (source-only standard library).
STOCK_DIR = "stock-pyodide"

# Bare pages: Pyodide started in a module worker, nothing else. Stock: the npm package's files;
# own: the site's files, with the standard library the build precompiled.
# They report the same steps as the widget's worker (python-worker.js), so the tables line up.
BARE_WORKER = """import { loadPyodide } from "./%(dir)s/pyodide.mjs";
const step = (name) => self.postMessage({ step: { name, at: performance.timeOrigin + performance.now() } });
step("worker started");
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (...args) => {
  const result = await instantiateStreaming(...args);
  step("runtime instantiated");
  return result;
};
await loadPyodide({ indexURL: new URL("./%(dir)s/", import.meta.url).href%(stdlib)s });
step("Python started");
self.postMessage("ready");
"""
# The page's script is a file of its own: the server sends the site's Content-Security-Policy,
# which allows no inline script.
BARE_PAGE = """<!doctype html><html lang="en"><title>bare Pyodide</title><body data-state="loading">
<script src="./%s"></script></body></html>
"""
BARE_PAGE_SCRIPT = """const worker = new Worker(new URL("%s", document.currentScript.src), { type: "module" });
worker.onmessage = ({ data }) => { if (data === "ready") document.body.dataset.state = "ready"; };
"""
# The widget's page, its widget left static (no start-python.js, no widgets.js), starting the bare
# own worker from its head where start-python.js stood: the page around the widget, without it.
IN_PAGE = "bare-own-in-page.html"
BARE = {
    "stock": {"dir": STOCK_DIR, "stdlib": ""},
    "own": {"dir": "assets/pyodide", "stdlib": ', stdLibURL: new URL("./assets/python/stdlib.zip", import.meta.url).href'},
}

# Times from navigation start: something gets data-state="ready"; the worker's answer to the
# widget's first request after that (its first view); and every step the Python worker reports
# ({step: {name, at}}, epoch ms).
PROBE = """
window.__ready = new Promise((resolve) => {
  new MutationObserver((_, observer) => {
    if (document.querySelector("[data-state=ready]")) { observer.disconnect(); resolve(performance.now()); }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
});
let answers = 0, firstAnswer;
window.__firstAnswer = new Promise((resolve) => { firstAnswer = resolve; });
window.__steps = {};
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => {
      if (data && data.step) window.__steps[data.step.name] ??= data.step.at - performance.timeOrigin;
      // The first answer is to "prepare" (the widget is then ready); the second, to the first request.
      if (data && data.id !== undefined && ++answers === 2) firstAnswer(performance.now());
    });
  }
};
"""


def add_bare_pages(site: Path) -> None:
    """The two bare pages, and the npm package's own files beside the site's."""
    shutil.copytree(ROOT / "node_modules" / "pyodide", site / STOCK_DIR)
    for name, settings in BARE.items():
        (site / f"bare-{name}-worker.js").write_text(BARE_WORKER % settings)
        (site / f"bare-{name}-page.js").write_text(BARE_PAGE_SCRIPT % f"bare-{name}-worker.js")
        (site / f"bare-{name}.html").write_text(BARE_PAGE % f"bare-{name}-page.js")
    page = (site / WIDGET_PAGE / "index.html").read_text(encoding="utf-8")
    depth = "../" * WIDGET_PAGE.count("/")
    start, widgets = (f'<script src="{depth}javascripts/start-python.js"></script>',
                      f'<script src="{depth}javascripts/widgets.js" type="module"></script>')
    if start not in page or widgets not in page:
        sys.exit(f"{WIDGET_PAGE}: its Python scripts are not where the bench expects them; update add_bare_pages")
    page = page.replace(start, f'<script src="{depth}bare-own-page.js"></script>').replace(widgets, "")
    (site / WIDGET_PAGE / IN_PAGE).write_text(page, encoding="utf-8")


def ready_at(page) -> float:  # noqa: ANN001
    """Milliseconds from navigation to ready; a page that never gets ready fails the bench, not hangs it."""
    page.wait_for_selector("[data-state=ready]", state="attached", timeout=READY_WITHIN_MS)
    return page.evaluate("window.__ready")


def visit(page, url: str) -> dict[str, float]:  # noqa: ANN001
    """Seconds from navigation to ready, and to each step its worker reports on the way."""
    page.goto(url)
    times = {"ready": ready_at(page)}
    times.update(page.evaluate("window.__steps"))
    if "bare-" not in url:
        times["first view (answer to the first request)"] = page.evaluate("window.__firstAnswer")
        times["worker requested"] = page.evaluate("""() => (performance.getEntriesByType("resource")
            .find((e) => e.name.includes("python-worker")) || { startTime: 0 }).startTime""")
    return {step: ms / 1000 for step, ms in times.items()}


def cold_and_warm(playwright, url: str) -> tuple[dict[str, float], dict[str, float]]:  # noqa: ANN001
    """Step times on a fresh profile, then on a second visit with the same profile."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, **launch_options())
        context.add_init_script(PROBE)
        page = context.new_page()
        cold = visit(page, url)
        page.goto("about:blank")
        warm = visit(page, url)
        context.close()
    return cold, warm


def bytes_for(browser, site: Path, url: str) -> tuple[int, int, int]:  # noqa: ANN001
    """For loading a page until idle: bytes as served here (uncompressed, headers included), the same
    files' bytes had the server sent the build's .br copies, and how many of the first were Pyodide's."""
    context = browser.new_context()
    context.add_init_script(PROBE)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda r: finished.append(r))
    page.goto(url)
    if "self-check" in url:
        ready_at(page)
    page.wait_for_load_state("networkidle")
    sizes = [(r.url, r.sizes()["responseBodySize"], r.sizes()["responseHeadersSize"]) for r in finished]
    context.close()

    def brotli(address: str, body: int) -> int:
        path = site / address.split("/", 3)[3].split("?")[0]
        path = path / "index.html" if path.is_dir() else path
        copy = path.with_name(path.name + ".br")
        return copy.stat().st_size if copy.exists() else body

    raw = sum(body + headers for _, body, headers in sizes)
    with_brotli = sum(brotli(u, body) + headers for u, body, headers in sizes)
    return raw, with_brotli, sum(body + headers for u, body, headers in sizes if "/assets/pyodide/" in u)


def time_to_result(browser, url: str) -> float:  # noqa: ANN001
    """Seconds from submitting the sensitive-role check to its next step on screen, once Python is ready."""
    context = browser.new_context()
    context.add_init_script(PROBE)
    page = context.new_page()
    page.goto(url)
    ready_at(page)
    page.evaluate("window.__firstAnswer")
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


def medians(visits: list[dict[str, float]]) -> dict[str, float]:
    """The median time of each step seen in every visit, in the order the steps happen."""
    steps = set.intersection(*(set(v) for v in visits))
    return dict(sorted(((s, statistics.median(v[s] for v in visits)) for s in steps), key=lambda item: item[1]))


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        with serve(site) as base:
            result = mkdocs_build(site, site_url=base)
            if result.returncode:
                sys.exit(result.stderr)
            add_bare_pages(site)
            pages = {"stock": base + "bare-stock.html", "own": base + "bare-own.html",
                     "in page": base + WIDGET_PAGE + IN_PAGE, "widget": base + WIDGET_PAGE}
            with sync_playwright() as p:
                # Alternate the pages so that machine noise hits them alike; report medians.
                runs = [{name: cold_and_warm(p, url) for name, url in pages.items()} for _ in range(RUNS)]
                browser = p.chromium.launch(**launch_options())
                content_bytes, content_brotli, content_pyodide = bytes_for(browser, site, base + CONTENT_PAGE)
                widget_bytes, widget_brotli, widget_pyodide = bytes_for(browser, site, base + WIDGET_PAGE)
                result_s = time_to_result(browser, base + WIDGET_PAGE)
                browser.close()
        shutil.rmtree(site)

    ready = {(name, visit): medians([r[name][visit] for r in runs])["ready"]
             for name in pages for visit in (0, 1)}
    row = "{:58} {:>9} {:>9} {:>9} {:>9}"
    print(row.format("navigation to ready (s), medians", "cold", "warm", "", ""))
    for name, label in (("stock", "bare page, stock Pyodide (npm files)"),
                        ("own", "bare page, the site's Pyodide files"),
                        ("in page", "the widget's page, the bare start instead of the widget"),
                        ("widget", "widget page " + WIDGET_PAGE)):
        print(row.format(label, f"{ready[name, 0]:.2f}", f"{ready[name, 1]:.2f}", "", ""))
    for base_name, label in (("stock", "ratio widget / stock bare (goal <= 0.6)"),
                             ("own", "ratio widget / own bare (goal <= 1.10)"),
                             ("in page", "ratio widget / its page with the bare start")):
        print(row.format(label, *(f"{ready['widget', v] / ready[base_name, v]:.2f}" for v in (0, 1)), "", ""))
    print()
    # Each start's steps side by side: where the widget page loses time, and to what.
    steps = {(name, v): medians([r[name][v] for r in runs]) for name in ("own", "in page", "widget") for v in (0, 1)}
    print(row.format("steps from navigation (s), medians", "own bare", "in page", "widget", "widget"))
    print(row.format("", "cold", "cold", "cold", "warm"))
    for step in steps["widget", 0]:
        print(row.format("  " + step, *(f"{steps[key][step]:.2f}" if step in steps[key] else ""
                                        for key in (("own", 0), ("in page", 0), ("widget", 0), ("widget", 1)))))
    print()
    print(row.format("bytes", "as served", "brotli", "", ""))
    print(row.format("content page " + CONTENT_PAGE, f"{content_bytes:,d}", f"{content_brotli:,d}", "", ""))
    print(row.format("  of which Pyodide (goal 0)", f"{content_pyodide:,d}", "", "", ""))
    print(row.format("widget page " + WIDGET_PAGE + " (goal <= 5.5 MB brotli)", f"{widget_bytes:,d}", f"{widget_brotli:,d}", "", ""))
    print(row.format("  of which Pyodide", f"{widget_pyodide:,d}", "", "", ""))
    print()
    print(f"result after asking, once ready (goal <= 100 ms): {result_s * 1000:.1f} ms")
    print(f"(medians of {RUNS} alternating runs; times from navigation start)")


if __name__ == "__main__":
    main()

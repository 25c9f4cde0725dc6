"""The widget engine in Debian's Chromium: Python starts, fails cleanly, and stays alive across pages."""
from tests.support.widget import READY, open_ready

WIDGET_PAGES = ("self-check/privacy-settings/", "self-check/sensitive-roles/", "training/quiz/")


def test_each_widget_page_reaches_ready(page, site_url):
    for path in WIDGET_PAGES:
        open_ready(page, site_url + path)


def test_python_that_cannot_load_gives_error_and_keeps_the_page(page, site_url):
    page.route("**/assets/python/*.whl", lambda route: route.abort())
    page.goto(site_url + "self-check/sensitive-roles/")
    widget = page.wait_for_selector("[data-widget][data-state=error]", timeout=READY)
    status = widget.query_selector(".widget-status").inner_text()
    assert "could not start" in status
    # The static form and its guidance are still there to read and print.
    assert widget.query_selector("fieldset") is not None
    assert page.locator("article h1").is_visible()
    # Buttons that need Python are hidden rather than left to do nothing.
    assert all(not b.is_visible() for b in widget.query_selector_all(".js-only"))


def test_blocked_runtime_gives_error(page, site_url):
    page.route("**/assets/pyodide/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(site_url + "training/quiz/")
    page.wait_for_selector("[data-widget][data-state=error]", timeout=READY)


def test_content_page_loads_no_python(page, site_url):
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(site_url + "policy/")
    page.wait_for_load_state("networkidle")
    assert urls, "no requests recorded"
    assert not [u for u in urls if "/assets/pyodide/" in u or "/assets/python/" in u or "python-worker" in u]


def test_python_stays_alive_across_instant_navigation(page, site_url):
    wasm: list[str] = []
    page.on("request", lambda r: wasm.append(r.url) if r.url.endswith("pyodide.asm.wasm") else None)
    open_ready(page, site_url + "training/quiz/")
    # Instant navigation: follow in-site links, no full page load.
    page.locator("nav.md-nav a[href*='sensitive-roles']").first.click()
    page.wait_for_url("**/self-check/sensitive-roles/")
    page.wait_for_selector("[data-widget='sensitive-roles'][data-state=ready]", timeout=READY)
    assert len(wasm) == 1, wasm

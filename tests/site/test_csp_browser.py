"""The site under the strict Content-Security-Policy the README documents: no page breaks it."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest
from conftest import ROOT
from keyboard import READY
from test_pages_browser import search, site_pages

CSP = "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; object-src 'none'; base-uri 'self'"

# Every violation the page sees, whether or not anything reports it on the console.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


class _PolicyHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def csp_url(built_site):
    handler = functools.partial(_PolicyHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture()
def csp_page(browser):
    """A page of its own: the policy's server is on another port than the `page` fixture allows."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def watch(page) -> list[str]:
    """Console errors and warnings about the policy, as they come."""
    seen: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("worker", lambda w: w.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None))
    return seen


def test_every_page_runs_under_the_policy(csp_page, built_site, csp_url):
    page = csp_page
    console = watch(page)
    for path in site_pages(built_site):
        page.goto(csp_url + path)
        page.wait_for_load_state("load")
        if page.locator("[data-widget]").count():  # the Python worker runs under the policy too
            page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
        assert page.evaluate("window.__cspViolations") == [], path
        # Material's storage helpers (now a file) ran: its bundle needs them.
        assert page.evaluate("typeof __md_get") == "function", path
    assert console == []


def test_search_colours_and_widgets_work_under_the_policy(csp_page, csp_url):
    page = csp_page
    console = watch(page)
    page.goto(csp_url)
    assert search(page, "uniform")[0].endswith("#policy-2-3")
    page.keyboard.press("Escape")
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== '{scheme}'")
    chosen = page.evaluate("document.body.dataset.mdColorScheme")
    page.goto(csp_url + "policy/")  # a new page load keeps the reader's colours
    assert page.evaluate("document.body.dataset.mdColorScheme") == chosen
    page.goto(csp_url + "self-check/sensitive-roles/")
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    page.check("input[name=role][value=no]")
    page.click("[data-widget] button[value=continue]")
    page.wait_for_selector("#sensitive-roles-interim-title")
    assert page.evaluate("window.__cspViolations") == []
    assert console == []


def test_the_readme_documents_the_policy_the_tests_use():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{CSP}" always;' in readme  # nginx
    assert f'Header always set Content-Security-Policy "{CSP}"' in readme  # Apache

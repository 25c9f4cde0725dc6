"""The site under the strict Content-Security-Policy the README documents: no page breaks it.

Every browser test is served with the policy (tests/support/server.py); these look for what a
broken policy does quietly: a refused script, search or the colour toggle that stop working."""
from __future__ import annotations

from tests.support import ROOT
from tests.support.build import site_pages
from tests.support.search import search
from tests.support.server import CONTENT_SECURITY_POLICY
from tests.support.widget import READY

# Every violation the page sees, whether or not anything reports it on the console.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def is_about_the_policy(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


def watch(page) -> list[str]:  # noqa: ANN001 - Playwright Page
    """Console messages about the policy, from the page and its workers, as they come."""
    seen: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda m: seen.append(m.text) if is_about_the_policy(m.text) else None)
    page.on("worker", lambda w: w.on("console", lambda m: seen.append(m.text) if is_about_the_policy(m.text) else None))
    return seen


def test_the_tests_serve_the_policy(page, site_url):
    response = page.goto(site_url)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_every_page_runs_under_the_policy(page, built_site, site_url):
    console = watch(page)
    for path in site_pages(built_site):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        if page.locator("[data-widget]").count():  # the Python worker runs under the policy too
            page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
        assert page.evaluate("window.__cspViolations") == [], path
        # Material's storage helpers (now a file) ran: its bundle needs them.
        assert page.evaluate("typeof __md_get") == "function", path
    assert console == []


def test_search_colours_and_widgets_work_under_the_policy(page, site_url):
    console = watch(page)
    page.goto(site_url)
    assert search(page, "uniform")[0].endswith("#policy-2-3")
    page.keyboard.press("Escape")
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== '{scheme}'")
    chosen = page.evaluate("document.body.dataset.mdColorScheme")
    page.goto(site_url + "policy/")  # a new page load keeps the reader's colours
    assert page.evaluate("document.body.dataset.mdColorScheme") == chosen
    page.goto(site_url + "self-check/sensitive-roles/")
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    page.check("input[name=role][value=no]")
    page.click("[data-widget] button[value=continue]")
    page.wait_for_selector("#sensitive-roles-interim-title")
    assert page.evaluate("window.__cspViolations") == []
    assert console == []


def test_the_readme_documents_the_policy_the_tests_use():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {CONTENT_SECURITY_POLICY}" in readme
    assert f'add_header Content-Security-Policy "{CONTENT_SECURITY_POLICY}" always;' in readme  # nginx
    assert f'Header always set Content-Security-Policy "{CONTENT_SECURITY_POLICY}"' in readme  # Apache

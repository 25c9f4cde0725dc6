"""The site under the strict Content-Security-Policy the README documents: no page breaks it.

Every browser test is served with the policy (tests/support/server.py); these look for what a
broken policy does quietly: a refused script, search or the colour toggle that stop working."""
from __future__ import annotations

from tests.support import ROOT
from tests.support.search import search
from tests.support.server import CONTENT_SECURITY_POLICY
from tests.support.sweep import every_visit, watch_policy
from tests.support.widget import READY


def test_the_tests_serve_the_policy(page, site_url):
    response = page.goto(site_url)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_every_page_runs_under_the_policy(swept):
    for visit in every_visit(swept):
        where = f"{visit.path} at {visit.width}px"
        assert visit.policy_violations == [], where
        assert visit.policy_console == [], where
        # Material's storage helpers (now a file) ran: its bundle needs them.
        assert visit.material_storage, where


def test_search_colours_and_widgets_work_under_the_policy(page, site_url):
    console = watch_policy(page)
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

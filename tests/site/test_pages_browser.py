"""Every built page in Chromium: nothing is fetched from any other host."""
import pytest

from tests.support.build import site_pages
from tests.support.search import delay_search_replies, search
from tests.support.sweep import every_visit


def test_no_page_requests_another_origin(swept, site_url):
    visits = every_visit(swept)
    assert len({visit.path for visit in visits}) >= 10
    assert all(visit.requests for visit in visits)  # every visit was watched
    foreign = {f"{visit.path} ({visit.width}px)": found for visit in visits if (found := visit.foreign(site_url))}
    print(f"{len(visits)} visits, {sum(len(visit.requests) for visit in visits)} requests, {len(foreign)} with other origins")
    assert foreign == {}


# A slow search worker shows results for the first letters of a query before the whole of it:
# the search helper must wait for the results of everything typed.
@pytest.mark.parametrize("reply_delay_ms", [0, 1000], ids=["search at full speed", "slow search worker"])
def test_search_lands_on_the_clause(page, site_url, reply_delay_ms):
    if reply_delay_ms:
        delay_search_replies(page, reply_delay_ms)
    page.goto(site_url)
    assert search(page, "uniform")[0].endswith("#policy-2-3")
    assert any(link.endswith("#procedure-appendix-2-use-secure-passwords") for link in search(page, "secure passwords"))
    assert any("#procedure-3-1-1" in link for link in search(page, "safeguarding children"))


def test_pages_read_without_javascript(browser, built_site, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in site_pages(built_site):
        page.goto(site_url + path)
        assert page.locator("article h1").first.is_visible(), path
    # Every widget's questions and guidance show as plain HTML.
    for path in ("self-check/privacy-settings/", "self-check/sensitive-roles/"):
        page.goto(site_url + path)
        assert page.locator("[data-widget] fieldset").count() >= 5, path
        assert all(not b.is_visible() for b in page.query_selector_all("[data-widget] .js-only")), path
    page.goto(site_url + "training/quiz/")
    answers = page.locator("[data-widget] details")
    assert answers.count() >= 40
    answers.first.locator("summary").click()
    assert answers.first.locator(".site-advice").first.is_visible()
    context.close()


def test_documents_print_with_clause_numbers_and_no_navigation(page, site_url):
    for path, heading in (("policy/", "2.3 Social media advice for staff in sensitive positions"),
                          ("procedure/", "3.4 Responsibilities when using Social Media for Personal Use")):
        page.goto(site_url + path)
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
            assert not page.locator(chrome).first.is_visible(), f"{chrome} prints on {path}"
        assert page.get_by_role("heading", name=heading).is_visible()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") > 2
        page.emulate_media(media="screen")


def test_abbreviations_expand_on_focus(page, site_url):
    page.goto(site_url + "policy/")
    # Keyboard focus, as a reader would give it: Tab from the element just before.
    page.evaluate("""() => {
        const abbr = [...document.querySelectorAll("abbr[tabindex='0']")].find(a => a.textContent === "CCHQ");
        abbr.setAttribute("id", "first-cchq");
        const before = document.createElement("span");
        before.tabIndex = 0;
        abbr.before(before);
        before.focus();
    }""")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "first-cchq"
    page.wait_for_function("() => document.activeElement.hasAttribute('aria-describedby')")
    tooltip = page.locator("#" + page.evaluate("document.activeElement.getAttribute('aria-describedby')"))
    tooltip.wait_for(state="visible")
    assert "CrowdControlHQ" in tooltip.inner_text()


def test_the_site_stores_what_the_privacy_page_says_and_no_more(browser, built_site, site_url):
    """No cookies; in local storage only Material's colour-scheme setting, unless a reader asks to remember."""
    context = browser.new_context()
    page = context.new_page()
    for path in site_pages(built_site):
        page.goto(site_url + path)
    search(page, "uniform")
    local = page.evaluate("Object.keys(localStorage)")
    session = page.evaluate("Object.keys(sessionStorage)")
    cookies = context.cookies()
    context.close()
    assert cookies == []
    assert session == []
    assert all(key.endswith("__palette") for key in local), local

"""The two self-checks in Chromium: by keyboard alone, privately, accessibly, and before Python is ready."""
import json

from tests.support.axe import violations
from tests.support.filling import choose_everywhere
from tests.support.keyboard import answer_every_radio_group, focused, start_before_widget, tab_until
from tests.support.widget import READY, open_ready

SENSITIVE = "self-check/sensitive-roles/"
PRIVACY = "self-check/privacy-settings/"


def test_sensitive_roles_by_keyboard_alone(page, site_url):
    open_ready(page, site_url + SENSITIVE)
    start_before_widget(page)
    # "Yes" to the role question and "Yes, someone who is not a friend can see it" to all eleven.
    answered = answer_every_radio_group(page)
    assert answered == 12
    page.keyboard.press("Enter")
    page.wait_for_selector("#sensitive-roles-check-title")
    assert focused(page)["id"] == "sensitive-roles-check-title"
    tab_until(page, lambda i: i["value"] == "confirm")
    page.keyboard.press("Enter")
    page.wait_for_selector("#sensitive-roles-result-title")
    assert focused(page)["id"] == "sensitive-roles-result-title"
    exposure = page.locator("[data-widget] .exposure").inner_text()
    assert "11" in exposure
    actions = page.locator("[data-widget] .action-list > li")
    assert actions.count() == 11
    assert page.locator("[data-widget] .action-list a.clause-ref[href*='#policy-2-3']").count() >= 1
    # Shift+Tab walks back out of the result: focus is never trapped.
    page.keyboard.press("Shift+Tab")
    assert focused(page)["visible"]


def test_privacy_settings_by_keyboard_alone(page, site_url):
    open_ready(page, site_url + PRIVACY)
    start_before_widget(page)
    # Tick Facebook; on every question take the riskiest-looking last real answer where it matters.
    answer_every_radio_group(page, pick={"platforms": 0, "facebook--audience-new": 2})
    page.keyboard.press("Enter")
    page.wait_for_selector("#privacy-settings-check-title, #privacy-settings-error-summary")
    if page.locator("#privacy-settings-error-summary").count():
        raise AssertionError(page.locator("#privacy-settings-error-summary").inner_text())
    tab_until(page, lambda i: i["value"] == "confirm")
    page.keyboard.press("Enter")
    page.wait_for_selector("#privacy-settings-result-title")
    assert focused(page)["id"] == "privacy-settings-result-title"
    first = page.locator("[data-widget] .action-list > li").first
    # A public audience for new posts is a high risk that cites policy 2.3.
    assert page.locator("[data-widget] .action-list > li.action--high").count() >= 1
    assert first.locator("a.clause-ref").count() >= 1


def test_missing_answers_give_an_error_summary_with_focus(page, site_url):
    open_ready(page, site_url + SENSITIVE)
    page.click("[data-widget] button[value=continue]")
    summary = page.wait_for_selector("#sensitive-roles-error-summary")
    assert focused(page)["id"] == "sensitive-roles-error-summary"
    links = summary.query_selector_all("a")
    assert len(links) >= 1
    target = links[0].get_attribute("href")
    assert page.locator(f"{target} .form-error").count() == 1
    assert violations(page) == []


def test_answers_never_leave_the_browser_and_are_not_stored_unasked(page, site_url):
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url + " " + (r.post_data or "")))
    open_ready(page, site_url + PRIVACY)
    before = len(sent)
    page.check("input[name=platforms][value=tiktok]")
    for radio_name in page.evaluate("""() => [...new Set([...document.querySelectorAll(
            "[data-widget] input[type=radio]")].map(r => r.name))].filter(n => !n.includes("--") || n.startsWith("tiktok--"))"""):
        page.locator(f"input[name='{radio_name}']").last.check()
    page.click("[data-widget] button[value=continue]")
    page.click("[data-widget] button[value=confirm]")
    page.wait_for_selector("#privacy-settings-result-title")
    after = sent[before:]
    leaks = [s for s in after if "tiktok" in s.lower() or "dont-know" in s or "service-users" in s]
    assert leaks == []
    stored = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('council-widget:'))")
    assert stored == []


def fill_sensitive_roles(page, item_answer="no"):
    """'Yes' to the role question, then item_answer for each of the eleven items."""
    page.check("input[name=role][value=yes]")
    items = [n for n in choose_everywhere(page, item_answer) if n != "role"]
    assert len(items) == 11


def test_remember_keeps_answers_across_a_reload_and_forget_removes_them(page, site_url):
    open_ready(page, site_url + SENSITIVE)
    page.check("#sensitive-roles-remember")
    fill_sensitive_roles(page)
    page.click("[data-widget] button[value=continue]")
    page.wait_for_selector("#sensitive-roles-check-title")
    stored = json.loads(page.evaluate("() => localStorage.getItem('council-widget:sensitive-roles')"))
    assert stored["answers"]["employer"] == ["no"]
    page.reload()
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    page.wait_for_selector("#sensitive-roles-check-title")
    page.click("[data-widget] button[value='change:employer']")
    page.wait_for_function("() => document.querySelector('input[name=employer][value=no]')?.checked")
    page.click("[data-widget] button[value=continue]")
    page.click("[data-widget] button[value=forget]")
    page.wait_for_function("() => localStorage.getItem('council-widget:sensitive-roles') === null")


def test_start_again_clears_every_answer(page, site_url):
    open_ready(page, site_url + SENSITIVE)
    fill_sensitive_roles(page, "yes")
    page.click("[data-widget] button[value=continue]")
    page.click("[data-widget] button[value=confirm]")
    page.wait_for_selector("#sensitive-roles-result-title")
    page.click("[data-widget] button[value=restart]")
    page.wait_for_selector("#sensitive-roles-form-title")
    assert page.locator("[data-widget] input:checked").count() == 0


def test_a_result_asked_for_before_python_is_ready_arrives_when_it_is(page, site_url):
    held = []
    page.route("**/assets/python/*.whl", lambda route: held.append(route))
    page.goto(site_url + SENSITIVE)
    page.wait_for_selector("[data-widget][data-state=loading]")
    fill_sensitive_roles(page)
    page.click("[data-widget] button[value=continue]")
    status = page.locator("[data-widget] .widget-status")
    assert "Preparing" in status.inner_text()
    assert status.get_attribute("role") == "status"
    for _ in range(1200):  # the wheel is asked for once Pyodide itself has started
        if held:
            break
        page.wait_for_timeout(100)
    held[0].continue_()
    page.wait_for_selector("#sensitive-roles-check-title", timeout=READY)


def test_each_state_passes_axe(page, site_url):
    for path, widget in ((SENSITIVE, "sensitive-roles"), (PRIVACY, "privacy-settings")):
        open_ready(page, site_url + path)
        assert violations(page) == [], f"{widget} empty form"
        page.click("[data-widget] button[value=continue]")
        page.wait_for_selector(f"#{widget}-error-summary")
        assert violations(page) == [], f"{widget} error summary"
    # Check answers and result for the sensitive-role check.
    open_ready(page, site_url + SENSITIVE)
    fill_sensitive_roles(page, "yes")
    page.click("[data-widget] button[value=continue]")
    page.wait_for_selector("#sensitive-roles-check-title")
    assert violations(page) == [], "check answers"
    page.click("[data-widget] button[value=confirm]")
    page.wait_for_selector("#sensitive-roles-result-title")
    assert violations(page) == [], "result"
    page.set_viewport_size({"width": 320, "height": 800})  # 400% zoom of a 1280px window
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert violations(page) == [], "result at 320px"


def test_error_state_passes_axe(page, site_url):
    page.route("**/assets/python/*.whl", lambda route: route.abort())
    page.goto(site_url + SENSITIVE)
    page.wait_for_selector("[data-widget][data-state=error]", timeout=READY)
    assert violations(page) == []

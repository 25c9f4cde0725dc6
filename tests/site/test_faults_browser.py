"""Faults a reader can meet: a widget script that is blocked or slow, a clause read mid-quiz,
two tabs, a slow network, a failed start. Nothing is sent and nothing is lost."""
from __future__ import annotations

from tests.support.widget import READY

SENSITIVE = "self-check/sensitive-roles/"
QUIZ = "training/quiz/"


def answer_static_form(page) -> None:
    """Answer the sensitive-roles form as it stands in the page's HTML, with no script running."""
    page.check("input[name=role][value=yes]")
    page.check("input[name=employer][value=yes]")


def no_answers_sent(page, requests: list[str], before: str) -> None:
    assert page.url == before, "the form navigated"
    leaks = [u for u in requests if "?" in u or "role=" in u or "employer=" in u]
    assert leaks == [], leaks


def submit_every_way(page) -> None:
    """Submit the widget's form as a reader could: Continue (even if hidden, as a stylesheet
    that fails to load would leave it), and Enter on an answer (implicit submission)."""
    page.locator("[data-widget] button[value=continue]").evaluate("button => button.click()")
    page.focus("input[name=employer][value=yes]")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)  # a navigation, had one started, would have begun by now


def test_no_form_submits_when_the_widget_script_is_blocked(page, site_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/javascripts/widgets.js", lambda route: route.abort())
    page.goto(site_url + SENSITIVE)
    answer_static_form(page)
    # Nothing offers to do what only the script can do.
    assert all(not b.is_visible() for b in page.query_selector_all("[data-widget] .js-only"))
    before = page.url
    submit_every_way(page)
    no_answers_sent(page, requests, before)


def test_a_widget_works_when_materials_script_fails_to_load(page, site_url):
    """Material's bundle gives instant navigation and announces each page; without it the widget
    still mounts, starts and answers on the one page."""
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page.goto(site_url + SENSITIVE)
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    page.check("input[name=role][value=no]")
    page.click("[data-widget] button[value=continue]")
    page.wait_for_selector("#sensitive-roles-interim-title")


def test_no_form_submits_before_the_widget_script_has_mounted(page, site_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    held = []
    page.route("**/javascripts/widgets.js", lambda route: held.append(route))
    page.goto(site_url + SENSITIVE, wait_until="commit")  # a module script holds DOMContentLoaded back
    page.wait_for_selector("[data-widget] input[name=role]")
    answer_static_form(page)
    assert not page.locator("[data-widget] button[value=continue]").is_visible()
    before = page.url
    submit_every_way(page)
    no_answers_sent(page, requests, before)
    # Once the script arrives, the widget works as usual.
    held[0].continue_()
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    assert page.locator("[data-widget] button[value=continue]").is_visible()


def test_reading_a_clause_mid_quiz_and_coming_back_keeps_the_attempt(page, site_url):
    page.goto(site_url + QUIZ)
    page.wait_for_selector("#quiz-choose-title", timeout=READY)
    page.check("input[name=track][value=staff]")
    page.click("button[value=choose-track]")
    for n in range(1, 5):
        page.wait_for_selector(f"#quiz-question-title:text('Question {n} of 10')")
        page.locator("#quiz-answer input").first.check()
        page.click("button[value=answer]")
        page.wait_for_selector("#quiz-feedback-title")
        if n < 4:
            page.click("button[value=next]")
    track = page.locator("[data-widget] .quiz-track").inner_text()
    link = page.locator("[data-widget] .quiz-read a.clause-ref").first
    target = link.get_attribute("href")
    page.evaluate("window.__left = document.querySelector('[data-widget]')")
    link.click()
    page.wait_for_url(lambda url: QUIZ not in url)
    page.go_back()
    # Instant navigation swaps the page in: wait for the new widget to start, not the one left behind.
    page.wait_for_function("""() => { const w = document.querySelector("[data-widget]");
        return w && w !== window.__left && w.dataset.state === "ready"; }""", timeout=READY)
    page.wait_for_selector("#quiz-feedback-title, #quiz-choose-title", timeout=READY)
    assert page.locator("#quiz-choose-title").count() == 0, f"the attempt was lost after reading {target}"
    assert page.locator("[data-widget] .quiz-track").inner_text() == track
    page.click("button[value=next]")
    page.wait_for_selector("#quiz-question-title:text('Question 5 of 10')")
    # Kept for the visit only: nothing on the device, as the reader did not ask.
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('council-widget:'))") == []


def start_remembering(page, site_url) -> None:
    page.goto(site_url + QUIZ)
    page.wait_for_selector("#quiz-choose-title", timeout=READY)
    page.check("input[name=track][value=staff]")
    page.check("#quiz-remember")
    page.click("button[value=choose-track]")
    page.wait_for_selector("#quiz-question-title")


def answer_one(page) -> None:
    page.locator("#quiz-answer input").first.check()
    page.click("button[value=answer]")
    page.wait_for_selector("#quiz-feedback-title")
    page.click("button[value=next]")
    page.wait_for_selector("#quiz-question-title")


def stored(page):
    return page.evaluate("localStorage.getItem('council-widget:quiz')")


def test_forget_in_one_tab_is_not_undone_by_another(page, site_url):
    tab_a = page
    tab_b = page.context.new_page()
    start_remembering(tab_a, site_url)
    tab_b.goto(site_url + QUIZ)  # resumes from the device, and keeps its own attempt from there
    tab_b.wait_for_selector("#quiz-question-title", timeout=READY)
    answer_one(tab_b)
    assert stored(tab_a) is not None
    tab_a.click("button[value=forget]")
    tab_a.wait_for_function("() => localStorage.getItem('council-widget:quiz') === null")
    # Tab B hears of it and stops keeping its progress too; its attempt goes on for the visit.
    tab_b.wait_for_selector("text=Your progress is no longer kept on this device.")
    answer_one(tab_b)
    assert stored(tab_b) is None
    assert stored(tab_a) is None


def test_a_tab_away_from_the_quiz_when_another_forgets_learns_of_it_on_return(page, site_url):
    tab_a = page
    tab_b = page.context.new_page()
    start_remembering(tab_a, site_url)
    tab_b.goto(site_url + QUIZ)
    tab_b.wait_for_selector("#quiz-question-title", timeout=READY)
    answer_one(tab_b)
    tab_b.locator("nav.md-nav a[href*='sensitive-roles']").first.click()
    tab_b.wait_for_url("**/self-check/sensitive-roles/")
    tab_a.click("button[value=forget]")
    tab_a.wait_for_function("() => localStorage.getItem('council-widget:quiz') === null")
    tab_b.go_back()
    tab_b.wait_for_selector("text=Your progress is no longer kept on this device.", timeout=READY)
    assert stored(tab_b) is None
    answer_one(tab_b)
    assert stored(tab_b) is None


# Each change of the widget's data-state, with the time it happened.
RECORD_STATES = """
window.__states = [];
const started = performance.now();
new MutationObserver((changes) => {
  for (const c of changes) window.__states.push([c.target.dataset.state, Math.round(performance.now() - started)]);
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""


def test_a_runtime_that_arrives_after_the_start_gave_up_recovers(page, site_url):
    held = []
    page.route("**/assets/pyodide/pyodide.asm.wasm", lambda route: held.append(route))
    # The page's clock jumps past the stall limit (30 s with nothing arriving) instead of waiting it
    # out; again if a late byte of another file started the count afresh.
    page.clock.install()
    page.goto(site_url + SENSITIVE)
    page.wait_for_selector("[data-widget][data-state=loading]", state="attached")
    for _ in range(20):
        page.clock.fast_forward(31_000)
        if page.locator("[data-widget][data-state=error]").count():
            break
        page.wait_for_timeout(250)
    assert held, "the runtime was never asked for"
    page.wait_for_selector("[data-widget][data-state=error]", state="attached", timeout=READY)
    held[0].continue_()
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    assert page.locator("[data-widget] button[value=continue]").is_visible()
    page.check("input[name=role][value=no]")
    page.click("[data-widget] button[value=continue]")
    page.wait_for_selector("#sensitive-roles-interim-title")


def test_a_failed_start_is_tried_again_on_the_next_widget_page(page, site_url):
    failures = []

    def fail_once(route):
        if failures:
            route.continue_()
        else:
            failures.append(route.request.url)
            route.abort()

    page.route("**/assets/python/*.whl", fail_once)
    reported: list[str] = []
    page.on("console", lambda m: reported.append(m.text) if m.text.startswith("Widget quiz:") else None)
    page.goto(site_url + QUIZ)
    page.wait_for_selector("[data-widget][data-state=error]", timeout=READY)
    # The failure itself, not the watchdog: on a busy machine the start can go quiet for long
    # enough while it compiles that the watchdog speaks first.
    for _ in range(READY // 100):
        if any("stopped loading" not in text for text in reported):
            break
        page.wait_for_timeout(100)
    # Instant navigation to another widget page: no reload, and the start is tried again.
    page.locator("nav.md-nav a[href*='sensitive-roles']").first.click()
    page.wait_for_url("**/self-check/sensitive-roles/")
    page.wait_for_selector("[data-widget='sensitive-roles'][data-state=ready]", timeout=READY)
    assert len(failures) == 1


def test_a_slow_network_does_not_make_the_start_give_up(page, site_url):
    """At 2 Mbit/s the runtime takes well over twice the widget's 30 s stall limit
    (STALL_LIMIT_MS in widgets.js) to arrive: the widget waits while bytes come.
    Slow by nature (about 90 s): the one test that needs a real slow download."""
    page.add_init_script(RECORD_STATES)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    rate = 2_000_000 / 8  # bytes per second
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 20, "downloadThroughput": rate, "uploadThroughput": rate})
    page.goto(site_url + SENSITIVE)
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=400_000)
    states = page.evaluate("window.__states")
    print("states (ms):", states)
    assert "error" not in [s for s, _ in states]
    assert states[-1][1] > 2 * 30_000, "the download was not slow enough to test anything"

"""The training quiz in Chromium: a whole attempt by keyboard, certificate, record, retry, and axe in each state."""
import json
from pathlib import Path

from tests.support.axe import violations
from tests.support.quiz_keys import right_answers
from tests.support.keyboard import focused, start_before_widget, tab_until
from tests.support.widget import READY, open_ready

NAME = '<b>Ann "Tester"</b> & Co'


def answer_question(page, keys: dict[str, set[str]], right: bool) -> None:
    """Answer the question on screen with the keyboard: the right options, or a wrong one."""
    legend = page.locator("#quiz-answer legend").inner_text().strip()
    wanted = keys[legend]
    inputs = page.locator("#quiz-answer input")
    values = [inputs.nth(i).get_attribute("value") for i in range(inputs.count())]
    multiple = inputs.first.get_attribute("type") == "checkbox"
    if not right:
        wanted = {next(v for v in values if v not in wanted)}
    first = tab_until(page, lambda i: i["name"] == "answer")
    if multiple:
        for n, value in enumerate(values):
            if n:
                page.keyboard.press("Tab")
            assert focused(page)["value"] == value
            if value in wanted:
                page.keyboard.press("Space")
    else:
        (target,) = wanted
        for _ in range(values.index(target) - values.index(first["value"])):
            page.keyboard.press("ArrowDown")  # arrows move and select within a radio group
        if values.index(target) == values.index(first["value"]):
            page.keyboard.press("Space")
    tab_until(page, lambda i: i["value"] == "answer")
    page.keyboard.press("Enter")


def take_attempt(page, keys, right: bool, check_axe: bool = False) -> None:
    for n in range(1, 11):
        page.wait_for_selector("#quiz-question-title")
        assert page.locator("#quiz-question-title").inner_text() == f"Question {n} of 10"
        if check_axe and n == 1:
            assert violations(page) == [], "question"
        answer_question(page, keys, right)
        page.wait_for_selector("#quiz-feedback-title")
        assert focused(page)["id"] == "quiz-feedback-title"
        if check_axe and n == 1:
            assert violations(page) == [], "feedback"
        assert page.locator("#quiz-feedback-title").inner_text() == ("Correct" if right else "Incorrect")
        assert page.locator("[data-widget] .quiz-explanation a.clause-ref").count() >= 1
        tab_until(page, lambda i: i["value"] in ("next", "result", "finish"))
        page.keyboard.press("Enter")


def test_a_whole_attempt_by_keyboard_passes_certifies_retries_and_fails(page, site_url):
    keys = right_answers()
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    open_ready(page, site_url + "training/quiz/")
    page.wait_for_selector("#quiz-choose-title")
    start_before_widget(page)
    tab_until(page, lambda i: i["name"] == "track")
    page.keyboard.press("Space")  # the first track: staff
    tab_until(page, lambda i: i["value"] == "choose-track")
    page.keyboard.press("Enter")

    take_attempt(page, keys, right=True, check_axe=True)
    page.wait_for_selector("#quiz-result-title")
    assert focused(page)["id"] == "quiz-result-title"
    assert page.locator("#quiz-result-title").inner_text() == "You passed"
    assert "10 out of 10" in page.locator("[data-widget] .quiz-score").inner_text()
    assert page.locator("[data-widget] ol.quiz-review > li").count() == 10
    assert violations(page) == [], "result"

    tab_until(page, lambda i: i["name"] == "name")
    page.keyboard.type(NAME)
    tab_until(page, lambda i: i["name"] == "acknowledge")
    page.keyboard.press("Space")
    tab_until(page, lambda i: i["value"] == "certificate")
    page.keyboard.press("Enter")
    page.wait_for_selector("#quiz-certificate-title")
    name = page.locator("[data-widget] .quiz-certificate__name")
    assert name.inner_text() == NAME
    assert name.locator("b").count() == 0  # shown as text, never as markup
    assert violations(page) == [], "certificate"

    tab_until(page, lambda i: i["tag"] == "button" and "Print" in page.evaluate("document.activeElement.textContent"))
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert page.locator(".quiz-certificate").is_visible()
    assert not page.locator("article h1").is_visible()
    assert not page.locator(".completion-record").is_visible()
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.click("[data-client-action=download]")
    record = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert record["name"] == NAME and record["passed"] is True and record["score"] == 10
    assert len(record["question_bank_version"]) == 8

    tab_until(page, lambda i: i["value"] == "retry")
    page.keyboard.press("Enter")
    take_attempt(page, keys, right=False)
    page.wait_for_selector("#quiz-result-title")
    assert page.locator("#quiz-result-title").inner_text() == "You did not pass this time"
    assert page.locator("[data-widget] .quiz-completion-form").count() == 0
    assert page.locator("[data-widget] table.quiz-topics a.clause-ref").count() >= 1


def test_progress_is_kept_only_when_asked(page, site_url):
    page.goto(site_url + "training/quiz/")
    page.wait_for_selector("#quiz-choose-title", timeout=READY)
    page.check("input[name=track][value=members]")
    page.check("#quiz-remember")
    page.click("button[value=choose-track]")
    page.wait_for_selector("#quiz-question-title")
    page.locator("#quiz-answer input").first.check()
    page.click("button[value=answer]")
    page.wait_for_selector("#quiz-feedback-title")
    page.reload()
    page.wait_for_selector("#quiz-feedback-title, #quiz-question-title", timeout=READY)
    assert "Members (councillors) track" in page.locator("[data-widget] .quiz-track").inner_text()
    page.click("button[value=forget]")
    page.wait_for_function("() => localStorage.getItem('council-widget:quiz') === null")


def test_error_state_keeps_the_teaching_page(page, site_url):
    page.route("**/assets/python/*.whl", lambda route: route.abort())
    page.goto(site_url + "training/quiz/")
    page.wait_for_selector("[data-widget][data-state=error]", timeout=READY)
    assert page.locator("[data-widget] details").count() >= 40
    assert violations(page) == []

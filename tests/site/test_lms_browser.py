"""The quiz packages in Chromium, inside real learning-system parts.

- SCORM 1.2: the built package runs in a frame of a test page whose window.API is
  scorm-again's SCORM 1.2 runtime (npm, pinned); a whole attempt, then a relaunch
  from the stored suspend data.
- cmi5: a real LRS (Ralph) on 127.0.0.1, a stand-in LMS that launches the package as
  a learning system would; the statements Ralph stored are checked against cmi5's rules.
- Outside a learning system the quiz sends nothing; inside one, every failure keeps the
  result on screen and says it could not be recorded.
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest
from sitebuild.packages import PACKAGES
from sitebuild.versions import document_versions
from tests.support.axe import violations
from tests.support.quiz_keys import right_answers
from tests.support.learning_systems import Cmi5Lms, Ralph, ScormLms
from tests.support.widget import READY

VERB = "http://adlnet.gov/expapi/verbs/"
CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
AU = "urn:social-media-policy:training-quiz:au"
ACTOR = {"objectType": "Agent", "name": "Ann Tester", "account": {"homePage": "http://lms.test", "name": "ann-4711"}}
STATUS_FAILED = "[data-lms-status] [data-lms-when=failed]"
STATUS_SENT = "[data-lms-status] [data-lms-when=sent]"


# ---------------------------------------------------------------- taking the quiz

def choose_track(target: Any, track: str = "staff") -> None:
    target.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    target.wait_for_selector("input[name=track]")
    target.check(f"input[name=track][value={track}]")
    target.click("button[value=choose-track]")


def answer_questions(target: Any, keys: dict[str, set[str]], numbers: range, right: bool = True) -> None:
    """Answer questions `numbers` (1-based) with the mouse: the right options, or a wrong one."""
    for n in numbers:
        target.wait_for_selector("#quiz-question-title")
        assert target.locator("#quiz-question-title").inner_text() == f"Question {n} of 10"
        wanted = keys[target.locator("#quiz-answer legend").inner_text().strip()]
        inputs = target.locator("#quiz-answer input")
        values = [inputs.nth(i).get_attribute("value") for i in range(inputs.count())]
        for value in (wanted if right else [next(v for v in values if v not in wanted)]):
            target.check(f"#quiz-answer input[value='{value}']")
        target.click("button[value=answer]")
        target.wait_for_selector("#quiz-feedback-title")
        target.click("[data-widget] button:is([value=next], [value=result], [value=finish])")


def acknowledge(target: Any, name: str | None = None) -> None:
    """On the result of a pass: (correct the name,) confirm the versions read, make the certificate."""
    target.wait_for_selector("#quiz-result-title")
    if name is not None:
        target.fill("input[name=name]", name)
    target.check("input[name=acknowledge]")
    target.click("button[value=certificate]")
    target.wait_for_selector("#quiz-certificate-title")


# ---------------------------------------------------------------- serving

@pytest.fixture(scope="module")
def scorm_lms(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScormLms]:
    lms = ScormLms(built_site / "downloads" / PACKAGES["scorm"], tmp_path_factory.mktemp("scorm-lms"))
    yield lms
    lms.stop()


def launch_scorm(page: Any, lms: ScormLms, cmi: dict[str, str], commit: bool = False) -> Any:
    """Open the stand-in learning system with the stored data model `cmi`; the quiz's frame."""
    page.goto(lms.launch_url(cmi, commit))
    page.wait_for_function("() => window.frames.length === 1 && window.frames[0].document.readyState === 'complete'")
    return page.frame(url=lambda u: "training/quiz/" in u)


def runtime(page: Any, element: str) -> str:
    """A readable element's value as the runtime holds it."""
    return page.evaluate("(e) => window.API.getCMIValue(e)", element)


def last_set(page: Any, element: str) -> str | None:
    """The last value the package set for an element (write-only ones included)."""
    values = page.evaluate("(e) => window.calls.filter(([n, el]) => n === 'LMSSetValue' && el === e)"
                           ".map(([, , v]) => v)", element)
    return values[-1] if values else None


@pytest.fixture()
def lms_page(browser):  # noqa: ANN001, ANN201
    """A fresh page for the stand-in learning systems: any port on 127.0.0.1, no other host."""
    context = browser.new_context(reduced_motion="reduce")
    foreign: list[str] = []
    context.on("request", lambda r: foreign.append(r.url)
               if not r.url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:")) else None)
    yield context.new_page()
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"


# ---------------------------------------------------------------- SCORM 1.2

def test_scorm_attempt_closed_half_way_resumes_from_suspend_data_and_reports_the_pass(lms_page, scorm_lms):
    page = lms_page
    keys = right_answers()
    versions = document_versions()
    quiz = launch_scorm(page, scorm_lms, {"cmi.core.student_name": "Tester, Ann", "cmi.core.student_id": "ann-4711"})
    choose_track(quiz)
    answer_questions(quiz, keys, range(1, 5))
    quiz.wait_for_selector("#quiz-question-title")
    page.evaluate("() => window.closeSco()")
    page.wait_for_function("() => window.calls.some(([name]) => name === 'LMSFinish')")
    suspend = runtime(page, "cmi.suspend_data")
    stored = {"cmi.core.student_name": "Tester, Ann", "cmi.core.entry": "resume", "cmi.suspend_data": suspend,
              "cmi.core.lesson_status": runtime(page, "cmi.core.lesson_status")}
    assert stored["cmi.core.lesson_status"] == "incomplete"
    assert last_set(page, "cmi.core.exit") == "suspend"  # write-only in SCORM 1.2: read from the calls
    assert 0 < len(suspend) <= 4096 and json.loads(suspend)["stage"] == "question"

    quiz = launch_scorm(page, scorm_lms, stored)  # the learner comes back
    quiz.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    quiz.wait_for_selector("#quiz-question-title")
    assert quiz.locator("#quiz-question-title").inner_text() == "Question 5 of 10"
    answer_questions(quiz, keys, range(5, 11))
    quiz.wait_for_selector("#quiz-result-title")
    assert quiz.input_value("input[name=name]") == "Ann Tester"  # from cmi.core.student_name, reordered
    assert violations(quiz) == [], "the acknowledgement step"
    acknowledge(quiz)
    quiz.wait_for_selector(STATUS_SENT + ":not([hidden])")
    assert violations(quiz) == [], "the certificate, recorded"
    certificate = quiz.locator(".quiz-certificate").inner_text()
    assert "Ann Tester" in certificate and versions["policy"] in certificate and versions["procedure"] in certificate

    received = {e: runtime(page, e) for e in ("cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.score.min",
                                              "cmi.core.score.max")}
    received["cmi.core.session_time"] = last_set(page, "cmi.core.session_time")
    assert received["cmi.core.lesson_status"] == "passed"
    assert (received["cmi.core.score.raw"], received["cmi.core.score.min"], received["cmi.core.score.max"]) == \
        ("100", "0", "100")
    assert received["cmi.core.session_time"].count(":") == 2
    objectives = [runtime(page, f"cmi.objectives.{n}.id") for n in range(5)]
    assert objectives[0] == "track-staff"
    assert f"policy-version-{versions['policy']}" in objectives
    assert f"procedure-version-{versions['procedure']}" in objectives
    page.evaluate("() => window.closeSco()")
    page.wait_for_function("() => window.calls.filter(([name]) => name === 'LMSFinish').length === 1")
    calls = page.evaluate("() => window.calls")
    assert calls[0][0] == "LMSInitialize" and calls[-1][0] == "LMSFinish"
    set_elements = {element for name, element, _ in calls if name == "LMSSetValue"}
    # Nothing the reader typed or chose goes anywhere but the suspend data.
    assert set_elements <= {"cmi.core.lesson_status", "cmi.core.exit", "cmi.suspend_data", "cmi.core.score.min",
                            "cmi.core.score.max", "cmi.core.score.raw", "cmi.core.session_time",
                            *{f"cmi.objectives.{n}.{f}" for n in range(5) for f in ("id", "status")}}


def test_scorm_commit_refused_keeps_the_result_and_says_it_was_not_recorded(lms_page, scorm_lms):
    page = lms_page
    scorm_lms.commit_status = 500
    try:
        quiz = launch_scorm(page, scorm_lms, {"cmi.core.student_name": "Tester, Ann"}, commit=True)
        choose_track(quiz)
        answer_questions(quiz, right_answers(), range(1, 11), right=False)
        quiz.wait_for_selector("#quiz-result-title")
        failed = quiz.locator(STATUS_FAILED)
        failed.wait_for(state="visible")
        assert "could not be recorded" in failed.inner_text()
        assert quiz.locator("#quiz-result-title").inner_text() == "You did not pass this time"
        assert violations(quiz) == [], "the result, not recorded"
        scorm_lms.commit_status = 200  # the learning system is back: the reader asks again
        quiz.click("[data-client-action=lms-retry]")
        quiz.wait_for_selector(STATUS_SENT + ":not([hidden])")
        assert runtime(page, "cmi.core.lesson_status") == "failed"
    finally:
        scorm_lms.commit_status = 200


def test_a_package_opened_without_its_learning_system_says_so(lms_page, scorm_lms):
    page = lms_page
    page.goto(f"{scorm_lms.url}package/training/quiz/index.html")
    choose_track(page)
    answer_questions(page, right_answers(), range(1, 11), right=False)
    page.locator(STATUS_FAILED).wait_for(state="visible")
    assert "no SCORM API was found" in page.locator(STATUS_FAILED).inner_text()


# ---------------------------------------------------------------- outside a learning system

def test_outside_a_learning_system_nothing_is_sent(page, site_url):
    requests: list[tuple[str, str]] = []
    page.on("request", lambda r: requests.append((r.method, r.url)))
    page.goto(site_url + "training/quiz/")
    choose_track(page)
    answer_questions(page, right_answers(), range(1, 11))
    acknowledge(page, "Ann Tester")
    assert any(url.endswith("javascripts/lms.js") for _, url in requests)  # the adapter was there, and idle
    assert {method for method, _ in requests} == {"GET"}
    assert all(url.startswith(site_url) for _, url in requests)
    assert page.locator("[data-lms-status]").count() == 0


# ---------------------------------------------------------------- cmi5 with a real LRS

@pytest.fixture(scope="module")
def lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ralph]:
    ralph = Ralph(tmp_path_factory.mktemp("ralph"))
    yield ralph
    ralph.stop()


@pytest.fixture(scope="module")
def cmi5_lms(built_site: Path, lrs: Ralph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cmi5Lms]:
    lms = Cmi5Lms(built_site / "downloads" / PACKAGES["cmi5"], tmp_path_factory.mktemp("cmi5-lms"), lrs)
    yield lms
    lms.stop()


def check_cmi5_statement(statement: dict, registration: str, session: str) -> None:
    """What cmi5 (9.x) asks of every cmi5-defined statement."""
    assert statement["actor"]["account"] == ACTOR["account"]
    assert statement["object"]["id"] == AU
    context = statement["context"]
    assert context["registration"] == registration
    assert context["extensions"][SESSION_ID] == session  # from the LMS's context template
    assert {"id": "urn:test-lms:course"} in context["contextActivities"]["grouping"]
    assert {"id": CMI5_CATEGORY} in context["contextActivities"]["category"]


def test_cmi5_attempt_sends_the_cmi5_statements_to_the_lrs_named_at_launch(lms_page, cmi5_lms, lrs):
    page = lms_page
    registration = str(uuid.uuid4())
    versions = document_versions()
    page.goto(cmi5_lms.launch_url(ACTOR, AU, registration))
    choose_track(page, "members")
    answer_questions(page, right_answers(), range(1, 11))
    assert page.input_value("input[name=name]") == "Ann Tester"  # the actor's name
    acknowledge(page)
    page.wait_for_selector(STATUS_SENT + ":not([hidden])")
    page.goto("about:blank")  # leaving: terminated
    session = cmi5_lms.session_id(registration)

    statements = []
    for _ in range(50):
        statements = lrs.statements(registration=registration)
        if len(statements) == 4:
            break
        page.wait_for_timeout(200)
    verbs = [s["verb"]["id"].removeprefix(VERB) for s in statements]
    assert verbs[0] == "initialized" and verbs[-1] == "terminated"
    assert sorted(verbs[1:3]) == ["completed", "passed"]
    for statement in statements:
        check_cmi5_statement(statement, registration, session)
    by_verb = {v: s for v, s in zip(verbs, statements)}
    passed, completed = by_verb["passed"], by_verb["completed"]
    assert {"id": MOVEON_CATEGORY} in passed["context"]["contextActivities"]["category"]
    assert {"id": MOVEON_CATEGORY} in completed["context"]["contextActivities"]["category"]
    assert passed["context"]["extensions"][MASTERY] == 0.8
    assert MASTERY not in completed["context"]["extensions"]
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 1.0
    assert passed["result"]["duration"].startswith("PT")
    extensions = passed["result"]["extensions"]
    assert extensions == {
        "urn:social-media-policy:training-quiz:track": "members",
        "urn:social-media-policy:training-quiz:question-bank": extensions[
            "urn:social-media-policy:training-quiz:question-bank"],
        "urn:social-media-policy:training-quiz:policy-version": versions["policy"],
        "urn:social-media-policy:training-quiz:procedure-version": versions["procedure"],
        "urn:social-media-policy:training-quiz:review-by": extensions["urn:social-media-policy:training-quiz:review-by"],
    }
    assert completed["result"]["completion"] is True
    assert "result" not in by_verb["initialized"]
    assert by_verb["terminated"]["result"]["duration"].startswith("PT")


def test_cmi5_lrs_down_then_back_the_reader_retries(lms_page, cmi5_lms, lrs):
    page = lms_page
    registration = str(uuid.uuid4())
    page.goto(cmi5_lms.launch_url(ACTOR, AU, registration))
    choose_track(page)
    answer_questions(page, right_answers(), range(1, 11))
    cmi5_lms.lrs_reachable = False
    try:
        acknowledge(page)
        failed = page.locator(STATUS_FAILED)
        failed.wait_for(state="visible")
        assert "could not be recorded" in failed.inner_text()
        assert page.locator("#quiz-certificate-title").is_visible()  # the result stays on screen
    finally:
        cmi5_lms.lrs_reachable = True
    page.click("[data-client-action=lms-retry]")
    page.wait_for_selector(STATUS_SENT + ":not([hidden])")
    verbs = [s["verb"]["id"].removeprefix(VERB) for s in lrs.statements(registration=registration)]
    assert verbs[0] == "initialized" and sorted(verbs[1:]) == ["completed", "passed"]


def test_cmi5_token_the_lrs_refuses_401_keeps_the_quiz_working(lms_page, cmi5_lms, lrs):
    page = lms_page
    registration = str(uuid.uuid4())
    page.goto(cmi5_lms.launch_url(ACTOR, AU, registration, token="bm9ib2R5Ondyb25n"))  # nobody:wrong
    choose_track(page)
    answer_questions(page, right_answers(), range(1, 11), right=False)
    failed = page.locator(STATUS_FAILED)
    failed.wait_for(state="visible")
    assert "401" in failed.inner_text()
    assert page.locator("#quiz-result-title").inner_text() == "You did not pass this time"
    assert lrs.statements(registration=registration) == []

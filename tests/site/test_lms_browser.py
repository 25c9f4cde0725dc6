"""The quiz packages in Chromium, inside real learning-system parts, along the paths learners take.

- SCORM 1.2: the built package runs in a frame of a test page whose window.API is
  scorm-again's SCORM 1.2 runtime (npm, pinned); each path ends by reading what the
  runtime holds (and which calls the package made).
- cmi5: a real LRS (Ralph) on 127.0.0.1 behind a stand-in LMS that launches the package as
  a learning system would (fetch URL, LMS.LaunchData, the AU's state, learner preferences);
  each path ends by reading the statements Ralph stored, checked against cmi5's rules.
- Outside a package the quiz acts on no launch and sends nothing; inside one, every failure
  keeps the result on screen and says it could not be recorded.
The requirement each test shows is listed in tests/lms-conformance.md.
"""
from __future__ import annotations

import json
import time
import uuid
from urllib.parse import urlencode
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
PUBLISHER_ID = "urn:social-media-policy:training-quiz:au"  # the AU's id in cmi5.xml
ACTIVITY = "https://lms.test/activities/quiz-au-1"  # the LMS's own id for the AU (cmi5 8.1.5)
ACTOR = {"objectType": "Agent", "name": "Ann Tester", "account": {"homePage": "http://lms.test", "name": "ann-4711"}}
STATUS_FAILED = "[data-lms-status] [data-lms-when=failed]"
STATUS_SENT = "[data-lms-status] [data-lms-when=sent]"
STATUS_HELD = "[data-lms-status] [data-lms-when=held]"
PRACTICE = "You have already passed; this attempt is for practice and is not sent."
KEYS = right_answers()


# ---------------------------------------------------------------- taking the quiz

def choose_track(target: Any, track: str = "staff") -> None:
    target.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
    target.wait_for_selector("input[name=track]")
    target.check(f"input[name=track][value={track}]")
    target.click("button[value=choose-track]")


def answer_questions(target: Any, numbers: range, wrong: range | tuple = ()) -> None:
    """Answer questions `numbers` (1-based) with the mouse: the right options, or a wrong one for `wrong`."""
    for n in numbers:
        target.wait_for_selector("#quiz-question-title")
        assert target.locator("#quiz-question-title").inner_text() == f"Question {n} of 10"
        wanted = KEYS[target.locator("#quiz-answer legend").inner_text().strip()]
        inputs = target.locator("#quiz-answer input")
        values = [inputs.nth(i).get_attribute("value") for i in range(inputs.count())]
        for value in ([next(v for v in values if v not in wanted)] if n in wrong else wanted):
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
    missing: list[str] = []  # a package asks for nothing it does not hold (sitemap.xml was one)
    context.on("request", lambda r: foreign.append(r.url)
               if not r.url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:")) else None)
    context.on("response", lambda r: missing.append(r.url) if r.status == 404 and "/xapi/" not in r.url else None)
    yield context.new_page()
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not missing, f"not found: {missing}"




def stored(page: Any, **changes: str) -> dict[str, str]:
    """What the learning system keeps for the next launch: the runtime's values now, resumed."""
    names = ["cmi.core.student_name", "cmi.core.lesson_status", "cmi.core.score.raw", "cmi.suspend_data",
             "cmi.student_data.mastery_score"]
    kept = {name: runtime(page, name) for name in names}
    for n in range(objective_count(page)):
        kept[f"cmi.objectives.{n}.id"] = runtime(page, f"cmi.objectives.{n}.id")
        kept[f"cmi.objectives.{n}.status"] = runtime(page, f"cmi.objectives.{n}.status")
    return {**{k: v for k, v in kept.items() if v != ""}, "cmi.core.entry": "resume", **changes}


def objective_count(page: Any) -> int:
    return int(page.evaluate("() => window.API.getCMIValue('cmi.objectives._count')") or 0)


def close_sco(page: Any, finishes: int = 1) -> None:
    """The learner closes the quiz: its frame goes, the package calls LMSFinish."""
    page.evaluate("() => window.closeSco()")
    page.wait_for_function(f"() => window.calls.filter(([name]) => name === 'LMSFinish').length === {finishes}")


def suspend_data(page: Any) -> str:
    """cmi.suspend_data, checked for what it must never hold: an option id, the learner's name."""
    text = runtime(page, "cmi.suspend_data")
    assert 0 < len(text) <= 4096
    data = json.loads(text)
    assert set(data) <= {"lms", "v", "t", "n", "s", "p", "x", "q", "o", "r", "m", "a"}
    assert all(set(order) <= set("0123456789") for order in data["o"])  # positions, not option ids
    assert "Ann" not in text and "Tester" not in text
    return text


# ---------------------------------------------------------------- SCORM 1.2

def test_scorm_a_pass_at_an_lms_mastery_score_below_the_pass_mark_is_kept_through_a_later_practice_fail(
        lms_page, scorm_lms):
    """Paths: LMS mastery score below the pass mark; pass then close before the certificate;
    a second session on a passed record; pass then practice-fail."""
    page = lms_page
    quiz = launch_scorm(page, scorm_lms, {"cmi.core.student_name": "Tester, Ann", "cmi.core.student_id": "ann-4711",
                                          "cmi.student_data.mastery_score": "70"})
    choose_track(quiz)
    answer_questions(quiz, range(1, 11), wrong=range(8, 11))  # 7 of 10: a pass at the LMS's 70%
    quiz.wait_for_selector("#quiz-result-title")
    assert quiz.locator("#quiz-result-title").inner_text() == "You passed"
    quiz.wait_for_selector(STATUS_SENT + ":not([hidden])")  # reported before any certificate
    assert quiz.input_value("input[name=name]") == "Ann Tester"  # from cmi.core.student_name, reordered
    close_sco(page)  # closed on "You passed", no certificate made
    assert (runtime(page, "cmi.core.lesson_status"), runtime(page, "cmi.core.score.raw")) == ("passed", "70")
    assert last_set(page, "cmi.core.exit") == ""  # a finished attempt is not suspended
    print("\nSCORM suspend_data after a pass:", suspend_data(page))
    kept = stored(page)

    quiz = launch_scorm(page, scorm_lms, kept)  # next week: the record says passed
    quiz.wait_for_selector("#quiz-result-title", timeout=READY)
    assert quiz.locator("#quiz-result-title").inner_text() == "You passed"
    assert "not kept" in quiz.locator(".quiz-review").inner_text()  # the review says what was not kept
    quiz.click("button[value=retry]")
    quiz.wait_for_selector("#quiz-question-title")
    assert PRACTICE in quiz.locator("[data-widget]").inner_text()
    answer_questions(quiz, range(1, 11), wrong=range(1, 11))
    quiz.wait_for_selector("#quiz-result-title")
    assert PRACTICE in quiz.locator("[data-widget]").inner_text()
    assert quiz.locator("[data-lms-status]").count() == 0
    close_sco(page)
    values = {e: runtime(page, e) for e in ("cmi.core.lesson_status", "cmi.core.score.raw")}
    print("SCORM runtime at the end (pass at 70%, closed, relaunched, practice fail):", values)
    assert values == {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "70"}
    second = page.evaluate("() => window.calls")  # this launch's calls only (a fresh runtime)
    assert not [c for c in second if c[0] == "LMSSetValue"
                and c[1].startswith(("cmi.core.score", "cmi.core.lesson_status", "cmi.objectives"))]


def test_scorm_closed_half_way_resumes_then_fails_at_an_lms_mastery_score_above_the_pass_mark_and_passes_on_retry(
        lms_page, scorm_lms):
    """Paths: close mid-attempt and resume; LMS mastery score above the pass mark; fail, retry, pass."""
    page = lms_page
    versions = document_versions()
    quiz = launch_scorm(page, scorm_lms, {"cmi.core.student_name": "Tester, Ann",
                                          "cmi.student_data.mastery_score": "90"})
    choose_track(quiz)
    answer_questions(quiz, range(1, 5), wrong=(2,))
    quiz.wait_for_selector("#quiz-question-title")
    close_sco(page)
    assert runtime(page, "cmi.core.lesson_status") == "incomplete"
    assert last_set(page, "cmi.core.exit") == "suspend"  # write-only in SCORM 1.2: read from the calls
    print("\nSCORM suspend_data half way:", suspend_data(page))

    quiz = launch_scorm(page, scorm_lms, stored(page))  # the learner comes back
    quiz.wait_for_selector("#quiz-question-title", timeout=READY)
    assert quiz.locator("#quiz-question-title").inner_text() == "Question 5 of 10"
    answer_questions(quiz, range(5, 11), wrong=(10,))  # 8 of 10: the file's 80% would pass, the LMS's 90% fails
    quiz.wait_for_selector("#quiz-result-title")
    assert quiz.locator("#quiz-result-title").inner_text() == "You did not pass this time"
    assert "The pass mark is 90%" in quiz.locator(".quiz-score").inner_text()
    quiz.wait_for_selector(STATUS_SENT + ":not([hidden])")
    assert (runtime(page, "cmi.core.lesson_status"), runtime(page, "cmi.core.score.raw")) == ("failed", "80")
    assert last_set(page, "cmi.core.exit") == ""
    quiz.click("button[value=retry]")
    answer_questions(quiz, range(1, 11))
    quiz.wait_for_selector(STATUS_SENT + ":not([hidden])")
    assert violations(quiz) == [], "the result, recorded"
    acknowledge(quiz)
    certificate = quiz.locator(".quiz-certificate").inner_text()
    assert "Ann Tester" in certificate and versions["policy"] in certificate
    close_sco(page)
    final = {e: runtime(page, e) for e in ("cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.score.min",
                                           "cmi.core.score.max")}
    objectives = {runtime(page, f"cmi.objectives.{n}.id"): runtime(page, f"cmi.objectives.{n}.status")
                  for n in range(objective_count(page))}
    print("SCORM runtime at the end (resumed, failed at 90%, retried, passed):", final, objectives,
          "exit:", repr(last_set(page, "cmi.core.exit")), "session_time:", last_set(page, "cmi.core.session_time"))
    assert final == {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100", "cmi.core.score.min": "0",
                     "cmi.core.score.max": "100"}
    assert objectives["track-staff"] == "passed" and objectives[f"policy-version-{versions['policy']}"] == "passed"
    assert set(objectives.values()) == {"passed"} and any(o.startswith("review-by-") for o in objectives)
    assert last_set(page, "cmi.core.exit") == "" and last_set(page, "cmi.core.session_time").count(":") == 2
    calls = page.evaluate("() => window.calls")
    assert calls[0][0] == "LMSInitialize" and calls[-1][0] == "LMSFinish"
    # Nothing the reader typed or chose goes anywhere: only these elements are ever set.
    assert {element for name, element, _ in calls if name == "LMSSetValue"} <= {
        "cmi.core.lesson_status", "cmi.core.exit", "cmi.suspend_data", "cmi.core.score.min", "cmi.core.score.max",
        "cmi.core.score.raw", "cmi.core.session_time",
        *{f"cmi.objectives.{n}.{f}" for n in range(5) for f in ("id", "status")}}


def test_scorm_commit_refused_keeps_the_result_and_says_it_was_not_recorded(lms_page, scorm_lms):
    page = lms_page
    scorm_lms.commit_status = 500
    try:
        quiz = launch_scorm(page, scorm_lms, {"cmi.core.student_name": "Tester, Ann"}, commit=True)
        choose_track(quiz)
        answer_questions(quiz, range(1, 11), wrong=range(1, 11))
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
    answer_questions(page, range(1, 11), wrong=range(1, 11))
    page.locator(STATUS_FAILED).wait_for(state="visible")
    assert "no SCORM API was found" in page.locator(STATUS_FAILED).inner_text()


# ---------------------------------------------------------------- outside a package

def test_the_sites_own_quiz_ignores_a_crafted_cmi5_launch_and_sends_nothing(page, site_url):
    requests: list[tuple[str, str]] = []
    page.on("request", lambda r: requests.append((r.method, r.url)))
    crafted = "?" + urlencode({"endpoint": "http://attacker.test/xapi/", "fetch": "http://attacker.test/fetch",
                               "registration": str(uuid.uuid4()), "activityId": ACTIVITY, "actor": json.dumps(ACTOR)})
    page.goto(site_url + "training/quiz/" + crafted)
    choose_track(page)
    answer_questions(page, range(1, 11))
    acknowledge(page, "Ann Tester")
    assert any(url.endswith("javascripts/lms.js") for _, url in requests)  # the adapter was there, and idle
    assert {method for method, _ in requests} == {"GET"}
    assert all(url.startswith(site_url) for _, url in requests)  # the page fixture also fails any other origin
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


def stored_statements(lrs: Ralph, registration: str, until: int) -> list[dict]:
    """The registration's statements in Ralph, in timestamp order (cmi5 9.3), once there are `until`."""
    statements: list[dict] = []
    for _ in range(50):
        statements = lrs.statements(registration=registration)
        if len(statements) >= until:
            break
        time.sleep(0.2)
    return sorted(statements, key=lambda s: s["timestamp"])


def sessions(statements: list[dict]) -> list[list[str]]:
    """The verbs of each session, in order."""
    out: dict[str, list[str]] = {}
    for s in statements:
        out.setdefault(s["context"]["extensions"][SESSION_ID], []).append(s["verb"]["id"].removeprefix(VERB))
    return list(out.values())


def check_cmi5_rules(statements: list[dict], registration: str) -> None:
    """What cmi5 asks of every cmi5-defined statement (9.x), of sessions and of registrations (9.3)."""
    for statement in statements:
        assert statement["actor"]["account"] == ACTOR["account"]
        assert statement["object"]["id"] == ACTIVITY
        context = statement["context"]
        assert context["registration"] == registration
        assert {"id": PUBLISHER_ID} in context["contextActivities"]["grouping"]  # from the context template
        assert {"id": CMI5_CATEGORY} in context["contextActivities"]["category"]
        result = statement.get("result", {})
        moveon = {"id": MOVEON_CATEGORY} in context["contextActivities"]["category"]
        assert moveon == ("success" in result or "completion" in result)
        verb = statement["verb"]["id"].removeprefix(VERB)
        assert ("score" in result) == (verb in ("passed", "failed"))
        assert result.get("success") == {"passed": True, "failed": False}.get(verb)  # absent for the others
        assert result.get("completion") == (True if verb == "completed" else None)
        assert ("duration" in result) == (verb != "initialized")
        assert (MASTERY in context.get("extensions", {})) == (verb in ("passed", "failed"))
    for verbs in sessions(statements):
        assert verbs[0] == "initialized" and verbs[-1] == "terminated"
        assert len(verbs) == len(set(verbs)) and len({"passed", "failed"} & set(verbs)) <= 1
    verbs = [s["verb"]["id"].removeprefix(VERB) for s in statements]
    assert verbs.count("passed") <= 1 and verbs.count("completed") <= 1
    if "passed" in verbs:
        assert "failed" not in verbs[verbs.index("passed"):]


def test_cmi5_fail_then_pass_in_one_session_sends_one_judgement_and_survives_closing_mid_send(lms_page, cmi5_lms, lrs):
    """Paths: LMS mastery score above the pass mark; fail, retry, pass in one session; the window
    closed while the pass is still on its way."""
    page = lms_page
    registration = str(uuid.uuid4())
    page.goto(cmi5_lms.launch_url(ACTOR, ACTIVITY, registration, mastery_score=0.9))
    choose_track(page, "members")
    answer_questions(page, range(1, 11), wrong=(3, 7))  # 8 of 10: fails at the LMS's 0.9
    page.wait_for_selector("#quiz-result-title")
    assert page.locator("#quiz-result-title").inner_text() == "You did not pass this time"
    page.wait_for_selector(STATUS_HELD + ":not([hidden])")  # the fail waits for the end of the session
    page.click("button[value=retry]")
    answer_questions(page, range(1, 10))
    cmi5_lms.statement_delay = 1.5
    try:
        answer_questions(page, range(10, 11))
        page.wait_for_selector("#quiz-result-title")
        assert page.input_value("input[name=name]") == "Ann Tester"  # the actor's name
        page.wait_for_selector(STATUS_SENT.replace("sent", "sending") + ":not([hidden])")
        page.close(run_before_unload=True)  # mid-send: the pass is still on its way to the LRS
        statements = stored_statements(lrs, registration, 4)
    finally:
        cmi5_lms.statement_delay = 0
    print("\ncmi5 statements (fail at 0.9, retry, pass, window closed mid-send):", sessions(statements))
    check_cmi5_rules(statements, registration)
    assert sessions(statements) == [["initialized", "completed", "passed", "terminated"]]
    passed = next(s for s in statements if s["verb"]["id"] == VERB + "passed")
    assert passed["context"]["extensions"][MASTERY] == 0.9 and passed["result"]["score"]["scaled"] == 1.0
    assert passed["result"]["success"] is True
    assert passed["result"]["extensions"]["urn:social-media-policy:training-quiz:track"] == "members"


def test_cmi5_closed_half_way_resumes_from_the_state_api_passes_at_a_low_mastery_score_and_then_sends_nothing_new(
        lms_page, cmi5_lms, lrs):
    """Paths: close mid-attempt and resume; LMS mastery score below the pass mark; a second session
    on a finished registration; returnURL."""
    page = lms_page
    registration = str(uuid.uuid4())
    page.goto(cmi5_lms.launch_url(ACTOR, ACTIVITY, registration, mastery_score=0.7))
    choose_track(page)
    answer_questions(page, range(1, 4))
    page.wait_for_selector("#quiz-question-title")
    page.goto("about:blank")  # closed half way
    kept = cmi5_lms.documents[(registration, "urn:social-media-policy:training-quiz:au:record")]
    assert kept["progress"]["r"] == "111" and "Ann" not in json.dumps(kept)

    page.goto(cmi5_lms.launch_url(ACTOR, ACTIVITY, registration, mastery_score=0.7))
    page.wait_for_selector("#quiz-question-title", timeout=READY)
    assert page.locator("#quiz-question-title").inner_text() == "Question 4 of 10"
    answer_questions(page, range(4, 11), wrong=(8, 9, 10))  # 7 of 10: passes at the LMS's 0.7
    page.wait_for_selector(STATUS_SENT + ":not([hidden])")
    page.goto("about:blank")

    page.goto(cmi5_lms.launch_url(ACTOR, ACTIVITY, registration, mastery_score=0.7))  # satisfied: comes back
    page.wait_for_selector("#quiz-result-title", timeout=READY)
    assert page.locator("#quiz-result-title").inner_text() == "You passed"
    page.click("[data-client-action=lms-exit]")  # returnURL: back to the learning system
    page.wait_for_url(cmi5_lms.url + "return")
    statements = stored_statements(lrs, registration, 8)
    print("\ncmi5 statements (resumed, passed at 0.7, second session, exit):", sessions(statements))
    check_cmi5_rules(statements, registration)
    assert sessions(statements) == [["initialized", "terminated"], ["initialized", "completed", "passed", "terminated"],
                                    ["initialized", "terminated"]]
    passed = next(s for s in statements if s["verb"]["id"] == VERB + "passed")
    assert passed["context"]["extensions"][MASTERY] == 0.7 and passed["result"]["score"]["scaled"] == 0.7


def test_cmi5_browse_mode_records_nothing_and_the_learner_preferences_are_read(lms_page, cmi5_lms, lrs):
    page = lms_page
    registration = str(uuid.uuid4())
    cmi5_lms.preferences = {"languagePreference": "fr-FR,de-DE", "audioPreference": "off"}
    try:
        page.goto(cmi5_lms.launch_url(ACTOR, ACTIVITY, registration, launch_mode="Browse"))
        choose_track(page)
    finally:
        cmi5_lms.preferences = None
    answer_questions(page, range(1, 11))
    page.wait_for_selector("#quiz-result-title")
    text = page.locator("[data-widget]").inner_text()
    assert "in browse mode: nothing from this attempt is recorded there" in text
    assert "This quiz is available in English only." in text
    assert page.locator("[data-lms-status]").count() == 0
    page.goto("about:blank")
    statements = stored_statements(lrs, registration, 2)
    print("\ncmi5 statements (Browse):", sessions(statements))
    check_cmi5_rules(statements, registration)
    assert sessions(statements) == [["initialized", "terminated"]]
    assert ("GET", "profile:cmi5LearnerPreferences") in cmi5_lms.requests


def test_cmi5_lrs_down_then_back_the_reader_retries_and_the_fail_goes_when_the_window_does(lms_page, cmi5_lms, lrs):
    page = lms_page
    registration = str(uuid.uuid4())
    page.goto(cmi5_lms.launch_url(ACTOR, ACTIVITY, registration))
    choose_track(page)
    answer_questions(page, range(1, 10), wrong=range(1, 10))
    cmi5_lms.lrs_reachable = False
    try:
        answer_questions(page, range(10, 11), wrong=(10,))
        failed = page.locator(STATUS_FAILED)
        failed.wait_for(state="visible")
        assert "could not be recorded" in failed.inner_text()
        assert page.locator("#quiz-result-title").inner_text() == "You did not pass this time"  # stays on screen
    finally:
        cmi5_lms.lrs_reachable = True
    page.click("[data-client-action=lms-retry]")
    page.wait_for_selector(STATUS_HELD + ":not([hidden])")  # completed is in; the fail waits for the end
    page.goto("about:blank")
    statements = stored_statements(lrs, registration, 4)
    print("\ncmi5 statements (LRS down, retried, failed, closed):", sessions(statements))
    check_cmi5_rules(statements, registration)
    assert sessions(statements) == [["initialized", "completed", "failed", "terminated"]]
    failed_statement = next(s for s in statements if s["verb"]["id"] == VERB + "failed")
    assert failed_statement["result"]["score"]["scaled"] == 0.0 and failed_statement["result"]["success"] is False


def test_cmi5_token_the_lrs_refuses_401_keeps_the_quiz_working(lms_page, cmi5_lms, lrs):
    page = lms_page
    registration = str(uuid.uuid4())
    page.goto(cmi5_lms.launch_url(ACTOR, ACTIVITY, registration, token="bm9ib2R5Ondyb25n"))  # nobody:wrong
    choose_track(page)
    answer_questions(page, range(1, 11), wrong=range(1, 11))
    failed = page.locator(STATUS_FAILED)
    failed.wait_for(state="visible")
    assert "401" in failed.inner_text()
    assert page.locator("#quiz-result-title").inner_text() == "You did not pass this time"
    assert lrs.statements(registration=registration) == []

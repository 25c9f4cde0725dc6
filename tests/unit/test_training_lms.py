"""The quiz's side of a learning-system launch: the acknowledgement, the versions and review date
on the certificate and record, the report (and only that), the learner's name, and saved progress
as SCORM's suspend data (round trip, largest size, corrupt or older data)."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from quiz.widgets import quiz as training
from quiz.content import load_widget
from quiz.context import Context
from quiz.protocol import STALE_NOTICE
from quiz.widgets.quiz.bank import Bank
from quiz.widgets.quiz.dates import review_by
from quiz.widgets.quiz.resume import packed
from quiz.view import text_of, to_html

VERSIONS = {"policy": "1a2b3c4d", "procedure": "5e6f7a8b"}
SCORM = {"system": "scorm", "learner": "Ann  Tester"}
SUSPEND_LIMIT = 4096  # SCORM 1.2: cmi.suspend_data holds at most 4,096 characters


@pytest.fixture(scope="module")
def bank(clause_ids: set[str]) -> Bank:
    model, problems = load_widget("quiz", clause_ids)
    assert not problems
    return model


@pytest.fixture(scope="module")
def vctx(clause_map: dict[str, dict[str, str]]) -> Context:
    """The quiz page's context with the policy and procedure versions, as the browser gets them."""
    return Context(clause_map, "../../", VERSIONS)


def right_answer(bank: Bank, state: dict) -> dict[str, list[str]]:
    item = state["draw"][state["index"]]
    return {"answer": [i for i in item["o"] if i in bank.question(item["q"]).right]}


def ask(bank, ctx, action, state=None, answers=None, lms=None):
    request = {"action": action, "answers": answers or {}, "state": state, "seed": 7, "today": "2025-11-23"}
    if lms:
        request["lms"] = lms
    response = training.respond(bank, ctx, request)
    json.dumps(response)
    return response


def attempt(bank, ctx, n_right, lms=None):
    """A whole attempt (launched or not); the response to its last answer."""
    r = ask(bank, ctx, "choose-track", ask(bank, ctx, "start", lms=lms)["state"], {"track": ["staff"]}, lms=lms)
    state = r["state"]
    for n in range(len(state["draw"])):
        answers = right_answer(bank, state)
        if n >= n_right:
            q = bank.question(state["draw"][state["index"]]["q"])
            answers = {"answer": [next(i for i in state["draw"][state["index"]]["o"] if i not in q.right)]}
        r = ask(bank, ctx, "answer", state, answers, lms=lms)
        if r["state"]["stage"] == "feedback":
            assert "report" not in r
            r = ask(bank, ctx, "next", r["state"], lms=lms)
        state = r["state"]
    return r


def test_the_certificate_needs_the_acknowledgement_of_the_versions_read(bank, vctx):
    result = attempt(bank, vctx, 10)
    html = to_html(result["view"])
    assert "I have read and understood the Social Media Policy (version 1a2b3c4d) and Procedure (version 5e6f7a8b)" \
        in text_of(result["view"])
    assert 'name="acknowledge"' in html and 'type="checkbox"' in html
    r = ask(bank, vctx, "certificate", result["state"], {"name": ["Ann Tester"]})
    assert r["state"]["stage"] == "result" and r["focus"] == "#quiz-error-summary"
    assert "Confirm that you have read and understood the policy and the procedure" in text_of(r["view"])
    assert 'value="Ann Tester"' in to_html(r["view"])  # what was typed stays
    r = ask(bank, vctx, "certificate", result["state"], {"name": ["Ann Tester"], "acknowledge": ["yes"]})
    assert r["state"]["stage"] == "certificate" and r["state"]["acknowledged"] == VERSIONS
    text = text_of(r["view"])
    assert "Social Media Policy (version 1a2b3c4d)" in text and "Social Media Procedure (version 5e6f7a8b)" in text
    assert "Review by: 23 November 2027" in text
    record = json.loads(text_of(next(n for n in r["view"][2:] if isinstance(n, list) and n[0] == "pre")))
    assert (record["policy_version"], record["procedure_version"], record["review_by"]) == \
        ("1a2b3c4d", "5e6f7a8b", "2027-11-23")


def test_a_certificate_for_versions_the_site_no_longer_publishes_is_not_restored(bank, vctx):
    """The certificate says the reader read these versions; after the documents change it is not a current
    certificate, so a saved one starts the quiz again, saying why (quiz.widgets.quiz.state.checked)."""
    result = attempt(bank, vctx, 10)
    r = ask(bank, vctx, "certificate", result["state"], {"name": ["Ann"], "acknowledge": ["yes"]})
    assert "version 1a2b3c4d" in text_of(r["view"])
    same = ask(bank, vctx, "start", r["state"])
    assert same["state"] == r["state"] and "version 1a2b3c4d" in text_of(same["view"])
    later = replace(vctx, documents={"policy": "99999999", "procedure": "88888888"})
    again = ask(bank, later, "start", r["state"])
    assert again["state"]["stage"] == "choose" and again["store"] is False
    assert STALE_NOTICE in text_of(again["view"]) and "1a2b3c4d" not in text_of(again["view"])


@pytest.mark.parametrize(("start", "months", "due"), [
    ("2025-11-23", 24, "2027-11-23"), ("2024-02-29", 12, "2025-02-28"), ("2025-01-31", 1, "2025-02-28"),
    ("2025-12-15", 1, "2026-01-15"), ("no date", 24, None), (None, 24, None)])
def test_review_by_is_months_later_on_the_same_day_or_the_months_last(start, months, due):
    assert review_by(start, months) == due


def test_review_months_is_a_checked_setting_with_a_default_of_24():
    from quiz.checker import read_toml
    from quiz.content import DATA_DIR
    raw, _ = read_toml(DATA_DIR / "quiz.toml")
    cited = {c for q in raw["questions"] for c in q["clauses"]}
    del raw["settings"]["review_months"]
    loaded, problems = training.load(raw, "quiz.toml", cited)
    assert not problems and loaded.settings.review_months == 24
    raw["settings"]["review_months"] = 0
    _, problems = training.load(raw, "quiz.toml", cited)
    assert [p.message for p in problems] == ["review_months must be a whole number of months from 1 to 120, not 0"]


def test_outside_a_learning_system_there_is_no_report_and_no_status_box(bank, vctx):
    result = attempt(bank, vctx, 3)
    assert "report" not in result and "data-lms-status" not in to_html(result["view"])
    assert "nothing is sent anywhere" in text_of(attempt(bank, vctx, 10)["view"])


def test_launched_a_failed_attempt_reports_once_with_only_the_agreed_facts(bank, vctx):
    result = attempt(bank, vctx, 3, lms=SCORM)
    assert result["report"] == {
        "score": 3, "out_of": 10, "percent": 30, "passed": False, "pass_mark": 80, "track": "staff",
        "question_bank_version": bank.version, "document_versions": VERSIONS, "review_by": None}
    assert 'data-lms-status ' in to_html(result["view"])
    assert "your result" in text_of(result["view"]).lower() and "never sends your answers" in text_of(result["view"])
    # Showing the same step again (a reload, a resumed session) does not report it again.
    assert "report" not in ask(bank, vctx, "start", result["state"], lms=SCORM)


def test_launched_a_pass_is_reported_the_moment_the_last_question_is_scored(bank, vctx):
    result = attempt(bank, vctx, 10, lms=SCORM)
    assert result["report"] == {"score": 10, "out_of": 10, "percent": 100, "passed": True, "pass_mark": 80,
                                "track": "staff", "question_bank_version": bank.version,
                                "document_versions": VERSIONS, "review_by": "2027-11-23"}
    assert 'data-lms-status ' in to_html(result["view"]) and 'data-client-action="lms-retry"' in to_html(result["view"])
    assert 'value="Ann Tester"' in to_html(result["view"])  # the learning system's name, tidied
    r = ask(bank, vctx, "certificate", result["state"], {"name": ["Ann Tester-Smith"], "acknowledge": ["yes"]},
            lms=SCORM)
    assert "report" not in r  # already sent: the certificate is the reader's own
    assert "Ann" not in json.dumps(result["report"])  # no free text


def retry(bank, ctx, state, n_right, lms):
    """'Try again with new questions', answered with `n_right` right; the response to the last answer."""
    r = ask(bank, ctx, "retry", state, lms=lms)
    for n in range(len(r["state"]["draw"])):
        s = r["state"]
        answers = right_answer(bank, s)
        if n >= n_right:
            q = bank.question(s["draw"][s["index"]]["q"])
            answers = {"answer": [next(i for i in s["draw"][s["index"]]["o"] if i not in q.right)]}
        r = ask(bank, ctx, "answer", s, answers, lms=lms)
        if r["state"]["stage"] == "feedback":
            r = ask(bank, ctx, "next", r["state"], lms=lms)
    return r


def test_the_best_result_stands_a_practice_attempt_after_a_pass_is_not_sent_and_says_so(bank, vctx):
    passed = attempt(bank, vctx, 10, lms=SCORM)
    practice = retry(bank, vctx, passed["state"], 0, SCORM)
    assert "report" not in practice
    assert "You have already passed; this attempt is for practice and is not sent." in text_of(practice["view"])
    assert practice["announce"].startswith("You have already passed; this attempt is for practice")
    assert "data-lms-status" not in to_html(practice["view"])
    # A fail, then a pass, in one record: both count (the pass replaces the fail).
    failed = attempt(bank, vctx, 2, lms=SCORM)
    assert failed["report"]["passed"] is False
    again = retry(bank, vctx, failed["state"], 10, SCORM)
    assert again["report"]["passed"] is True and "practice" not in text_of(again["view"])


def test_a_pass_the_learning_system_has_on_record_makes_every_attempt_practice(bank, vctx):
    on_record = {**SCORM, "passed": True}
    r = attempt(bank, vctx, 10, lms=on_record)
    assert "report" not in r and "for practice and is not sent" in text_of(r["view"])


@pytest.mark.parametrize(("mastery", "n_right", "passed", "shown"), [
    (0.9, 8, False, "The pass mark is 90%"), (0.7, 7, True, "The pass mark is 70%"),
    (0.8, 8, True, "The pass mark is 80%"), (0.8001, 8, False, "The pass mark is 80.01%")])
def test_the_learning_systems_mastery_score_decides_pass_or_fail(bank, vctx, mastery, n_right, passed, shown):
    r = attempt(bank, vctx, n_right, lms={**SCORM, "mastery": mastery})
    assert r["report"]["passed"] is passed and shown in text_of(r["view"])
    assert r["report"]["pass_mark"] == mastery * 100 or r["report"]["pass_mark"] == pytest.approx(mastery * 100)


@pytest.mark.parametrize("mode", ["Browse", "Review"])
def test_browse_and_review_record_nothing_and_say_so(bank, vctx, mode):
    r = attempt(bank, vctx, 10, lms={"system": "cmi5", "learner": "Ann", "mode": mode})
    assert "report" not in r and "data-lms-status" not in to_html(r["view"])
    assert f"in {mode.lower()} mode: nothing from this attempt is recorded there" in text_of(r["view"])


@pytest.mark.parametrize(("languages", "note"), [
    (["fr-FR", "de-DE"], True), (["fr-FR", "en-US"], False), ([], False), (None, False)])
def test_learner_language_preferences_without_english_are_told_the_quiz_is_in_english_only(
        bank, vctx, languages, note):
    r = ask(bank, vctx, "start", lms={"system": "cmi5", "learner": "Ann", "languages": languages})
    assert ("This quiz is available in English only." in text_of(r["view"])) is note


def test_a_returnurl_gives_an_exit_control_on_every_step(bank, vctx):
    lms = {"system": "cmi5", "learner": "Ann", "exit": True}
    first = ask(bank, vctx, "start", lms=lms)
    assert 'data-client-action="lms-exit"' in to_html(first["view"])
    assert 'lms-exit' not in to_html(ask(bank, vctx, "start", lms=SCORM)["view"])


def test_a_reader_who_corrects_the_learning_systems_name_keeps_their_own(bank, vctx):
    result = attempt(bank, vctx, 10, lms=SCORM)
    r = ask(bank, vctx, "certificate", result["state"], {"name": ["A. Tester"]}, lms=SCORM)
    assert 'value="A. Tester"' in to_html(r["view"])


# ---------------------------------------------------------------- suspend data

def suspend(response) -> str:
    """What the page stores in cmi.suspend_data (or the cmi5 State API): JSON.stringify's compact form."""
    return json.dumps(response["lms_state"], separators=(",", ":"), ensure_ascii=False)


def test_progress_round_trips_through_what_the_learning_system_keeps_and_resumes_at_the_same_question(bank, vctx):
    r = ask(bank, vctx, "choose-track", ask(bank, vctx, "start", lms=SCORM)["state"], {"track": ["members"]},
            lms=SCORM)
    for n in range(3):
        answers = right_answer(bank, r["state"]) if n != 1 else {"answer": [next(
            i for i in r["state"]["draw"][1]["o"] if i not in bank.question(r["state"]["draw"][1]["q"]).right)]}
        r = ask(bank, vctx, "next", ask(bank, vctx, "answer", r["state"], answers)["state"], lms=SCORM)
    stored = suspend(r)
    resumed = ask(bank, vctx, "start", json.loads(stored), lms=SCORM)
    assert resumed["state"]["draw"] == r["state"]["draw"] and resumed["state"]["index"] == 3
    assert resumed["state"]["recalled"] == [item["q"] for item in r["state"]["draw"][:3]]
    # Resuming is the page starting, not the reader acting: focus stays where it is (WCAG 3.2.1).
    assert resumed["focus"] is None and "Question 4 of 10" in text_of(resumed["view"])
    r = resumed
    while r["state"]["stage"] != "result":
        r = ask(bank, vctx, "answer", r["state"], right_answer(bank, r["state"]), lms=SCORM)
        if r["state"]["stage"] == "feedback":
            r = ask(bank, vctx, "next", r["state"], lms=SCORM)
    assert r["report"]["score"] == 9  # the wrong answer before resuming still counts as wrong
    review = text_of(r["view"])
    assert review.count("Your answer: not kept (you answered this in an earlier session") == 3


def test_what_the_learning_system_keeps_holds_no_option_id_and_no_name(bank, vctx):
    result = attempt(bank, vctx, 10, lms=SCORM)
    r = ask(bank, vctx, "certificate", result["state"], {"name": ["Zebedee Quux"], "acknowledge": ["yes"]},
            lms=SCORM)
    stored = suspend(r)
    option_ids = {o.id for q in bank.questions for o in q.options}
    values = json.loads(stored)
    assert "Zebedee" not in stored and not option_ids & {v for v in values.values() if isinstance(v, str)}
    assert not any(o in values["o"] for o in option_ids if not o.isdigit())
    print(f"suspend data after a certificate: {stored}")
    resumed = ask(bank, vctx, "start", values, lms=SCORM)
    assert resumed["state"]["stage"] == "result"  # the certificate's name was never kept: made again


def test_the_largest_state_fits_in_suspend_data(bank, vctx):
    """Worst case: ten questions with the longest ids and most options, the ten next longest ids as the
    previous attempt's (avoided), the largest seed and attempt number, a mastery score with four decimals."""
    def weight(q):
        return len(q.id) + len(q.options)
    for track in ("staff", "members"):
        ranked = sorted(bank.for_track(track), key=weight, reverse=True)
        heaviest, avoided = ranked[:bank.settings.draw_size], ranked[bank.settings.draw_size:2 * bank.settings.draw_size]
        state = {**ask(bank, vctx, "start")["state"], "stage": "result", "track": track, "seed": 2**32 - 1,
                 "attempt": 9999, "index": len(heaviest) - 1, "mastery": 0.1234, "on_record": True,
                 "draw": [{"q": q.id, "o": [o.id for o in q.options]} for q in heaviest],
                 "answers": {q.id: [o.id for o in q.options] for q in heaviest}, "avoid": [q.id for q in avoided]}
        size = len(suspend({"lms_state": packed(bank, state)}))
        print(f"largest suspend data, {track} track: {size} characters")
        assert size <= SUSPEND_LIMIT


@pytest.mark.parametrize("stored", ["{not json", "", 42, ["a"], {"v": "00000000", "stage": "question"}])
def test_corrupt_or_older_suspend_data_starts_afresh_with_a_notice(bank, vctx, stored):
    given = json.loads(stored) if isinstance(stored, str) and stored.startswith("[") else stored
    r = ask(bank, vctx, "start", given, lms=SCORM)
    assert r["state"]["stage"] == "choose"
    if given not in ("",):
        assert STALE_NOTICE in text_of(r["view"])

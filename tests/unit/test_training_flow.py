"""The training quiz's respond() flows: track -> questions -> feedback -> result -> certificate."""
from __future__ import annotations

import json

import pytest

from sitebuild.clauses import clause_label
from quiz.widgets import quiz as training
from quiz.widgets.quiz.bank import Bank
from quiz.checker import read_toml
from quiz.content import DATA_DIR
from quiz.context import Context
from quiz.view import text_of, to_html


def load_bank(feedback: str | None = None) -> Bank:
    raw, problems = read_toml(DATA_DIR / "quiz.toml")
    assert not problems
    if feedback:
        raw["settings"]["feedback"] = feedback
    cited = {c for q in raw["questions"] for c in q["clauses"]}
    bank, problems = training.load(raw, "quiz.toml", cited)
    assert not problems, problems
    return bank


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="module")
def ctx(bank: Bank) -> Context:
    ids = {c for q in bank.questions for c in q.clauses}
    return Context({i: {"label": clause_label(i), "url": f"{i.split('-')[0]}/#{i}"} for i in ids}, "../../")


def call(bank, ctx, action, state=None, answers=None, seed=7, today="2025-11-23"):
    response = training.respond(bank, ctx, {"action": action, "answers": answers or {}, "state": state,
                                            "seed": seed, "today": today})
    json.dumps(response)  # the browser gets JSON: everything must serialise
    return response


def current(bank, state):
    item = state["draw"][state["index"]]
    return bank.question(item["q"]), item


def right_answer(bank, state):
    q, item = current(bank, state)
    return {"answer": [i for i in item["o"] if i in q.right]}


def wrong_answer(bank, state):
    q, item = current(bank, state)
    if q.multiple:  # one right option short: never exactly right
        right = [i for i in item["o"] if i in q.right]
        wrong = [i for i in item["o"] if i not in q.right]
        return {"answer": right[:-1] or wrong[:1]}
    return {"answer": [next(i for i in item["o"] if i not in q.right)]}


def start_track(bank, ctx, track="staff", remember=False, seed=7):
    r = call(bank, ctx, "start")
    answers = {"track": [track]}
    if remember:
        answers["remember"] = ["yes"]
    return call(bank, ctx, "choose-track", r["state"], answers, seed=seed)


def answer_all(bank, ctx, state, n_right):
    """Answer every question, the first n_right rightly; returns the result response."""
    r = None
    for n in range(len(state["draw"])):
        answers = right_answer(bank, state) if n < n_right else wrong_answer(bank, state)
        r = call(bank, ctx, "answer", state, answers)
        assert r["view"] is not None
        if r["state"]["stage"] == "feedback":
            r = call(bank, ctx, "next", r["state"])
        state = r["state"]
    return r


def test_start_offers_the_tracks(bank, ctx):
    r = call(bank, ctx, "start")
    html = to_html(r["view"])
    assert r["focus"] is None and 'id="quiz-choose-title"' in html  # the page loaded: no focus move
    assert 'value="staff"' in html and 'value="members"' in html
    assert 'name="remember"' in html and 'value="choose-track"' in html
    assert r["store"] is None


def test_no_track_chosen_is_an_error(bank, ctx):
    r = call(bank, ctx, "choose-track", call(bank, ctx, "start")["state"], {})
    assert r["focus"] == "#quiz-error-summary"
    html = to_html(r["view"])
    assert 'href="#quiz-track"' in html and "form-group--error" in html
    assert r["state"]["stage"] == "choose"


def test_full_staff_flow_to_certificate(bank, ctx):
    r = start_track(bank, ctx)
    state = r["state"]
    assert r["focus"] == "#quiz-question-title"
    assert r["announce"] == "Question 1 of 10"
    assert "Question 1 of 10" in text_of(r["view"])
    assert len(state["draw"]) == 10
    assert all("staff" in bank.question(i["q"]).audiences for i in state["draw"])

    # Right answer -> feedback "Correct" with the explanation and a clause link.
    q, _ = current(bank, state)
    r = call(bank, ctx, "answer", state, right_answer(bank, state))
    assert r["announce"] == "Correct" and r["focus"] == "#quiz-feedback-title"
    html = to_html(r["view"])
    assert q.explanation.replace('"', "&quot;")[:30] in html or q.explanation[:30] in text_of(r["view"])
    assert 'class="clause-ref"' in html and "site-advice" in html
    r = call(bank, ctx, "next", r["state"])
    assert r["announce"] == "Question 2 of 10"

    # Wrong answer -> "Incorrect".
    r = call(bank, ctx, "answer", r["state"], wrong_answer(bank, r["state"]))
    assert r["announce"] == "Incorrect"
    state = call(bank, ctx, "next", r["state"])["state"]

    # The other eight right: 9 of 10 passes.
    for _ in range(8):
        r = call(bank, ctx, "answer", state, right_answer(bank, state))
        r = call(bank, ctx, "next", r["state"])
        state = r["state"]
    assert state["stage"] == "result"
    assert r["announce"] == "You passed" and r["focus"] == "#quiz-result-title"
    text = text_of(r["view"])
    assert "You scored 9 out of 10 (90%)" in text
    assert "Review every question" in text and "Right answer" in text
    assert 'value="certificate"' in to_html(r["view"]) and 'value="retry"' in to_html(r["view"])

    # Empty name -> error; then the certificate.
    r2 = call(bank, ctx, "certificate", state, {"name": ["   "]})
    assert r2["focus"] == "#quiz-error-summary" and 'href="#quiz-name"' in to_html(r2["view"])
    r = call(bank, ctx, "certificate", state, {"name": ["Alex  Jones"], "acknowledge": ["yes"]})
    assert r["focus"] == "#quiz-certificate-title"
    text = text_of(r["view"])
    assert "Alex Jones" in text and "23 November 2025" in text and "staff track" in text
    assert bank.version in text and "cannot prove who took the quiz" in text
    html = to_html(r["view"])
    assert 'data-client-action="print"' in html
    assert 'data-client-action="download"' in html and 'data-filename="quiz-completion.json"' in html
    record = json.loads(text_of(next(n for n in r["view"][2:] if isinstance(n, list) and n[0] == "pre")))
    assert record["name"] == "Alex Jones" and record["date"] == "2025-11-23"
    assert record["score"] == 9 and record["out_of"] == 10 and record["passed"] is True
    assert record["question_bank_version"] == bank.version and record["track"] == "staff"


def test_failing_attempt_points_to_clauses_and_offers_no_certificate(bank, ctx):
    r = answer_all(bank, ctx, start_track(bank, ctx)["state"], n_right=7)
    assert r["announce"] == "You did not pass this time"
    html = to_html(r["view"])
    assert "7 out of 10 (70%)" in text_of(r["view"])
    assert "Re-read" in text_of(r["view"]) and 'class="clause-ref"' in html
    assert 'value="certificate"' not in html
    # Asking for a certificate anyway does not make one.
    r2 = call(bank, ctx, "certificate", r["state"], {"name": ["Sam"]})
    assert r2["state"]["stage"] == "result"


def test_exactly_at_pass_mark_passes(bank, ctx):
    r = answer_all(bank, ctx, start_track(bank, ctx)["state"], n_right=8)
    assert r["announce"] == "You passed"


def test_unanswered_question_shows_error(bank, ctx):
    state = start_track(bank, ctx)["state"]
    r = call(bank, ctx, "answer", state, {})
    assert r["focus"] == "#quiz-error-summary"
    html = to_html(r["view"])
    assert 'href="#quiz-answer"' in html and 'id="quiz-answer-error"' in html
    assert r["state"]["stage"] == "question" and r["state"]["answers"] == {}


def test_option_not_in_question_counts_as_unanswered(bank, ctx):
    state = start_track(bank, ctx)["state"]
    r = call(bank, ctx, "answer", state, {"answer": ["zz"]})
    assert r["focus"] == "#quiz-error-summary"


def test_retry_gives_a_new_draw(bank, ctx):
    r = answer_all(bank, ctx, start_track(bank, ctx)["state"], n_right=3)
    first = [i["q"] for i in r["state"]["draw"]]
    again = call(bank, ctx, "retry", r["state"], seed=7)  # even with the same request seed
    second = [i["q"] for i in again["state"]["draw"]]
    assert again["state"]["stage"] == "question" and again["state"]["answers"] == {}
    assert set(first) != set(second)
    # The staff bank is big enough that a retry asks only questions not seen last time.
    assert not set(first) & set(second)


def test_members_track_draws_member_questions(bank, ctx):
    state = start_track(bank, ctx, "members")["state"]
    assert all("members" in bank.question(i["q"]).audiences for i in state["draw"])
    assert "Members (councillors) track" in text_of(call(bank, ctx, "answer", state, {})["view"])


def test_name_with_html_stays_text(bank, ctx):
    r = answer_all(bank, ctx, start_track(bank, ctx)["state"], n_right=10)
    evil = '<script>alert("x")</script><b>Bo</b>'
    r = call(bank, ctx, "certificate", r["state"], {"name": [evil], "acknowledge": ["yes"]})
    html = to_html(r["view"])
    assert "<script>" not in html and "<b>Bo</b>" not in html
    assert "&lt;script&gt;" in html
    assert evil in text_of(r["view"])  # shown as the reader typed it, as text


def test_remember_stores_state_and_resumes(bank, ctx):
    r = start_track(bank, ctx, remember=True)
    assert r["store"] is True
    r = call(bank, ctx, "answer", r["state"], right_answer(bank, r["state"]))
    assert r["store"] is True and r["state"]["remember"] is True
    saved = json.loads(json.dumps(r["state"]))  # as localStorage would give it back
    resumed = call(bank, ctx, "start", saved)
    assert resumed["state"] == saved
    assert resumed["focus"] is None
    forgotten = call(bank, ctx, "forget", resumed["state"])
    assert forgotten["store"] is False and forgotten["state"]["remember"] is False


def test_not_remembering_never_stores(bank, ctx):
    r = start_track(bank, ctx, remember=False)
    assert r["store"] is not True
    r = call(bank, ctx, "answer", r["state"], right_answer(bank, r["state"]))
    assert r["store"] is not True


def test_stored_state_from_another_bank_version_starts_again(bank, ctx):
    state = start_track(bank, ctx, remember=True)["state"]
    r = call(bank, ctx, "start", {**state, "v": "00000000"})
    assert r["state"]["stage"] == "choose" and r["store"] is False
    assert "earlier version" in r["announce"]


def test_tampered_state_is_not_trusted(bank, ctx):
    state = start_track(bank, ctx)["state"]
    bad = {**state, "stage": "certificate", "name": "X"}  # no answers: not a pass
    r = call(bank, ctx, "start", bad)
    assert r["state"]["stage"] == "choose"


def test_feedback_at_the_end(ctx):
    bank = load_bank("at-end")
    state = start_track(bank, ctx)["state"]
    r = call(bank, ctx, "answer", state, right_answer(bank, state))
    assert r["state"]["stage"] == "question" and r["announce"] == "Question 2 of 10"
    r = answer_all(bank, ctx, state, n_right=10)
    assert r["state"]["stage"] == "result"
    # The review carries the feedback on the options chosen.
    q = bank.question(r["state"]["draw"][0]["q"])
    chosen = r["state"]["answers"][q.id]
    assert q.option(chosen[0]).feedback in text_of(r["view"])


def test_draw_is_reproducible_through_respond(bank, ctx):
    a = start_track(bank, ctx, seed=123)["state"]["draw"]
    b = start_track(bank, ctx, seed=123)["state"]["draw"]
    c = start_track(bank, ctx, seed=124)["state"]["draw"]
    assert a == b and a != c


def test_static_render_teaches_without_javascript(bank, ctx):
    view = training.render(bank, ctx)
    html = to_html(view)
    assert html.count("<details") == len(bank.questions)
    assert html.count("<summary>Show answer</summary>") == len(bank.questions)
    for topic in bank.topics:
        assert f'id="quiz-topic-{topic}"' in html
    assert "cannot prove who took the quiz" in text_of(view)
    assert "<form" not in html  # nothing to submit before Python is ready


HIDDEN = {"\u202e", "\u202c", "\x00", "\x07"}


def test_hidden_characters_never_reach_the_certificate_or_the_record(bank, ctx):
    r = answer_all(bank, ctx, start_track(bank, ctx)["state"], n_right=10)
    r = call(bank, ctx, "certificate", r["state"],
             {"name": ["Ann \u202eevil\u202c Smith\x00\x07"], "acknowledge": ["yes"]})
    assert r["state"]["name"] == "Ann evil Smith"
    shown = text_of(r["view"])
    assert "Ann evil Smith" in shown and not HIDDEN & set(shown)
    assert '"name": "Ann evil Smith"' in shown  # the completion record


def test_a_name_of_hidden_characters_only_is_asked_for_again(bank, ctx):
    r = answer_all(bank, ctx, start_track(bank, ctx)["state"], n_right=10)
    r = call(bank, ctx, "certificate", r["state"], {"name": ["\u202e\u202c\x00"]})
    assert r["state"]["stage"] == "result"
    assert "Enter your name as it should appear on the certificate" in text_of(r["view"])


def test_a_saved_name_with_hidden_characters_starts_afresh(bank, ctx):
    r = answer_all(bank, ctx, start_track(bank, ctx, remember=True)["state"], n_right=10)
    r = call(bank, ctx, "certificate", r["state"], {"name": ["Ann Smith"], "acknowledge": ["yes"]})
    saved = json.loads(json.dumps(r["state"]))
    assert call(bank, ctx, "start", saved)["state"]["stage"] == "certificate"
    tampered = {**saved, "name": "Ann \u202eevil\u202c Smith"}
    assert call(bank, ctx, "start", tampered)["state"]["stage"] == "choose"


def test_the_record_carries_a_date_or_nothing(bank, ctx):
    r = answer_all(bank, ctx, start_track(bank, ctx, remember=True)["state"], n_right=10)
    made = call(bank, ctx, "certificate", r["state"], {"name": ["Ann Smith"], "acknowledge": ["yes"]}, today="2025-11-23\u202e\x07")
    assert made["state"]["date"] == "" and "(date not given)" in text_of(made["view"])
    made = call(bank, ctx, "certificate", r["state"], {"name": ["Ann Smith"], "acknowledge": ["yes"]})
    tampered = {**json.loads(json.dumps(made["state"])), "date": "2025-11-23\u202e"}
    assert call(bank, ctx, "start", tampered)["state"]["stage"] == "choose"

"""Question kinds live in one table: a new choice-type kind is one entry (this test adds one)."""
from __future__ import annotations

import pytest

from quiz.context import Context
from quiz.widgets.quiz import load, render, respond
from quiz.widgets.quiz.kinds import KINDS, Kind
from quiz.view import text_of, to_html


@pytest.mark.parametrize("kind, right, chosen, heading", [
    ("single", "a", ["a"], "Correct"), ("single", "a", ["b"], "Incorrect"),
    ("multiple", "ab", ["a", "b"], "Correct"), ("multiple", "ab", ["a"], "Not quite"),
    ("multiple", "ab", ["c"], "Incorrect"), ("multiple", "ab", ["a", "b", "c"], "Not quite"),
])
def test_feedback_heading_comes_from_the_kind(kind: str, right: str, chosen: list[str], heading: str):
    assert KINDS[kind].heading(chosen, frozenset(right)) == heading


def bank_of(kind: str) -> dict:
    return {
        "settings": {"draw_size": 1, "pass_mark": 100, "feedback": "after-each"},
        "topics": {"scope": "Scope"},
        "questions": [{"id": "q1", "kind": kind, "topic": "scope", "audiences": ["staff", "members"],
                       "clauses": ["policy-1"], "text": "Which two?", "explanation": "Because.",
                       "options": [{"text": t, "correct": t in "AB", "feedback": "f"} for t in "ABC"]}],
    }


def test_a_new_choice_kind_is_one_table_entry(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(KINDS, "pick-two", Kind("Pick two", "Choose two answers.", multiple=True, shuffle=False,
                                                one_right=False, partly_right="Half right"))
    bank, problems = load(bank_of("pick-two"), "quiz.toml", {"policy-1"})
    assert problems == []
    ctx = Context({"policy-1": {"label": "Policy 1.0", "url": "policy/#policy-1"}}, "")
    assert "Pick two \u00b7 for staff and members (councillors)" in text_of(render(bank, ctx))
    call = lambda action, state, answers: respond(bank, ctx, {"action": action, "state": state,  # noqa: E731
                                                              "answers": answers, "seed": 1})
    state = call("choose-track", None, {"track": ["staff"]})["state"]
    assert state["draw"][0]["o"] == ["a", "b", "c"]  # shuffle=False keeps the file's order
    question = call("start", state, {})
    assert 'type="checkbox"' in to_html(question["view"]) and "Choose two answers." in text_of(question["view"])
    feedback = call("answer", state, {"answer": ["a"]})
    assert feedback["announce"] == "Incorrect" and "Half right" in text_of(feedback["view"])
    state = call("answer", state, {"answer": ["a", "b"]})["state"]
    assert call("next", state, {})["state"]["stage"] == "result"
    assert "You passed" in text_of(call("next", state, {})["view"])


def test_a_new_kind_is_checked_by_its_entry(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(KINDS, "pick-one", Kind("Pick one", "Choose one.", multiple=False, shuffle=True,
                                                one_right=True))
    data = bank_of("pick-one")
    _, problems = load(data, "quiz.toml", {"policy-1"})
    assert [p.message for p in problems] == ["a pick-one question needs exactly one right answer, not 2"]

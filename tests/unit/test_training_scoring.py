"""Scoring: whole marks only, multiple answers exactly right, pass at or above the pass mark."""
from __future__ import annotations

from quiz.widgets.quiz.bank import Bank, Option, Question, Settings
from quiz.widgets.quiz.scoring import is_correct, passes, percent, score


def q(qid: str, topic: str, right: str, kind: str = "single", clauses=("policy-1",)) -> Question:
    options = tuple(Option(l, l, l in right, "f") for l in "abcd")
    return Question(qid, kind, topic, ("staff",), clauses, "?", "", "e", options)


def bank(pass_mark: int = 80) -> Bank:
    questions = [q(f"s{n}", "scope", "a") for n in range(8)] + [
        q("m1", "law", "ab", "multiple", ("policy-6",)),
        q("m2", "law", "abc", "multiple", ("policy-6", "procedure-7")),
    ]
    return Bank(Settings(10, pass_mark, "after-each"), {"scope": "Scope", "law": "The law"}, tuple(questions), "v")


IDS = [f"s{n}" for n in range(8)] + ["m1", "m2"]


def all_right() -> dict[str, list[str]]:
    return {**{f"s{n}": ["a"] for n in range(8)}, "m1": ["a", "b"], "m2": ["a", "b", "c"]}


def test_all_right():
    r = score(bank(), IDS, all_right())
    assert (r.score, r.out_of, r.percent, r.passed) == (10, 10, 100, True)


def test_exactly_at_the_pass_mark_passes():
    answers = {**all_right(), "s0": ["b"], "s1": ["c"]}
    r = score(bank(), IDS, answers)
    assert (r.score, r.percent, r.passed) == (8, 80, True)


def test_one_short_of_the_pass_mark_fails():
    answers = {**all_right(), "s0": ["b"], "s1": ["c"], "s2": ["d"]}
    r = score(bank(), IDS, answers)
    assert (r.score, r.percent, r.passed) == (7, 70, False)


def test_partial_multiple_answer_scores_nothing():
    b = bank()
    assert not is_correct(b.question("m2"), ["a", "b"])  # one right option missing
    assert not is_correct(b.question("m2"), ["a", "b", "c", "d"])  # one wrong option added
    assert is_correct(b.question("m2"), ["c", "b", "a"])  # order does not matter
    r = score(b, IDS, {**all_right(), "m2": ["a", "b"]})
    assert r.score == 9 and r.marks["m2"] is False


def test_unanswered_scores_nothing():
    answers = all_right()
    del answers["s0"]
    r = score(bank(), IDS, answers)
    assert r.score == 9 and r.marks["s0"] is False


def test_pass_mark_uses_whole_numbers():
    assert passes(2, 3, 66) and not passes(2, 3, 67)  # 66.67%
    assert passes(8, 10, 80) and not passes(79, 100, 80)
    assert not passes(0, 0, 80)


def test_percentage_is_rounded_down():
    assert percent(2, 3) == 66 and percent(1, 3) == 33 and percent(0, 0) == 0


def test_topic_breakdown_names_clauses_to_reread():
    r = score(bank(), IDS, {**all_right(), "m2": ["a"]})
    by_topic = {t.topic: t for t in r.topics}
    assert [t.topic for t in r.topics] == ["scope", "law"]  # the bank's topic order
    assert (by_topic["scope"].right, by_topic["scope"].asked, by_topic["scope"].clauses) == (8, 8, ())
    assert (by_topic["law"].right, by_topic["law"].asked) == (1, 2)
    assert by_topic["law"].clauses == ("policy-6", "procedure-7")
    assert not by_topic["law"].all_right and by_topic["scope"].all_right


def test_custom_pass_mark():
    answers = {**all_right(), "s0": ["b"]}
    assert score(bank(pass_mark=90), IDS, answers).passed
    assert not score(bank(pass_mark=100), IDS, answers).passed

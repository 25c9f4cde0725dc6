"""Drawing questions: spread over topics, reproducible from a seed, no repeats, options shuffled."""
from __future__ import annotations

from collections import Counter

import pytest

from quiz.widgets import quiz as training
from quiz.widgets.quiz.bank import Option, Question
from quiz.checker import read_toml
from quiz.content import DATA_DIR
from quiz.widgets.quiz.draw import attempt_seed, draw


@pytest.fixture(scope="module")
def bank():
    raw, _ = read_toml(DATA_DIR / "quiz.toml")
    model, problems = training.load(raw, "quiz.toml", {c for q in raw["questions"] for c in q["clauses"]})
    assert not problems
    return model


def make(qid: str, topic: str, kind: str = "single") -> Question:
    if kind == "true-false":
        options = (Option("true", "True", True, "f"), Option("false", "False", False, "f"))
    else:
        options = tuple(Option(l, l.upper(), l == "a", "f") for l in "abcd")
    return Question(qid, kind, topic, ("staff",), ("policy-1",), "?", "", "e", options)


def test_same_seed_same_draw(bank):
    qs = bank.for_track("staff")
    assert draw(qs, 10, 42) == draw(qs, 10, 42)


def test_different_seeds_differ(bank):
    qs = bank.for_track("staff")
    draws = {tuple(i["q"] for i in draw(qs, 10, seed)) for seed in range(20)}
    assert len(draws) == 20


def test_file_order_does_not_change_the_draw(bank):
    qs = bank.for_track("staff")
    assert draw(qs, 10, 5) == draw(list(reversed(qs)), 10, 5)


@pytest.mark.parametrize("seed", range(50))
def test_no_repeats_and_right_size(bank, seed):
    for track in ("staff", "members"):
        ids = [i["q"] for i in draw(bank.for_track(track), 10, seed)]
        assert len(ids) == 10 and len(set(ids)) == 10


@pytest.mark.parametrize("seed", range(50))
def test_staff_draw_covers_ten_topics(bank, seed):
    # 20 topics, 10 questions: every question from a different topic.
    topics = [bank.question(i["q"]).topic for i in draw(bank.for_track("staff"), 10, seed)]
    assert len(set(topics)) == 10


@pytest.mark.parametrize("seed", range(50))
def test_members_draw_spreads_evenly(bank, seed):
    qs = bank.for_track("members")
    available = Counter(q.topic for q in qs)
    counts = Counter(bank.question(i["q"]).topic for i in draw(qs, 10, seed))
    assert set(counts) == set(available) or len(counts) == 10  # every topic asked when there are few
    # Round robin: no topic gets k+1 questions while another with spare questions has fewer than k.
    for t, n in counts.items():
        for u, m in counts.items():
            if m < available[u]:
                assert n <= m + 1, (t, n, u, m)


def test_round_robin_on_a_small_bank():
    qs = [make(f"{t}{n}", t) for t in "xyz" for n in range(4)]
    for seed in range(20):
        counts = Counter(q[0] for q in (i["q"] for i in draw(qs, 7, seed)))
        assert sorted(counts.values()) == [2, 2, 3]


def test_options_are_shuffled_and_complete(bank):
    qs = bank.for_track("staff")
    orders = set()
    for seed in range(30):
        for item in draw(qs, 10, seed):
            q = bank.question(item["q"])
            assert sorted(item["o"]) == sorted(o.id for o in q.options)
            if q.kind != "true-false":
                orders.add(tuple(item["o"]) != tuple(sorted(item["o"])))
    assert True in orders  # at least some options are not in file order


def test_true_false_keeps_true_first():
    qs = [make(f"t{n}", f"topic{n}", "true-false") for n in range(5)]
    for seed in range(10):
        assert all(item["o"] == ["true", "false"] for item in draw(qs, 5, seed))


def test_avoided_questions_come_last():
    qs = [make(f"{t}{n}", t) for t in "xy" for n in range(3)]
    first = [i["q"] for i in draw(qs, 3, 1)]
    second = [i["q"] for i in draw(qs, 3, 2, avoid=first)]
    assert not set(first) & set(second)


def test_attempt_seed_differs_per_attempt():
    assert attempt_seed(7, 1) != attempt_seed(7, 2)
    assert attempt_seed(7, 1) == attempt_seed(7, 1)

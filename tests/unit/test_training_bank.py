"""The quiz bank: the real file's coverage and keys, and every validation problem on broken input."""
from __future__ import annotations

import copy
from collections import Counter

import pytest

from quiz.widgets import quiz as training
from quiz.checker import fingerprint
from quiz.checker import read_toml
from quiz.content import DATA_DIR

FILE = "quiz.toml"


@pytest.fixture(scope="module")
def raw() -> dict:
    data, problems = read_toml(DATA_DIR / FILE)
    assert not problems, problems
    return data


@pytest.fixture(scope="module")
def cited(raw) -> set[str]:
    return {c for q in raw["questions"] for c in q["clauses"]}


@pytest.fixture(scope="module")
def bank(raw, cited):
    model, problems = training.load(raw, FILE, cited)
    assert not problems, problems
    return model


def test_every_cited_clause_exists_in_docs(raw, clause_ids):
    missing = sorted({c for q in raw["questions"] for c in q["clauses"]} - clause_ids)
    assert not missing, f"quiz.toml cites clause ids that docs/ does not define: {missing}"


def test_real_bank_loads_against_the_site(raw, clause_ids):
    model, problems = training.load(raw, FILE, clause_ids)
    assert problems == [] and model is not None


def test_track_sizes(bank):
    assert len(bank.for_track("staff")) >= 40
    assert len(bank.for_track("members")) >= 12


def test_every_topic_has_questions(bank):
    counts = Counter(q.topic for q in bank.questions)
    assert set(counts) == set(bank.topics)


def test_every_kind_is_used_on_both_tracks(bank):
    for track in ("staff", "members"):
        assert {q.kind for q in bank.for_track(track)} == {"single", "multiple", "true-false", "scenario"}


def test_every_lettered_item_of_policy_2_2_is_asked(bank):
    cited = {c for q in bank.questions for c in q.clauses}
    assert {f"policy-2-2-{c}" for c in "abcdefghi"} <= cited


def test_default_settings(bank):
    assert (bank.settings.draw_size, bank.settings.pass_mark, bank.settings.feedback) == (10, 80, "after-each")


def test_settings_default_when_left_out(raw, cited):
    data = copy.deepcopy(raw)
    del data["settings"]
    model, problems = training.load(data, FILE, cited)
    assert not problems and model.settings.draw_size == 10 and model.settings.pass_mark == 80


def test_version_is_short_sha256_and_changes_with_the_bank(raw, bank):
    assert len(bank.version) == 8 and int(bank.version, 16) >= 0
    data = copy.deepcopy(raw)
    data["questions"][0]["explanation"] += " More."
    assert fingerprint(data) != bank.version
    assert fingerprint(copy.deepcopy(raw)) == bank.version


# ---------------------------------------------------------------- broken input

def minimal(n: int = 2) -> dict:
    """A small valid bank: n single-answer questions for both tracks, draw size 1."""
    return {
        "settings": {"draw_size": 1, "pass_mark": 80, "feedback": "after-each"},
        "topics": {"scope": "Scope"},
        "questions": [
            {"id": f"q{i}", "kind": "single", "topic": "scope", "audiences": ["staff", "members"],
             "clauses": ["policy-1"], "text": f"Question {i}?", "explanation": "Because policy 1.0 says so.",
             "options": [{"text": "Yes", "correct": True, "feedback": "Right."},
                         {"text": "No", "feedback": "Wrong."}]}
            for i in range(n)
        ],
    }


CLAUSES = {"policy-1", "policy-1-3"}


def problems_of(data: dict) -> list:
    model, problems = training.load(data, FILE, CLAUSES)
    if problems:
        assert model is None
    return problems


def messages(data: dict) -> list[tuple[str, str]]:
    return [(p.item, p.message) for p in problems_of(data)]


def test_minimal_bank_is_valid():
    assert problems_of(minimal()) == []


def test_unknown_clause_id():
    data = minimal()
    data["questions"][0]["clauses"] = ["policy-9-9"]
    [(item, message)] = messages(data)
    assert item == "q0" and "unknown clause id 'policy-9-9'" in message


def test_duplicate_ids():
    data = minimal()
    data["questions"][1]["id"] = "q0"
    [(item, message)] = messages(data)
    assert item == "q0" and "duplicate id" in message


def test_single_answer_needs_exactly_one_right():
    data = minimal()
    data["questions"][0]["options"][1]["correct"] = True
    data["questions"][1]["options"][0]["correct"] = False
    found = messages(data)
    assert ("q0", "a single question needs exactly one right answer, not 2") in found
    assert ("q1", "a single question needs exactly one right answer, not 0") in found


def test_scenario_needs_exactly_one_right_and_a_scenario():
    data = minimal()
    q = data["questions"][0]
    q["kind"] = "scenario"
    q["options"][1]["correct"] = True
    found = messages(data)
    assert ("q0", "a scenario question needs exactly one right answer, not 2") in found
    assert any(i == "q0" and "needs a scenario" in m for i, m in found)


def test_multiple_answer_needs_at_least_one_right():
    data = minimal()
    q = data["questions"][0]
    q["kind"] = "multiple"
    q["options"][0]["correct"] = False
    assert messages(data) == [("q0", "a multiple-answer question needs at least one right answer")]


def test_multiple_answer_may_have_several_right():
    data = minimal()
    q = data["questions"][0]
    q["kind"] = "multiple"
    q["options"][1]["correct"] = True
    assert problems_of(data) == []


def test_option_without_feedback():
    data = minimal()
    del data["questions"][0]["options"][1]["feedback"]
    assert messages(data) == [("q0", "option 2 has no feedback")]


def test_true_false_without_feedback_for_one_answer():
    data = minimal()
    q = data["questions"][0]
    del q["options"]
    q.update(kind="true-false", answer=True, feedback={"true": "Right."})
    assert messages(data) == [("q0", "the option 'False' has no feedback (feedback.false)")]


def test_true_false_needs_a_boolean_answer():
    data = minimal()
    q = data["questions"][0]
    del q["options"]
    q.update(kind="true-false", answer="yes", feedback={"true": "Right.", "false": "Wrong."})
    assert messages(data) == [("q0", "a true-false question needs answer = true or answer = false")]


def test_empty_explanation():
    data = minimal()
    data["questions"][0]["explanation"] = "   "
    assert messages(data) == [("q0", "the explanation is empty")]


def test_unknown_audience():
    data = minimal()
    data["questions"][0]["audiences"] = ["staff", "councillors"]
    found = messages(data)
    assert found[0][0] == "q0" and "unknown audience 'councillors'" in found[0][1]


def test_unknown_kind():
    data = minimal()
    data["questions"][0]["kind"] = "essay"
    found = messages(data)
    assert len(found) == 1 and found[0][0] == "q0" and "unknown kind 'essay'" in found[0][1]


def test_unknown_topic():
    data = minimal()
    data["questions"][0]["topic"] = "weather"
    found = messages(data)
    assert len(found) == 1 and found[0][0] == "q0" and "unknown topic 'weather'" in found[0][1]


def test_track_smaller_than_draw_size():
    data = minimal(3)
    data["settings"]["draw_size"] = 3
    for q in data["questions"][:2]:
        q["audiences"] = ["staff"]
    found = messages(data)
    assert found == [("track members",
                      "only 1 question(s) for Members (councillors), fewer than the draw size of 3")]


def test_bad_settings():
    data = minimal()
    data["settings"] = {"draw_size": 0, "pass_mark": 120, "feedback": "never", "colour": "red"}
    found = [m for i, m in messages(data) if i == "settings"]
    assert len(found) == 4
    assert any("draw_size" in m for m in found) and any("pass_mark" in m for m in found)
    assert any("feedback" in m for m in found) and any("'colour'" in m for m in found)


def test_misspelt_field_is_reported():
    data = minimal()
    data["questions"][0]["options"][0]["corect"] = True
    found = messages(data)
    assert ("q0", "option 1 has an unknown field 'corect'") in found


def test_every_problem_is_reported_at_once():
    data = minimal(3)
    data["questions"][0]["clauses"] = ["policy-9"]
    data["questions"][1]["explanation"] = ""
    data["questions"][2]["kind"] = "essay"
    found = messages(data)
    items = [i for i, _ in found]
    assert items.count("q0") == 1 and items.count("q1") == 1 and items.count("q2") == 1
    assert all(p.file == FILE for p in problems_of(data))


def test_question_without_id_is_named_by_position():
    data = minimal()
    del data["questions"][1]["id"]
    found = messages(data)
    assert found == [("questions[2] (no id)", "the question has no id")]

"""The widget engine (quiz/engine.py): one restore, remember, forget, restart, focus and announcement for all.

A fourth widget is its folder and one registry line: the example in
tests/unit/example_widgets/read_check/ is registered here exactly as
quiz/widgets/__init__.py would list it, and the engine runs it with no code of its own.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz import widgets
from quiz.content import load_widget
from quiz.context import Context
from quiz.protocol import STALE_NOTICE, Widget
from quiz.view import text_of

EXAMPLES = Path(__file__).parent / "example_widgets"
TODAY = "2026-01-02"


@pytest.fixture
def example(monkeypatch: pytest.MonkeyPatch, clause_map: dict):
    """The example widget, registered with one Entry line (its folder put beside the real widgets')."""
    monkeypatch.setattr(widgets, "__path__", [*widgets.__path__, str(EXAMPLES)])
    monkeypatch.setitem(widgets.WIDGETS, "read-check", widgets.Entry("read-check", "read_check.toml", "read_check"))
    module = widgets.get("read-check").module
    model, problems = module.load({"question": "Have you read the policy?", "clauses": ["policy-2-3"]},
                                  "read_check.toml", set(clause_map))
    assert problems == [] and isinstance(module, Widget)
    return module, model


def ask(widget, model, clause_map: dict, action: str, state: object = None, answers: dict | None = None,
        today: str = TODAY, documents: dict | None = None) -> dict:
    ctx = Context(clause_map, "../../", documents or {})
    response = widget.respond(model, ctx, {"action": action, "answers": answers or {}, "state": state,
                                          "seed": 3, "today": today})
    return json.loads(json.dumps(response))  # the browser gets JSON


def checked_inputs(node: object) -> dict[str, list[str]]:
    """Every ticked radio and checkbox in a view, by name, as the form would submit them."""
    out: dict[str, list[str]] = {}

    def walk(n: object) -> None:
        if isinstance(n, list):
            tag, attrs, *children = n
            if tag == "input" and attrs.get("checked") is True:
                out.setdefault(attrs["name"], []).append(attrs["value"])
            for child in children:
                walk(child)
    walk(node)
    return out


def test_a_fourth_widget_runs_on_the_engine_with_only_its_steps(example, clause_map):
    widget, model = example
    first = ask(widget, model, clause_map, "start")
    assert first["focus"] is None and first["store"] is None and "Before you start" in text_of(first["view"])
    missing = ask(widget, model, clause_map, "answer", first["state"], {"remember": ["yes"]})
    assert missing["focus"] == "#read-check-error-summary"
    assert missing["announce"] == "There is a problem: Say whether you have read it"
    done = ask(widget, model, clause_map, "answer", missing["state"], {"read": ["yes"], "remember": ["yes"]})
    assert done["focus"] == "#read-check-done-title" and done["store"] is True
    back = ask(widget, model, clause_map, "start", done["state"])
    assert back["state"] == done["state"] and back["focus"] is None
    assert back["announce"].startswith("Your answer has been restored.")
    assert "Your answer has been restored." in text_of(back["view"])  # on screen as well as announced
    forgotten = ask(widget, model, clause_map, "forget", back["state"])
    assert forgotten["store"] is False and forgotten["state"]["remember"] is False
    assert "removed from this device" in text_of(forgotten["view"])
    again = ask(widget, model, clause_map, "restart", done["state"])
    assert again["state"]["stage"] == "ask" and again["state"]["remember"] is True
    stray = ask(widget, model, clause_map, "no-such-button", done["state"])
    assert stray["state"] == done["state"] and "Thank you" in text_of(stray["view"])


@pytest.mark.parametrize("stored", [{"v": "x", "stage": "done"}, {"stage": "done", "answers": {"read": ["maybe"]}},
                                    [], "garbage", 5])
def test_the_engine_refuses_what_the_widget_did_not_write(example, clause_map, stored):
    widget, model = example
    if isinstance(stored, dict) and "v" not in stored:
        stored = {**stored, "v": model.version, "remember": True}
    r = ask(widget, model, clause_map, "start", stored)
    assert r["announce"].startswith(STALE_NOTICE) and r["store"] is False and r["state"]["stage"] == "ask"


# --- restore never trusts saved state: the quiz -------------------------------------------------

@pytest.fixture(scope="module")
def quiz_model(clause_map: dict):
    bank, problems = load_widget("quiz", set(clause_map))
    assert problems == []
    return widgets.get("quiz").module, bank


DOCS = {"policy": "1a2b3c4d", "procedure": "5e6f7a8b"}


def passed_certificate(quiz_model, clause_map) -> dict:
    widget, bank = quiz_model
    r = ask(widget, bank, clause_map, "choose-track", None, {"track": ["staff"]}, documents=DOCS)
    while r["state"]["stage"] in ("question", "feedback"):
        if r["state"]["stage"] == "feedback":
            r = ask(widget, bank, clause_map, "next", r["state"], documents=DOCS)
            continue
        q = bank.question(r["state"]["draw"][r["state"]["index"]]["q"])
        r = ask(widget, bank, clause_map, "answer", r["state"], {"answer": sorted(q.right)}, documents=DOCS)
    return ask(widget, bank, clause_map, "certificate", r["state"], {"name": ["Ann"], "acknowledge": ["yes"]},
               documents=DOCS)["state"]


def test_a_made_up_certificate_is_not_restored(quiz_model, clause_map):
    """A one-question draw, version strings of any kind and a date in 2020 once restored as a passed certificate."""
    widget, bank = quiz_model
    real = passed_certificate(quiz_model, clause_map)
    assert ask(widget, bank, clause_map, "start", real, documents=DOCS)["state"] == real  # the real one restores
    first = real["draw"][0]
    forged = {**real, "draw": [first], "answers": {first["q"]: real["answers"][first["q"]]}, "index": 0,
              "acknowledged": {"policy": "anything", "procedure": "at all"}, "date": "2020-01-01"}
    tampered = {
        "a one-question draw": {**real, "draw": [first], "answers": {first["q"]: real["answers"][first["q"]]}},
        "a draw the seed does not give": {**real, "seed": real["seed"] + 1},
        "options in another order": {**real, "draw": [{**first, "o": first["o"][::-1]}, *real["draw"][1:]]},
        "versions the site does not publish": {**real, "acknowledged": {"policy": "anything", "procedure": "x"}},
        "a date after today": {**real, "date": "2026-01-03"},
        "a date past its review": {**real, "date": "2020-01-01"},
        "everything at once": forged,
    }
    for why, state in tampered.items():
        r = ask(widget, bank, clause_map, "start", state, documents=DOCS)
        assert r["state"]["stage"] == "choose" and r["store"] is False, why
        assert r["announce"].startswith(STALE_NOTICE), why


# --- what the page says it restored is what it restored (issue 21, item 2) --------------------------

@pytest.fixture(scope="module")
def selfchecks(clause_map: dict) -> dict:
    out = {}
    for name in ("privacy-settings", "sensitive-roles"):
        out[name], problems = load_widget(name, set(clause_map))
        assert problems == []
    return out


def test_the_privacy_check_says_it_restored_the_platforms_only_when_that_is_all_it_has(selfchecks, clause_map):
    widget, model = widgets.get("privacy-settings").module, selfchecks["privacy-settings"]
    # Ticking platforms with "remember" ticked stores the form so far (the refresh), and nothing else.
    ticked = ask(widget, model, clause_map, "refresh", None, {"platforms": ["facebook", "x"], "remember": ["yes"]})
    assert ticked["store"] is True
    back = ask(widget, model, clause_map, "start", ticked["state"])
    said = back["announce"]
    assert "Your saved answers have been restored" not in said
    n = len(widget.rows(model, ticked["state"]["answers"]))
    assert said == f"Answers restored from this device: 1 of the {n} questions on the form."
    assert said in text_of(back["view"])
    assert checked_inputs(back["view"]) == {"platforms": ["facebook", "x"], "remember": ["yes"]}


@pytest.mark.parametrize("name", ["privacy-settings", "sensitive-roles"])
def test_every_step_restores_the_answers_it_says_it_restored(selfchecks, clause_map, name):
    widget, model = widgets.get(name).module, selfchecks[name]
    answers = {"privacy-settings": {"platforms": ["facebook"]}, "sensitive-roles": {"role": ["yes"]}}[name]
    form = ask(widget, model, clause_map, "refresh", None, {**answers, "remember": ["yes"]})
    full = {**answers, **{q_id: [choices[0]] for q_id, choices in _first_choices(widget, model, answers).items()}}
    check = ask(widget, model, clause_map, "continue", None, {**full, "remember": ["yes"]})
    result = ask(widget, model, clause_map, "confirm", check["state"])
    assert check["state"]["stage"] == "check" and result["state"]["stage"] == "result"
    for saved in (form["state"], check["state"], result["state"]):
        back = ask(widget, model, clause_map, "start", saved)
        assert back["state"] == saved
        if saved["stage"] == "form":
            # The form shows ticked exactly what was restored, and the words count exactly that.
            assert checked_inputs(back["view"]) == {**saved["answers"], "remember": ["yes"]}
        else:
            # Check your answers and the plan show every answer restored, and say so.
            assert back["announce"].startswith("Your saved answers have been restored.")
            if saved["stage"] == "check":
                shown = text_of(back["view"])
                assert all(answer in shown for _, _, answer in widget.rows(model, saved["answers"]))


def _first_choices(widget, model, answers: dict) -> dict[str, list[str]]:
    """Each question the form asks for these answers, with its choices' values."""
    errors = widget.validate(model, answers)
    questions = {q.id: q for q in getattr(model, "items", ())}
    if hasattr(model, "questions_for"):
        questions = {q.id: q for q in model.questions_for(answers.get("platforms", []))}
    return {q_id: [v for v, _ in questions[q_id].choices] for q_id in errors if q_id in questions}

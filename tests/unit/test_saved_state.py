"""Saved state is checked the same way for every widget: what this version did not write starts afresh.

The device gives back whatever was stored: a state from an older data file, a
shape an older version wrote, or garbage. Each starts afresh with a one-line
notice, forgets what was stored, and never raises.
"""
from __future__ import annotations

import json

import pytest

from quiz.content import load_widget
from quiz.context import Context
from quiz.protocol import STALE_NOTICE
from quiz.view import text_of
from quiz.widgets import get, registry

WIDGETS = sorted(registry())


@pytest.fixture(scope="module")
def models(clause_map: dict) -> dict:
    out = {}
    for name in WIDGETS:
        out[name], problems = load_widget(name, set(clause_map))
        assert problems == []
    return out


def ask(models: dict, clause_map: dict, name: str, action: str, state: object = None, answers: dict | None = None):
    ctx = Context(clause_map, "../../")
    response = get(name).module.respond(models[name], ctx, {"action": action, "answers": answers or {},
                                                             "state": state, "seed": 3, "today": "2026-01-02"})
    json.dumps(response)  # the browser gets JSON
    return response


def saved(models: dict, clause_map: dict, name: str) -> dict:
    """A state this version wrote, with the reader's consent to keep it."""
    first = {"quiz": ("choose-track", {"track": ["staff"], "remember": ["yes"]}),
             "privacy-settings": ("continue", {"platforms": ["facebook"], "remember": ["yes"]}),
             "sensitive-roles": ("continue", {"role": ["yes"], "remember": ["yes"]})}[name]
    response = ask(models, clause_map, name, first[0], None, first[1])
    assert response["store"] is True
    return response["state"]


def test_a_state_this_version_wrote_is_restored(models: dict, clause_map: dict) -> None:
    for name in WIDGETS:
        state = saved(models, clause_map, name)
        response = ask(models, clause_map, name, "start", json.loads(json.dumps(state)))
        assert response["state"] == state, name
        assert STALE_NOTICE not in response["announce"]


BAD = {
    "a result whose answers are a number": {"step": "result", "answers": 5, "remember": True},
    "answers that are a list": {"answers": []},
    "remember written as text": {"step": "form", "answers": {}, "remember": "no"},
    "a stage this version does not have": {"stage": "certificate", "step": "done"},
    "a number": 5,
    "text": "garbage",
    "a list": [],
    "true": True,
    "an empty object": {},
}


@pytest.mark.parametrize("name", WIDGETS)
@pytest.mark.parametrize("stored", list(BAD.values()), ids=list(BAD))
def test_a_state_this_version_did_not_write_starts_afresh(models: dict, clause_map: dict, name: str,
                                                          stored: object) -> None:
    response = ask(models, clause_map, name, "start", stored)
    assert response["announce"].startswith(STALE_NOTICE)
    assert STALE_NOTICE in text_of(response["view"])  # said on screen, in one line, as well as announced
    assert response["store"] is False  # what was stored is forgotten
    again = ask(models, clause_map, name, "start", response["state"])  # the fresh state is one this version wrote
    assert STALE_NOTICE not in again["announce"]


@pytest.mark.parametrize("name", WIDGETS)
def test_a_state_from_an_older_data_file_starts_afresh(models: dict, clause_map: dict, name: str) -> None:
    state = {**saved(models, clause_map, name), "v": "00000000"}
    response = ask(models, clause_map, name, "start", state)
    assert response["announce"].startswith(STALE_NOTICE) and response["store"] is False


@pytest.mark.parametrize("name", WIDGETS)
def test_tampered_answers_are_not_trusted(models: dict, clause_map: dict, name: str) -> None:
    state = saved(models, clause_map, name)
    state["answers"] = {"x": [1, {"a": 2}]}
    response = ask(models, clause_map, name, "start", state)
    assert response["announce"].startswith(STALE_NOTICE) and response["store"] is False

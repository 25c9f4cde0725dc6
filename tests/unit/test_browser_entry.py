"""quiz.browser, the worker's entry point: JSON in, JSON out, data loaded once per widget."""
import json

import pytest

from quiz import browser
from quiz.checker import DataError


def request(action: str = "start") -> str:
    return json.dumps({"action": action, "answers": {}, "state": None, "seed": 1, "today": "2026-11-23"})


def test_handle_answers_in_json_and_loads_only_the_widget_asked_for(clause_map):
    browser.init(json.dumps(clause_map))
    response = json.loads(browser.handle("quiz", request(), "../../"))
    assert set(response) >= {"view", "state", "focus", "announce", "store"}
    assert set(browser._models) == {"quiz"}
    assert browser.prepare("quiz") is browser.prepare("quiz")


def test_a_clause_map_without_the_cited_clauses_is_refused():
    browser.init(json.dumps({}))
    with pytest.raises(DataError, match="sensitive_roles.toml"):
        browser.prepare("sensitive-roles")

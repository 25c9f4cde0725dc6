"""The protocol every widget speaks: one response builder, one focus-id rule, a registry that checks modules."""
from __future__ import annotations

import types

import pytest

from quiz import widgets
from quiz.protocol import Widget, error_summary_id, focus_id, response, selector


def test_a_response_has_the_fields_the_browser_reads_and_a_report_only_when_given():
    plain = response(["p", {}, "x"], {"v": "1"}, focus="#a", announce="Done", store=True)
    assert plain == {"view": ["p", {}, "x"], "state": {"v": "1"}, "focus": "#a", "announce": "Done", "store": True}
    reported = response(None, None, report={"passed": True})
    assert reported["report"] == {"passed": True} and reported["view"] is None and reported["store"] is None


def test_one_rule_for_focus_targets():
    assert focus_id("quiz", "result") == "quiz-result-title"
    assert focus_id("sensitive-roles", "check") == "sensitive-roles-check-title"
    assert selector(error_summary_id("quiz")) == "#quiz-error-summary"


@pytest.mark.parametrize("name", sorted(widgets.registry()))
def test_every_registered_widget_provides_load_render_and_respond(name: str):
    assert isinstance(widgets.get(name).module, Widget)


def test_a_module_without_respond_is_refused(monkeypatch: pytest.MonkeyPatch):
    half = types.ModuleType("quiz.widgets.half_widget")
    half.load = half.render = lambda *args: None
    monkeypatch.setitem(__import__("sys").modules, "quiz.widgets.half_widget", half)
    with pytest.raises(TypeError, match="load, render and respond"):
        widgets.Entry("half", "half.toml", "half_widget").module


def test_an_unknown_widget_names_the_known_ones():
    with pytest.raises(KeyError, match="known widgets: privacy-settings, quiz, sensitive-roles"):
        widgets.get("quizz")

"""No widget moves focus when the page starts it (WCAG 3.2.1): only the reader's own actions do."""
from __future__ import annotations

import pytest

from quiz.content import load_widget
from quiz.context import Context
from quiz.widgets import registry


@pytest.mark.parametrize("name", sorted(registry()))
def test_the_start_response_moves_no_focus(name: str, clause_ids: set[str], clause_map: dict) -> None:
    model, problems = load_widget(name, clause_ids)
    assert problems == []
    reply = registry()[name].module.respond(model, Context(clause_map), {"action": "start", "state": None})
    assert reply["focus"] is None, f"{name}: the page load moves focus to {reply['focus']}"

"""The training quiz's answer key, read from the question bank itself (so tests never keep a copy)."""
from __future__ import annotations

import tomllib

from quiz.widgets.quiz import load
from tests.support import ROOT


def right_answers() -> dict[str, set[str]]:
    """Question text -> the option values that are right."""
    raw = tomllib.loads((ROOT / "quiz" / "data" / "quiz.toml").read_text(encoding="utf-8"))
    clause_ids = {c for q in raw["questions"] for c in q["clauses"]}
    bank, problems = load(raw, "quiz.toml", clause_ids)
    assert not problems
    return {q.text: set(q.right) for q in bank.questions}

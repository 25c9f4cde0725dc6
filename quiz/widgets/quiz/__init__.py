"""The training quiz (widget ``quiz``, data file quiz.toml).

Steps: choose a track -> one question at a time (feedback after each, or all at
the end, as quiz.toml says) -> result with a topic breakdown and a review ->
for a pass, the reader's name -> certificate and completion record.

- ``kinds``: the question kinds, one table entry each;
- ``bank``: the question bank's model, tracks; ``loading``: reading and checking quiz.toml;
- ``draw``: drawing an attempt's questions, reproducible from a seed;
- ``scoring``: the scoring rules;
- ``state``: the saved state of an attempt, and its checks;
- ``steps``: the reader's path through an attempt, declared to the engine (quiz.engine);
- ``names``: the reader's name for the certificate, without hidden characters;
- ``views``, ``result``, ``certificate``: the step views; ``static``: the page without JavaScript.
"""
from __future__ import annotations

from ...checker import Problem, check
from .bank import Bank
from .steps import respond
from .loading import parse
from .static import render

__all__ = ["load", "parse", "render", "respond"]


def load(raw: dict, file: str, clause_ids: set[str]) -> tuple[Bank | None, list[Problem]]:
    """Check quiz.toml's contents (see quiz.widgets.quiz.bank); every problem at once."""
    return check(raw, parse, file, clause_ids)

"""Loading the data files the communications team edits (TOML, in quiz/data/), each through quiz.checker."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .checker import DataError, Problem, read_toml
from .widgets import get, registry

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_widget(name: str, clause_ids: set[str], data_dir: Path = DATA_DIR) -> tuple[Any, list[Problem]]:
    """One widget's model and every problem in its data file."""
    widget = get(name)
    raw, problems = read_toml(data_dir / widget.data_file)
    if problems:
        return None, problems
    return widget.module.load(raw, widget.data_file, clause_ids)


def load_all(clause_ids: set[str], data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Every widget's model; raises DataError listing every problem in every file."""
    models: dict[str, Any] = {}
    problems: list[Problem] = []
    for name in registry():
        model, found = load_widget(name, clause_ids, data_dir)
        models[name] = model
        problems.extend(found)
    if problems:
        raise DataError(problems)
    return models

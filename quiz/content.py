"""Loading the data files the communications team edits (TOML, in quiz/data/), each through quiz.checker.

A widget's data file is named in the widget registry (quiz.widgets); any other
data file is one entry in ``OTHER_FILES``, naming the module whose parser checks it.
"""
from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any, Callable

from .checker import Checker, DataError, Problem, check_file, read_toml
from .widgets import get, registry

DATA_DIR = Path(__file__).resolve().parent / "data"
# Data files that belong to no widget: file name -> the module under quiz/ whose parse() checks it
# (see quiz.checker). Imported on first use, like the widgets: the browser never reads these files.
OTHER_FILES: dict[str, str] = {
    "glossary.toml": "glossary",
    "vocabulary.toml": "vocabulary",
}


def parser_of(file_name: str) -> Callable[[dict, Checker], Any]:
    """The parse function that checks one of OTHER_FILES."""
    return importlib.import_module(f"{__package__}.{OTHER_FILES[file_name]}").parse


def read_built_copy(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """A TOML data file's contents from the JSON copy beside it, where the build made one.

    Only the browser reads this way: its wheel carries the copy (sitebuild/runtime.py), which
    Python parses several times faster than TOML. Everything else reads the TOML itself,
    the one file people edit, so a copy can never hide an edit.
    """
    copy = path.with_suffix(".json")
    if copy.exists():
        return json.loads(copy.read_text(encoding="utf-8")), []
    return read_toml(path)


def load_widget(name: str, clause_ids: set[str], data_dir: Path = DATA_DIR,
                read: Callable[[Path], tuple[dict[str, Any], list[Problem]]] = read_toml) -> tuple[Any, list[Problem]]:
    """One widget's model and every problem in its data file."""
    widget = get(name)
    raw, problems = read(data_dir / widget.data_file)
    if problems:
        return None, problems
    return widget.module.load(raw, widget.data_file, clause_ids)


def load_other(file_name: str, clause_ids: set[str], data_dir: Path = DATA_DIR) -> tuple[Any, list[Problem]]:
    """The model of a data file that belongs to no widget, and every problem in it."""
    return check_file(data_dir / file_name, parser_of(file_name), clause_ids)


def load_all(clause_ids: set[str], data_dir: Path = DATA_DIR) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every widget's model by widget name and every other file's by file name.

    Raises DataError listing every problem in every file, so an author fixes them all in one go.
    """
    widgets: dict[str, Any] = {}
    others: dict[str, Any] = {}
    problems: list[Problem] = []
    for name in registry():
        widgets[name], found = load_widget(name, clause_ids, data_dir)
        problems.extend(found)
    for file_name in OTHER_FILES:
        others[file_name], found = load_other(file_name, clause_ids, data_dir)
        problems.extend(found)
    if problems:
        raise DataError(problems)
    return widgets, others

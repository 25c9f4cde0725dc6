"""Loading the data files the communications team edits (TOML, in quiz/data/)."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from .problems import DataError, Problem
from .widgets import get, registry

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_toml(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """A data file's contents, or a problem naming the line that does not parse."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), []
    except FileNotFoundError:
        return {}, [Problem(path.name, "(file)", "the file is missing")]
    except tomllib.TOMLDecodeError as error:
        return {}, [Problem(path.name, "(file)", f"not valid TOML: {error}")]


def read_data(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """A TOML data file's contents; from the JSON copy beside it where the build made one.

    The browser's wheel carries that copy (hooks/runtime.py): Python parses JSON
    several times faster than TOML, and the TOML stays the one file people edit.
    """
    copy = path.with_suffix(".json")
    if copy.exists():
        return json.loads(copy.read_text(encoding="utf-8")), []
    return read_toml(path)


def load_widget(name: str, clause_ids: set[str], data_dir: Path = DATA_DIR) -> tuple[Any, list[Problem]]:
    """One widget's model and every problem in its data file."""
    widget = get(name)
    raw, problems = read_data(data_dir / widget.data_file)
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

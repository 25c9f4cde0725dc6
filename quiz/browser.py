"""The browser's entry point, called from the Web Worker with JSON in and JSON out.

The request and the response are described in quiz.protocol.
"""
from __future__ import annotations

import json
from typing import Any

from .content import load_widget, read_built_copy
from .context import Context
from .checker import DataError
from .widgets import get

_clauses: dict[str, dict[str, str]] = {}
_documents: dict[str, str] = {}
_models: dict[str, Any] = {}


def init(clauses_json: str, documents_json: str = "{}") -> None:
    """Take the site's clause map and document versions; widgets' data is loaded when a page first needs it."""
    _clauses.clear()
    _clauses.update(json.loads(clauses_json))
    _documents.clear()
    _documents.update(json.loads(documents_json))
    _models.clear()


def prepare(widget: str) -> Any:
    """Load one widget's data file (once), checked against the clause map."""
    if widget not in _models:
        model, problems = load_widget(widget, set(_clauses), read=read_built_copy)
        if problems:
            raise DataError(problems)
        _models[widget] = model
    return _models[widget]


def handle(widget: str, request_json: str, root: str) -> str:
    """Answer one request for one widget on a page whose site root is `root`."""
    ctx = Context(_clauses, root, _documents)
    response = get(widget).module.respond(prepare(widget), ctx, json.loads(request_json))
    return json.dumps(response)

"""The widgets the site knows, by the name used in Markdown markers and ``data-widget``: the one list.

Each widget is a module (or package) providing ``load``, ``render`` and
``respond`` (see quiz.protocol.Widget); the registry checks that it does.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..protocol import Widget

# Widget names, as editors write them in `<!-- widget: NAME -->`; modules import them from here.
PRIVACY_SETTINGS = "privacy-settings"
SENSITIVE_ROLES = "sensitive-roles"
QUIZ = "quiz"


@dataclass(frozen=True)
class Entry:
    """One widget: its name, its data file and its module."""

    name: str
    data_file: str  # in quiz/data/
    module_name: str  # its folder under quiz/widgets/

    @property
    def module(self) -> Widget:
        # Imported on first use, so a page in the browser imports only its own widget.
        module = importlib.import_module(f"{__package__}.{self.module_name}")
        if not isinstance(module, Widget):
            raise TypeError(f"{__package__}.{self.module_name} must define load, render and respond (see quiz.protocol)")
        return module


WIDGETS = {
    w.name: w
    for w in (
        Entry(PRIVACY_SETTINGS, "privacy_settings.toml", "privacy_settings"),
        Entry(SENSITIVE_ROLES, "sensitive_roles.toml", "sensitive_roles"),
        Entry(QUIZ, "quiz.toml", "quiz"),
    )
}


def registry() -> dict[str, Entry]:
    """Every widget by name."""
    return WIDGETS


def get(name: str) -> Entry:
    try:
        return WIDGETS[name]
    except KeyError:
        raise KeyError(f"unknown widget {name!r}; known widgets: {', '.join(sorted(WIDGETS))}") from None

"""The widgets the site knows, by the name used in Markdown markers and data-widget.

Each widget is one module with the same three functions, so the build, the
browser and the tests drive every widget the same way:

- ``load(raw, file, clause_ids) -> (model, problems)``: parse and validate its data file;
- ``render(model, ctx) -> Node``: the static view (works without JavaScript, prints);
- ``respond(model, ctx, request) -> dict``: answer one browser request (see ``quiz.browser``).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Widget:
    name: str
    data_file: str
    module_name: str

    @property
    def module(self) -> ModuleType:
        # Imported on first use, so a page in the browser imports only its own widget.
        return importlib.import_module(f"{__package__}.{self.module_name}")


WIDGETS = {
    w.name: w
    for w in (
        Widget("privacy-settings", "privacy_settings.toml", "privacy_settings"),
        Widget("sensitive-roles", "sensitive_roles.toml", "sensitive_roles"),
        Widget("quiz", "quiz.toml", "training"),
    )
}


def registry() -> dict[str, Widget]:
    """Every widget by name."""
    return WIDGETS


def get(name: str) -> Widget:
    try:
        return WIDGETS[name]
    except KeyError:
        raise KeyError(f"unknown widget {name!r}; known widgets: {', '.join(sorted(WIDGETS))}") from None

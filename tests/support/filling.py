"""Filling a widget's form with the mouse, for tests and the benchmark."""
from __future__ import annotations

RADIO_GROUPS = """(value) => [...new Set([...document.querySelectorAll(
    `[data-widget] input[type=radio][value="${value}"]`)].map(r => r.name))]"""


def choose_everywhere(page, value: str) -> list[str]:  # noqa: ANN001 - Playwright Page
    """Choose `value` in every radio group of the widget that offers it; the group names."""
    names = page.evaluate(RADIO_GROUPS, value)
    for name in names:
        page.check(f"[data-widget] input[name='{name}'][value='{value}']")
    return names

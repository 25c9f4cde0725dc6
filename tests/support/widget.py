"""Opening a page with a widget and waiting until its Python is ready."""
from __future__ import annotations

READY = 120_000  # ms: a cold Pyodide start on a busy 2-core machine can take many seconds


def open_ready(page, url: str) -> None:  # noqa: ANN001 - Playwright Page
    """Go to url and wait until the widget on it says its Python is ready."""
    page.goto(url)
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)

"""MkDocs hooks: the build's steps, each in its own module, wired to MkDocs events."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # so that `hooks` and `quiz` import as packages
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from hooks import clauses, glossary, packages, runtime, versions, widgets  # noqa: E402
from quiz.checker import DataError  # noqa: E402
from quiz.content import load_all  # noqa: E402

_build: dict[str, Any] = {}


def on_config(config: Any) -> None:
    """Read the clause anchors, the glossary and every data file; stop on any problem."""
    try:
        registry = clauses.scan(Path(config.docs_dir))
    except ValueError as error:
        raise PluginError(str(error)) from None
    _build["clauses"] = {c.id: {"label": c.label, "url": c.url} for c in registry.values()}
    # The footer template reads them from config.extra (overrides/partials/copyright.html).
    try:
        _build["versions"] = config.extra["document_versions"] = versions.document_versions()
    except ValueError as error:
        raise PluginError(str(error)) from None
    try:
        _build["models"], others = load_all(set(registry))
    except DataError as error:
        raise PluginError(f"{len(error.problems)} problem(s) in the data files:\n{error}") from None
    _build["terms"] = others["glossary.toml"]


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Expand widget markers and the glossary, and add abbreviation tooltips."""
    # Read by overrides/main.html, which starts Python early on pages with a widget.
    page.meta["widgets"] = bool(widgets.MARKER.search(markdown))
    try:
        markdown = widgets.expand(markdown, page.url, _build["models"], _build["clauses"])
    except KeyError as error:
        raise PluginError(f"{page.file.src_path}: {error.args[0]}") from None
    return glossary.apply(markdown, _build["terms"])


def on_page_content(html: str, **_: Any) -> str:
    """Let keyboard users reach abbreviations' expansions."""
    return glossary.make_focusable(html)


def on_post_build(config: Any) -> None:
    """Put Pyodide, the quiz wheel and the clause map into the site; then package the quiz for learning systems."""
    site = Path(config.site_dir)
    runtime.copy_pyodide(site)
    python_dir = site / "assets" / "python"
    runtime.build_wheel(ROOT / "quiz", python_dir)
    runtime.write_manifest(python_dir, _build["clauses"], _build["versions"])
    try:
        packages.write_all(site, _build["models"]["quiz"], _build["versions"])
    except ValueError as error:
        raise PluginError(str(error)) from None

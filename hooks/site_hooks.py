"""MkDocs hooks: the build's steps, each in its own module, wired to MkDocs events."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # so that `hooks` and `quiz` import as packages
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from hooks import (  # noqa: E402
    clauses, element_ids, glossary, packages, precompress, runtime, search_engine, search_index, versions, widgets,
)
from hooks.bytecode import compile_for_pyodide  # noqa: E402
from quiz import vocabulary  # noqa: E402
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
    _build["synonyms"] = others["vocabulary.toml"] + vocabulary.from_glossary(_build["terms"])


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Expand widget markers and the glossary, and add abbreviation tooltips."""
    try:
        # Read by overrides/main.html, which starts Python early on pages with a widget.
        page.meta["widgets"] = bool(widgets.widget_names(markdown))
        markdown = widgets.expand(markdown, page.url, _build["models"], _build["clauses"])
    except widgets.MarkerError as error:
        raise PluginError(f"{page.file.src_path} {error}") from None
    return glossary.apply(markdown, _build["terms"])


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Refuse a page that repeats an element id; read the page's clauses for search; let keyboard users
    reach abbreviations' expansions."""
    problem = element_ids.repeated_ids_problem(html)
    if problem:
        raise PluginError(f"{page.file.src_path}: {problem}")
    labels = {clause_id: c["label"] for clause_id, c in _build["clauses"].items()}
    _build.setdefault("search_entries", {})[page.url] = search_index.page_entries(html, page.url, page.title, labels)
    return glossary.make_focusable(html)


def on_post_page(output: str, **_: Any) -> str:
    """Point the page's search box at the site's search worker."""
    return search_engine.use_worker(output)


def on_post_template(output: str, template_name: str, **_: Any) -> str:
    """The same on the pages MkDocs makes from a template alone (404.html)."""
    return search_engine.use_worker(output) if template_name.endswith(".html") else output


# Last, after the search plugin has written its index: everything is then there to compress.
@event_priority(-100)
def on_post_build(config: Any) -> None:
    """Put Pyodide, the precompiled standard library, the quiz wheel and the clause map into the site,
    write compressed copies of the larger files, then package the quiz for learning systems."""
    site = Path(config.site_dir)
    runtime.copy_pyodide(site)
    python_dir = site / "assets" / "python"
    bytecode = compile_for_pyodide(ROOT / "quiz")
    runtime.copy_stdlib(bytecode, python_dir)
    runtime.build_wheel(ROOT / "quiz", python_dir, bytecode)
    runtime.write_manifest(python_dir, _build["clauses"], bytecode, _build["versions"])
    entries = [e for page_entries in _build["search_entries"].values() for e in page_entries]
    search_engine.copy_libraries(site)
    search_index.write_index(site, search_index.index_documents(entries, _build["synonyms"]))
    precompress.precompress(site)
    try:
        packages.write_all(site, _build["models"]["quiz"], _build["versions"])
    except ValueError as error:
        raise PluginError(str(error)) from None

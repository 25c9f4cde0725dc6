"""What every build step reads: the clause registry, the documents' versions and every data file, checked.

Loaded once per build and per change of input: the Markdown extension asks for it on every page
(a generator may make a new extension for each page), and the `finish` command once.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz import vocabulary
from quiz.checker import DataError
from quiz.content import DATA_DIR, load_all
from quiz.glossary import Term
from quiz.vocabulary import Synonym
from sitebuild import clauses, versions
from sitebuild.settings import Settings


class BuildError(ValueError):
    """A problem in the site's content that stops the build; its message names file, item and fix."""


@dataclass(frozen=True)
class SiteContent:
    """The checked content of the site, as every build step reads it."""

    # clause id -> {"label": "Policy 2.3", "url": "policy/#policy-2-3"}: the browser's clause map too
    clauses: dict[str, dict[str, str]]
    versions: dict[str, str]  # document -> version (sitebuild/versions.py)
    models: dict[str, Any]  # widget name -> its checked model
    terms: list[Term]  # the glossary
    synonyms: list[Synonym]  # readers' words for the documents' words (vocabulary and glossary)


def _inputs(settings: Settings) -> tuple[tuple[str, int, int], ...]:
    """What the content depends on, cheaply: every input file's path, size and change time."""
    files = [*settings.docs_dir.rglob("*.md"), *DATA_DIR.glob("*.toml"), *settings.sources_dir.glob("*.txt")]
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files))


_loaded: dict[tuple[Settings, tuple[tuple[str, int, int], ...]], SiteContent] = {}


def load(settings: Settings) -> SiteContent:
    """The site's content, read and checked (again only when an input file changed); BuildError on any problem."""
    key = (settings, _inputs(settings))
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = _read(settings)
    return _loaded[key]


def _read(settings: Settings) -> SiteContent:
    try:
        registry = clauses.scan(settings.docs_dir)
        document_versions = versions.document_versions(settings.sources_dir)
    except ValueError as error:
        raise BuildError(str(error)) from None
    try:
        models, others = load_all(set(registry))
    except DataError as error:
        raise BuildError(f"{len(error.problems)} problem(s) in the data files:\n{error}") from None
    terms = others["glossary.toml"]
    return SiteContent(
        clauses={c.id: {"label": c.label, "url": c.url} for c in registry.values()},
        versions=document_versions,
        models=models,
        terms=terms,
        synonyms=others["vocabulary.toml"] + vocabulary.from_glossary(terms),
    )



"""The glossary (quiz/data/glossary.toml): its terms, checked like every data file (see quiz.content).

sitebuild/glossary.py renders them (tooltips on every page, the glossary page).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .checker import Checker


# What Markdown's `abbr` extension can define (no ']', '\\' or line break) and find in a page's
# text (it matches whole words), and what can become the glossary page's element id.
ABBREVIATION = re.compile(r"[A-Za-z0-9]+(?:[ .&/-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Term:
    """An abbreviation and what it stands for."""

    abbr: str  # as it appears in the text, e.g. "CMT"
    expansion: str  # what it stands for


def parse(raw: dict, chk: Checker) -> list[Term]:
    """Every [[term]], each with abbr and expansion, each abbreviation once."""
    chk.known(raw, ("term",), "(file)", "table")
    terms: list[Term] = []
    seen: set[str] = set()
    for i, entry in enumerate(chk.items(raw, "term", "(file)"), 1):
        chk.known(entry, ("abbr", "expansion"), f"term {i}")
        abbr = chk.text(entry, "abbr", f"term {i}")
        expansion = chk.text(entry, "expansion", f"term {abbr or i}")
        if abbr and not ABBREVIATION.fullmatch(abbr):
            chk.add(f"term {i}", f"abbr {abbr!r} is not an abbreviation the pages can mark: use letters and "
                                 "digits, with a space, '.', '&', '/' or '-' only between them (like 'UK GDPR')")
        if abbr and abbr in seen:
            chk.add(f"term {abbr}", "is defined twice: keep one [[term]] for it")
        seen.add(abbr)
        terms.append(Term(abbr, expansion))
    return terms


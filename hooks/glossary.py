"""The glossary's rendering: every page's abbreviation tooltips and the glossary page's list.

The terms are read and checked by quiz.glossary, like every data file.
"""
from __future__ import annotations

import re

from quiz.glossary import Term

MARKER = "<!-- glossary -->"
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]+)</abbr>')


def abbreviation_lines(terms: list[Term]) -> str:
    """Markdown `abbr` definitions, appended to every page."""
    return "\n\n" + "\n".join(f"*[{t.abbr}]: {t.expansion}" for t in terms) + "\n"


def glossary_markdown(terms: list[Term]) -> str:
    """The glossary page's list, as a Markdown definition list."""
    return "\n\n".join(
        f"**{t.abbr}**{{#term-{t.abbr.lower()}}}\n:   {t.expansion}"
        for t in sorted(terms, key=lambda t: t.abbr)
    )


def apply(markdown: str, terms: list[Term]) -> str:
    """Expand the glossary marker (on the glossary page) and add the abbreviations."""
    return markdown.replace(MARKER, glossary_markdown(terms)) + abbreviation_lines(terms)


def make_focusable(html: str) -> str:
    """Let keyboard users reach each abbreviation's expansion: the first use of a term on a page takes focus."""
    seen: set[str] = set()

    def focusable(match: re.Match[str]) -> str:
        if match.group(2) in seen:
            return match.group(0)
        seen.add(match.group(2))
        return f'<abbr title="{match.group(1)}" tabindex="0">{match.group(2)}</abbr>'

    return ABBR.sub(focusable, html)

"""The glossary's rendering: every page's abbreviation tooltips and the glossary page's list.

The terms are read and checked by quiz.glossary, like every data file; everything written
here from them shows as typed, never as markup.
"""
from __future__ import annotations

import html
import re

from sitebuild.markdown_lines import prose_lines, replace_lines
from quiz.glossary import Term

MARKER = "<!-- glossary -->"
# Markdown reads these as markup; escaped with a backslash, it shows them as typed.
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]+)</abbr>')


def one_line(text: str) -> str:
    """Text with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def as_markdown_text(text: str) -> str:
    """Text from a data file as Markdown that shows exactly as typed (on one line), never as markup."""
    return html.escape(MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line(text)), quote=False)


def tooltip_text(text: str) -> str:
    """An abbreviation's title as the `abbr` extension must be given it for the tooltip to show it as typed.

    Material's tooltip puts the title into the page as HTML, so the attribute holds the text
    escaped once more; the extension writes '&' that starts an entity as it is, so '&' becomes '&amp;'.
    """
    return html.escape(one_line(text), quote=False).replace("&", "&amp;")


def term_id(abbr: str) -> str:
    """The glossary page's element id for a term: 'UK GDPR' -> 'term-uk-gdpr'."""
    return "term-" + re.sub(r"[^a-z0-9]+", "-", abbr.lower())


def abbreviation_lines(terms: list[Term]) -> str:
    """Markdown `abbr` definitions, appended to every page (quiz.glossary allows only abbreviations they can hold)."""
    return "\n\n" + "\n".join(f"*[{t.abbr}]: {tooltip_text(t.expansion)}" for t in terms) + "\n"


def glossary_markdown(terms: list[Term]) -> str:
    """The glossary page's list, as a Markdown definition list."""
    return "\n\n".join(
        f"**{as_markdown_text(t.abbr)}**{{#{term_id(t.abbr)}}}\n:   {as_markdown_text(t.expansion)}"
        for t in sorted(terms, key=lambda t: t.abbr)
    )


def apply(markdown: str, terms: list[Term]) -> str:
    """Expand the glossary marker (on the glossary page, not where shown as code) and add the abbreviations."""
    markers = [number for number, line in prose_lines(markdown) if line.strip() == MARKER]
    listed = replace_lines(markdown, {number: glossary_markdown(terms) + "\n" for number in markers})
    return listed + abbreviation_lines(terms)


def make_focusable(html: str) -> str:
    """Let keyboard users reach each abbreviation's expansion: the first use of a term on a page takes focus."""
    seen: set[str] = set()

    def focusable(match: re.Match[str]) -> str:
        if match.group(2) in seen:
            return match.group(0)
        seen.add(match.group(2))
        return f'<abbr title="{match.group(1)}" tabindex="0">{match.group(2)}</abbr>'

    return ABBR.sub(focusable, html)

"""The glossary: one data file gives every page its abbreviation tooltips and the glossary page its list."""
from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

from hooks.markdown_lines import prose_lines, replace_lines

GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "quiz" / "data" / "glossary.toml"
MARKER = "<!-- glossary -->"
# Markdown reads these as markup; escaped with a backslash, it shows them as typed.
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
# What the `abbr` extension can define (no ']', '\\' or line break) and find between word boundaries.
ABBREVIATION = re.compile(r"[A-Za-z0-9]+(?:[ .&/-][A-Za-z0-9]+)*")
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]+)</abbr>')


def load(path: Path = GLOSSARY_FILE) -> list[dict[str, str]]:
    """The glossary's terms, each with 'abbr' and 'expansion'; a bad entry names itself."""
    terms = tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])
    for i, term in enumerate(terms, 1):
        for key in ("abbr", "expansion"):
            if not str(term.get(key, "")).strip():
                raise ValueError(f"{path.name}: term {i}: '{key}' is missing or empty")
    return terms


def one_line(text: str) -> str:
    """Text with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def as_markdown_text(text: str) -> str:
    """Text from a data file as Markdown that shows exactly as typed (on one line), never as markup."""
    return html.escape(MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line(text)), quote=False)


def definable(terms: list[dict[str, str]]) -> list[dict[str, str]]:
    """The terms, each checked to be an abbreviation Markdown can define and find in a page's text."""
    for i, term in enumerate(terms, 1):
        if not ABBREVIATION.fullmatch(term["abbr"]):
            raise ValueError(
                f"glossary.toml: term {i} ({term['abbr']!r}): an abbreviation is letters and digits, "
                "with a space, '.', '&', '/' or '-' only between them (like 'UK GDPR' or 'Q&A')"
            )
    return terms


def term_id(abbr: str) -> str:
    """The glossary page's element id for a term: 'UK GDPR' -> 'term-uk-gdpr'."""
    return "term-" + re.sub(r"[^a-z0-9]+", "-", abbr.lower())


def abbreviation_lines(terms: list[dict[str, str]]) -> str:
    """Markdown `abbr` definitions, appended to every page."""
    return "\n\n" + "\n".join(f"*[{t['abbr']}]: {tooltip_text(t['expansion'])}" for t in definable(terms)) + "\n"


def tooltip_text(text: str) -> str:
    """An abbreviation's title as the `abbr` extension must be given it for the tooltip to show it as typed.

    Material's tooltip puts the title into the page as HTML, so the attribute holds the text
    escaped once more; the extension writes '&' that starts an entity as it is, so '&' becomes '&amp;'.
    """
    return html.escape(one_line(text), quote=False).replace("&", "&amp;")


def glossary_markdown(terms: list[dict[str, str]]) -> str:
    """The glossary page's list, as a Markdown definition list."""
    return "\n\n".join(
        f"**{as_markdown_text(t['abbr'])}**{{#{term_id(t['abbr'])}}}\n:   {as_markdown_text(t['expansion'])}"
        for t in sorted(definable(terms), key=lambda t: t["abbr"])
    )


def apply(markdown: str, terms: list[dict[str, str]]) -> str:
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

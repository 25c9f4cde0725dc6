"""The glossary: one data file gives every page its abbreviation tooltips and the glossary page its list."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "quiz" / "data" / "glossary.toml"
MARKER = "<!-- glossary -->"
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]+)</abbr>')


def load(path: Path = GLOSSARY_FILE) -> list[dict[str, str]]:
    """The glossary's terms, each with 'abbr' and 'expansion'; a bad entry names itself."""
    terms = tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])
    for i, term in enumerate(terms, 1):
        for key in ("abbr", "expansion"):
            if not str(term.get(key, "")).strip():
                raise ValueError(f"{path.name}: term {i}: '{key}' is missing or empty")
    return terms


def abbreviation_lines(terms: list[dict[str, str]]) -> str:
    """Markdown `abbr` definitions, appended to every page."""
    return "\n\n" + "\n".join(f"*[{t['abbr']}]: {t['expansion']}" for t in terms) + "\n"


def glossary_markdown(terms: list[dict[str, str]]) -> str:
    """The glossary page's list, as a Markdown definition list."""
    return "\n\n".join(
        f"**{t['abbr']}**{{#term-{t['abbr'].lower()}}}\n:   {t['expansion']}"
        for t in sorted(terms, key=lambda t: t["abbr"])
    )


def apply(markdown: str, terms: list[dict[str, str]]) -> str:
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

"""Fidelity: every sentence of the two source documents appears, in its own words, on the built site.

The site's own words (admonitions of type `editorial`) are left out of the count, so a
sentence only counts if the published policy or procedure text itself carries it.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support import ROOT

SOURCES = ROOT / "sources"

# Which built pages publish each source document (relative to the site directory).
DOCUMENTS = {
    "policy": ("policy/index.html", "guidance/index.html"),
    "procedure": ("procedure/index.html", "guidance/**/*.html"),
}

# Split after sentence-ending punctuation followed by a space, and on line breaks.
SPLIT = re.compile(r"(?<=[.?!:])[ \t]+|\n+")
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
MIN_LENGTH = 4  # drop list letters, lone section numbers like "2.0" and other scraps

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}


def normalise(text: str) -> str:
    """Straighten quotes and collapse white space (no-break spaces included)."""
    return " ".join(text.translate(QUOTES).split())


def clean_source_unit(unit: str) -> str:
    """Drop Markdown markup, list markers, lettering and footnote markers from one source piece."""
    unit = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", unit)  # [words](#) -> words
    unit = unit.replace("**", "")
    unit = re.sub(r"[¹²³]", "", unit)
    unit = re.sub(r"^\s*[-*]\s+", "", unit)  # "- " and " - " list markers
    unit = re.sub(r"^(?:[a-z]|\d{1,2})[.)]\s+", "", unit)  # "a) ", "1) ", "1. "
    return normalise(unit)


def source_sentences(text: str) -> list[str]:
    """The source's sentences and lines, cleaned, without empty or very short scraps."""
    units = (clean_source_unit(piece) for piece in SPLIT.split(text))
    return [u for u in units if len(u) >= MIN_LENGTH and re.search(r"[A-Za-z]", u)]


class ArticleText(HTMLParser):
    """Text of a page's <article>, minus editorial notes, headerlinks and footnote links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, is its text skipped?)

    @staticmethod
    def _skips(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        classes = (dict(attrs).get("class") or "").split()
        if "editorial" in classes or "headerlink" in classes:
            return True
        if "footnote-backref" in classes or "footnote-ref" in classes:
            return True
        return tag == "sup" and (dict(attrs).get("id") or "").startswith("fnref")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK:
            self.parts.append(" ")
        if tag in VOID:
            return
        parent_skipped = bool(self.stack) and self.stack[-1][1]
        self.stack.append((tag, parent_skipped or self._skips(tag, attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if tag in BLOCK:
            self.parts.append(" ")
        # Close up to the matching open element (tolerates an unclosed <p> or <li>).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        in_article = any(tag == "article" for tag, _ in self.stack)
        if in_article and not self.stack[-1][1]:
            self.parts.append(data)

    def text(self) -> str:
        return normalise("".join(self.parts))


def page_text(html: str) -> str:
    parser = ArticleText()
    parser.feed(html)
    parser.close()
    return parser.text()


def published_text(site: Path, document: str) -> str:
    pages: list[Path] = []
    for pattern in DOCUMENTS[document]:
        pages.extend(sorted(site.glob(pattern)))
    assert pages, f"no built pages for the {document}"
    return "\n".join(page_text(p.read_text(encoding="utf-8")) for p in dict.fromkeys(pages))


def found(sentence: str, text: str) -> bool:
    if sentence in text:
        return True
    # A title set in capitals in the source ("SOCIAL MEDIA PROCEDURE") may be set in title case.
    return sentence.isupper() and sentence.casefold() in text.casefold()


def coverage(site: Path, document: str) -> tuple[list[str], list[str]]:
    """(all source sentences, those missing from the site) for one document."""
    sentences = source_sentences((SOURCES / f"{document}.txt").read_text(encoding="utf-8"))
    text = published_text(site, document)
    return sentences, [s for s in sentences if not found(s, text)]


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_every_source_sentence_is_published(built_site: Path, document: str) -> None:
    sentences, missing = coverage(built_site, document)
    print(f"{document}: {len(sentences) - len(missing)}/{len(sentences)} sentences found")
    assert sentences, f"no sentences read from sources/{document}.txt"
    assert not missing, f"{len(missing)} {document} sentence(s) not on the site:\n" + "\n".join(
        f"  - {s}" for s in missing
    )


def editorial_notes(site: Path, page: str) -> list[str]:
    """The text of each editorial note on a built page."""

    class Notes(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.notes: list[list[str]] = []
            self.depth = 0  # open elements inside the current note

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in VOID:
                return
            if self.depth:
                self.depth += 1
            elif "editorial" in (dict(attrs).get("class") or "").split():
                self.depth = 1
                self.notes.append([])

        def handle_endtag(self, tag: str) -> None:
            if tag not in VOID and self.depth:
                self.depth -= 1

        def handle_data(self, data: str) -> None:
            if self.depth:
                self.notes[-1].append(data)

    parser = Notes()
    parser.feed((site / page).read_text(encoding="utf-8"))
    return [normalise("".join(n)) for n in parser.notes]


@pytest.mark.parametrize(
    ("page", "needle", "what"),
    [
        ("policy/index.html", "Data Protection Act 2018", "the Data Protection Act 1998 has been replaced"),
        ("policy/index.html", "Viva Engage", "Yammer is now Viva Engage"),
        ("policy/index.html", " X", "Twitter is now X"),
        ("procedure/index.html", "Data Protection Act 2018", "the Data Protection Act 1998 has been replaced"),
        ("guidance/what-is-social-media/index.html", " X", "Twitter is now X"),
        ("guidance/top-tips/index.html", " X", "Twitter is now X"),
        ("guidance/index.html", "not reproduced", "the policy's four appendices are not published"),
    ],
)
def test_editorial_note_exists(built_site: Path, page: str, needle: str, what: str) -> None:
    notes = editorial_notes(built_site, page)
    assert any(needle in n for n in notes), f"{page}: no editorial note saying {what}"


def test_1988_has_its_note_beside_it(built_site: Path) -> None:
    """The procedure's "Data Protection Act 1988" is followed by a note that gives 1998."""
    html = (built_site / "procedure/index.html").read_text(encoding="utf-8")
    mention = html.index("Data Protection Act 1988")
    note = html.find('class="admonition editorial"', mention)
    assert note != -1, "no editorial note after the 1988 mention"
    # Beside it: no other section heading comes between the mention and the note.
    assert "<h2" not in html[mention:note], "the 1988 note is not in the same section"
    following = editorial_notes(built_site, "procedure/index.html")
    assert any("1998" in n and "1988" in n for n in following), "the note does not give the Act's year, 1998"


def test_notes_stay_out_of_the_source_text(built_site: Path) -> None:
    """No editorial note's wording is counted as, or mistaken for, source text."""
    for document in DOCUMENTS:
        text = published_text(built_site, document)
        assert "This note is the site's" not in text

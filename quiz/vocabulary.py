"""The search vocabulary (quiz/data/vocabulary.toml): the words readers type, beside the words the
policy and procedure use. Checked like every data file (see quiz.content); the build's search index
(sitebuild/search_index.py) gives each clause the reader's words for its own words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .checker import Checker
from .glossary import Term


@dataclass(frozen=True)
class Synonym:
    """Words readers type, beside the words the documents use for the same thing."""

    reader: tuple[str, ...]  # what readers type
    document: tuple[str, ...]  # what the documents say
    clauses: tuple[str, ...] = ()  # clauses the reader's words belong to even where their words differ


# Characters that could make markup: the words go into the search index, and no reader types them.
MARKUP = re.compile(r"[<>&\"`]")


def _words(chk: Checker, entry: dict, key: str, item: str) -> tuple[str, ...]:
    if key not in entry:
        return ()
    words = tuple(" ".join(w.split()) for w in chk.texts(entry[key], item, key) if w.strip())
    for word in words:
        if MARKUP.search(word):
            chk.add(item, f"{key!r} holds {word!r}: write plain words, without < > & \" or `")
    return words


def parse(raw: dict, chk: Checker) -> list[Synonym]:
    """Every [[entry]]: reader words, and document words or clause ids (all of which must exist)."""
    chk.known(raw, ("entry",), "(file)", "table")
    synonyms: list[Synonym] = []
    for number, entry in enumerate(chk.items(raw, "entry", "(file)"), 1):
        reader = _words(chk, entry, "reader", f"entry {number}")
        item = f"entry {number} ({', '.join(reader) or 'no reader words'})"
        chk.known(entry, ("reader", "document", "clauses"), item)
        document = _words(chk, entry, "document", item)
        clauses = chk.clauses(entry, item, required=False)
        if not reader:
            chk.add(item, "'reader' lists no words: give the words readers type")
        if not document and "clauses" not in entry:
            chk.add(item, "give the document's words in 'document' or the clause ids in 'clauses'")
        synonyms.append(Synonym(reader, document, clauses))
    return synonyms


def from_glossary(terms: list[Term]) -> list[Synonym]:
    """Each abbreviation and the name it stands for (its expansion up to the first comma), both ways round."""
    pairs: list[Synonym] = []
    for term in terms:
        name = term.expansion.split(",")[0].strip()
        pairs.append(Synonym((term.abbr,), (name,)))
        pairs.append(Synonym((name,), (term.abbr,)))
    return pairs

"""The search vocabulary: the words readers type, beside the words the policy and procedure use.

Two files feed it: quiz/data/vocabulary.toml, which the communications team edits, and the glossary,
whose abbreviations and expansions stand for each other. The build stops on an empty entry or an
unknown clause id, naming the file and the entry.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

VOCABULARY_FILE = Path(__file__).resolve().parent.parent / "quiz" / "data" / "vocabulary.toml"


@dataclass(frozen=True)
class Synonym:
    reader: tuple[str, ...]  # what readers type
    document: tuple[str, ...]  # what the documents say
    clauses: tuple[str, ...] = ()  # clauses the reader's words belong to even when their words differ


def _words(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(" ".join(str(w).split()) for w in value if str(w).strip())


def load(clause_ids: set[str], path: Path = VOCABULARY_FILE) -> list[Synonym]:
    """Every entry of the vocabulary file; all problems are reported at once, each naming its entry."""
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("entry", [])
    synonyms: list[Synonym] = []
    problems: list[str] = []
    for number, entry in enumerate(entries, 1):
        reader, document, clauses = (_words(entry.get(key)) for key in ("reader", "document", "clauses"))
        name = f"{path.name}: entry {number} ({', '.join(reader) or 'no reader words'})"
        if not reader:
            problems.append(f"{name}: 'reader' lists no words")
        if not document and not clauses:
            problems.append(f"{name}: give the document's words in 'document' or the clause ids in 'clauses'")
        problems.extend(f"{name}: unknown clause id {c!r}" for c in clauses if c not in clause_ids)
        synonyms.append(Synonym(reader, document, clauses))
    if problems:
        raise ValueError("\n".join(problems))
    return synonyms


def from_glossary(terms: list[dict[str, str]]) -> list[Synonym]:
    """Each abbreviation and the name it stands for (its expansion up to the first comma), both ways round."""
    pairs: list[Synonym] = []
    for term in terms:
        name = term["expansion"].split(",")[0].strip()
        pairs.append(Synonym((term["abbr"],), (name,)))
        pairs.append(Synonym((name,), (term["abbr"],)))
    return pairs

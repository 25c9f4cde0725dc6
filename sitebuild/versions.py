"""Which version of the council's policy and procedure the site publishes.

A version is the first 8 hex digits of a SHA-256 of the document's text in
sources/ (the record the published pages are checked against), after
straightening quotes and collapsing white space: re-wrapping a paragraph keeps
the version, changing a word changes it. The footer shows it, the browser gets
it in manifest.json, and the quiz's acknowledgement, certificate and
learning-system report carry it, so HR can tell who accepted which version.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "sources"
DOCUMENTS = ("policy", "procedure")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def fingerprint(text: str) -> str:
    """A short version id of a document's words: blind to line wrapping and curly quotes."""
    words = " ".join(text.translate(QUOTES).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:8]


def document_versions(sources: Path = SOURCES) -> dict[str, str]:
    """Document name -> version, for every published document; ValueError names a missing source."""
    versions = {}
    for name in DOCUMENTS:
        path = sources / f"{name}.txt"
        if not path.is_file():
            raise ValueError(f"{path} is missing: the {name}'s version is worked out from it")
        versions[name] = fingerprint(path.read_text(encoding="utf-8"))
    return versions

"""The reader's name as the certificate and the completion record carry it.

A name is typed or pasted into a form, so it can hold characters nobody sees: bidi controls
(U+202E RIGHT-TO-LEFT OVERRIDE shows "Ann \u202eevil\u202c Smith" as "Ann live Smith"), NUL,
BEL, escape codes and other controls that a printer, a spreadsheet or a log may act on. They
are removed, and the rest is kept as typed: in Unicode's composed form, runs of spaces as one.
"""
from __future__ import annotations

import unicodedata

# Control, format and surrogate characters: none shows, and some change how text around them shows.
HIDDEN_CATEGORIES = ("Cc", "Cf", "Cs")
# Format characters that some scripts need between letters (ZWNJ in Persian, ZWJ in Indic scripts).
JOINERS = {"\u200c", "\u200d"}


def certificate_name(typed: str) -> str:
    """The name with hidden characters removed (spacing characters become one space)."""
    composed = unicodedata.normalize("NFC", typed)
    kept = "".join(
        c for c in composed
        if c.isspace() or c in JOINERS or unicodedata.category(c) not in HIDDEN_CATEGORIES
    )
    return " ".join(kept.split())

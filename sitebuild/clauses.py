"""The clause registry: every clause anchor defined in the site's own Markdown.

Clause ids are written once, as attribute lists in `docs/` (`{#policy-2-3}`);
everything else (data files, widgets, tests) cites them and is checked here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitebuild.markdown_lines import prose_lines, read_markdown

# How many levels of numbering each document uses for its own clauses.
CLAUSE_DEPTH = {"policy": 2, "procedure": 3}
# Anything in an attribute list an author may have meant as a clause anchor, in any case.
ANCHOR = re.compile(r"\{:?[ \t]*#((?:policy|procedure)[^\s}]*)", re.IGNORECASE)
# What a clause id is: numbers, then at most one list letter; or an appendix number, then words.
CLAUSE_ID = re.compile(r"(?:policy|procedure)-(?:[0-9]+(?:-[0-9]+)*(?:-[a-z])?|appendix-[0-9]+(?:-[a-z0-9]+)*)")
CLAUSE_ID_FORM = (
    "a clause id is 'policy-' or 'procedure-' and the clause's numbers joined by '-', "
    "with at most one list letter at the end (policy-2-3, policy-2-2-d, procedure-3-1-1), "
    "or an appendix number and its words (procedure-appendix-2, procedure-appendix-2-stranger-danger)"
)


@dataclass(frozen=True)
class Clause:
    id: str
    src: str  # page path relative to docs/, e.g. "policy/index.md"
    url: str  # page URL relative to the site root, e.g. "policy/#policy-2-3"
    label: str  # how the site names it, e.g. "Policy 2.3"


def page_url(src: str) -> str:
    """The directory-style URL MkDocs gives a Markdown file (use_directory_urls)."""
    path = src[: -len(".md")]
    if path == "index":
        return ""
    if path.endswith("/index"):
        return path[: -len("index")]
    return path + "/"


def clause_label(clause_id: str) -> str:
    """Human name of a clause from its id: policy-2-2-d -> 'Policy 2.2 d)'."""
    document, _, rest = clause_id.partition("-")
    parts = rest.split("-")
    if parts[0] == "appendix":
        words = " ".join(parts[2:]).replace("-", " ")
        return f"{document.title()} appendix {parts[1]}" + (f", {words}" if words else "")
    depth = CLAUSE_DEPTH[document]
    numbers = [p for p in parts if p.isdigit()]
    label = f"{document.title()} " + ".".join(numbers[:depth])
    if len(numbers) == 1 and document == "policy":
        label += ".0"  # the policy numbers its sections 1.0, 2.0 ...
    # Deeper numbers and letters are list items inside a clause: 'item 2', 'd)'.
    items = [f"item {n}" for n in numbers[depth:]] + [f"{p})" for p in parts if not p.isdigit()]
    return " ".join([label, *items])


def checked_id(anchor: str, where: str) -> str:
    """The clause id an anchor defines; a malformed one fails, saying what a clause id looks like."""
    if CLAUSE_ID.fullmatch(anchor):
        return anchor
    hint = f"write it in lower case ({anchor.lower()!r}); " if CLAUSE_ID.fullmatch(anchor.lower()) else ""
    raise ValueError(f"{where}: clause anchor {anchor!r} is not a clause id: {hint}{CLAUSE_ID_FORM}")


def scan(docs_dir: Path) -> dict[str, Clause]:
    """Read every clause anchor in docs_dir (not those shown as code); a duplicate or malformed id is an error."""
    found: dict[str, Clause] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        anchors = (
            (number, match.group(1))
            for number, line in prose_lines(read_markdown(path, src))
            for match in ANCHOR.finditer(line)
        )
        for number, anchor in anchors:
            clause_id = checked_id(anchor, f"{src} line {number}")
            if clause_id in found:
                raise ValueError(
                    f"clause id {clause_id!r} is defined twice: in {found[clause_id].src} and {src}"
                )
            found[clause_id] = Clause(
                clause_id, src, f"{page_url(src)}#{clause_id}", clause_label(clause_id)
            )
    return found

"""Every numbered heading in the documents carries the anchor its number calls for.

Parsed with markdown-it-py, so headings are found as Markdown sees them, not by
a line regex: a heading '2.4 IT security' anchored {#policy-2-3} is a slip that
would send every citation of 2.3 to the wrong place.
"""
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.support import ROOT

DOCS = ROOT / "docs"
DOCUMENTS = {"policy": DOCS / "policy" / "index.md", "procedure": DOCS / "procedure" / "index.md"}
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.*?)\s*\{#([a-z0-9-]+)\}\s*$")


def numbered_headings(path: Path) -> list[tuple[str, str, str]]:
    """(number, title, anchor) for each heading that starts with a clause number."""
    tokens = MarkdownIt().parse(path.read_text(encoding="utf-8"))
    found = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            match = NUMBERED.match(tokens[i + 1].content)
            if match:
                found.append(match.groups())
    return found


def expected_anchor(document: str, number: str) -> str:
    parts = [p for p in number.split(".") if p]
    if document == "policy" and parts[-1] == "0":  # the policy numbers its sections 1.0, 2.0 ...
        parts = parts[:-1]
    return "-".join([document, *parts])


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_heading_numbers_match_their_anchors(document):
    headings = numbered_headings(DOCUMENTS[document])
    assert len(headings) >= 10, f"too few numbered headings found in {document}"
    wrong = [(n, t, a) for n, t, a in headings if a != expected_anchor(document, n)]
    assert wrong == []


def test_parser_sees_a_mismatch(tmp_path: Path):
    page = tmp_path / "p.md"
    page.write_text("## 2.4 IT security {#policy-2-3}\n")
    (number, _, anchor), = numbered_headings(page)
    assert anchor != expected_anchor("policy", number)

"""The lines of a Markdown page that are prose, not code.

Build markers (clause anchors, widget markers) written inside a fenced code
block or an inline code span are examples shown to the reader, not
instructions to the build, so the hooks that read markers read only these lines.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
CLOSING_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*$")
CODE_SPAN = re.compile(r"(`+).+?\1")


def read_markdown(path: Path, shown_as: str) -> str:
    """A Markdown file's text; bytes that are not UTF-8 fail with the file, line and what to do."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ValueError(
            f"{shown_as} line {line}: byte {data[error.start]:#04x} is not UTF-8 text; "
            "save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding')"
        ) from None


def prose_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(line number from 1, line) for every line outside fenced code, with inline code spans blanked."""
    fence = ""
    for number, line in enumerate(markdown.splitlines(), 1):
        if fence:
            # A fence closes with the same character, at least as many times, and nothing after.
            closing = CLOSING_FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
                fence = ""
            continue
        opening = FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        yield number, CODE_SPAN.sub(lambda span: " " * len(span.group(0)), line)


def replace_lines(markdown: str, replacements: dict[int, str]) -> str:
    """The page with each numbered line (from 1) replaced by its text."""
    lines = markdown.splitlines(keepends=True)
    for number, text in replacements.items():
        lines[number - 1] = text
    return "".join(lines)

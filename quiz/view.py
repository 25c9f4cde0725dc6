"""Views as plain data, turned into HTML at build time or into DOM in the browser.

A node is a string (text) or a list ``[tag, attrs, *children]``. The same tree
is serialised by ``to_html`` for the static page and built with
``document.createElement``/``textContent`` by the browser, so reader input is
never parsed as markup on either side.
"""
from __future__ import annotations

from typing import Any, Union

Node = Union[str, list]

VOID = {"br", "hr", "img", "input", "meta", "link"}


def h(tag: str, attrs: dict[str, Any] | None = None, *children: Node | None) -> list:
    """An element node; None children and False/None attributes are dropped."""
    clean = {k: v for k, v in (attrs or {}).items() if v is not None and v is not False}
    return [tag, clean, *[c for c in children if c is not None and c != ""]]


def to_html(node: Node) -> str:
    """Serialise a node tree to HTML, escaping all text and attribute values."""
    # Imported here, not at the top: the html package loads its table of entities, about 18 ms of
    # a widget's start in the browser, which builds views as DOM and never calls this.
    from html import escape

    def serialise(node: Node) -> str:
        if isinstance(node, str):
            return escape(node, quote=False)
        tag, attrs, *children = node
        parts = [tag]
        for name, value in attrs.items():
            parts.append(name if value is True else f'{name}="{escape(str(value))}"')
        opening = "<" + " ".join(parts) + ">"
        if tag in VOID:
            return opening
        return opening + "".join(serialise(c) for c in children) + f"</{tag}>"

    return serialise(node)


def text_of(node: Node) -> str:
    """The text content of a node tree (for tests and for announcements)."""
    if isinstance(node, str):
        return node
    return "".join(text_of(c) for c in node[2:])

"""Widget markers in Markdown: `<!-- widget: NAME -->` on a line of its own.

Each marker becomes the widget's static HTML (rendered by the widget's own
Python, the same code the browser runs), wrapped in the element the browser
script looks for. An unknown name fails the build.
"""
from __future__ import annotations

import re
from typing import Any

from quiz.context import Context
from quiz.view import h, to_html
from quiz.widgets import get

SEARCH_EXCLUDED = "widget-static"  # a custom element: display block in council.css
MARKER = re.compile(r"^<!-- widget: ([a-z-]+) -->[ \t]*$", re.MULTILINE)


def relative_root(page_url: str) -> str:
    """The relative path from a page (directory URL like 'a/b/') to the site root."""
    return "../" * page_url.count("/")


def expand(markdown: str, page_url: str, models: dict[str, Any], clauses: dict[str, dict[str, str]]) -> str:
    """Replace every widget marker in a page's Markdown with the widget's HTML."""
    ctx = Context(clauses, relative_root(page_url))

    def widget_html(match: re.Match[str]) -> str:
        name = match.group(1)
        widget = get(name)
        root = h(
            "div",
            {"class": "widget", "data-widget": name, "data-state": "static", "data-root": ctx.root},
            h("p", {"class": "widget-status", "role": "status", "aria-live": "polite"}),
            h("div", {"class": "widget-body"},
              # Search should land on the clauses, not on a form quoting them. Material's
              # search drops an excluded element's text only until a descendant with the
              # same tag closes, so the excluded element has a tag nothing inside uses.
              h(SEARCH_EXCLUDED, {"data-search-exclude": True}, widget.module.render(models[name], ctx))),
        )
        # Blank lines around keep Markdown from touching the raw HTML block.
        return "\n\n" + to_html(root) + "\n\n"

    return MARKER.sub(widget_html, markdown)

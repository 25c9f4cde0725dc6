"""Widget markers in Markdown: `<!-- widget: NAME -->` on a line of its own.

Each marker becomes the widget's static HTML (rendered by the widget's own
Python, the same code the browser runs), wrapped in the element the browser
script looks for. A marker the build would otherwise pass over (wrong case,
unknown name, not on a line of its own) or a widget placed twice on one page
fails the build with the line and the marker as it should be written.
Markers shown as code (fenced or inline) are left as they are.
"""
from __future__ import annotations

import difflib
import re
from typing import Any

from sitebuild.markdown_lines import prose_lines, replace_lines
from quiz.context import Context
from quiz.view import h, to_html
from quiz.widgets import get, registry

SEARCH_EXCLUDED = "widget-static"  # a custom element: display block in council.css
MARKER = re.compile(r"<!-- widget: ([a-z-]+) -->[ \t]*")
# Whatever an author may have meant as a marker: any case, any spacing, anywhere in a line.
MEANT_AS_MARKER = re.compile(r"<!--\s*widget\b\s*:?\s*(.*?)\s*-->", re.IGNORECASE)


# Where a Markdown extension cannot know its page (none is told), widget links start with this mark,
# and the `finish` command replaces it in each built page by the path to the site root.
ROOT_MARK = "x-site-root:"  # a scheme of its own: no generator rewrites such a link


class MarkerError(ValueError):
    """A widget marker the build cannot place as written."""


def marker_for(name: str) -> str:
    return f"<!-- widget: {name} -->"


def _known_name(written: str) -> str:
    """The widget a mistyped name most likely means, or '' if none is close."""
    names = sorted(registry())
    guess = written.strip().lower().replace("_", "-")
    if guess in names:
        return guess
    close = difflib.get_close_matches(guess, names, n=1, cutoff=0.5)
    return close[0] if close else ""


def _marker_problem(line: str, written: str) -> str:
    """What is wrong with a line holding something meant as a marker; '' for a good marker."""
    exact = MARKER.fullmatch(line)
    if exact and exact.group(1) in registry():
        return ""
    meant = _known_name(written)
    right = f"write {marker_for(meant)!r}" if meant else f"the widgets are {', '.join(sorted(registry()))}"
    if line[:1].isspace() or MEANT_AS_MARKER.sub("", line).strip():
        return f"a widget marker must be on a line of its own, at its start: {right}"
    if written == meant:
        return f"{line.strip()!r} is not written the way the build reads markers: {right}"
    return f"{line.strip()!r}: there is no widget {written!r}; {right}"


def _markers(markdown: str) -> dict[int, str]:
    """Line number -> widget name for every marker on a page; a mistaken or repeated marker fails."""
    found: dict[int, str] = {}
    for number, line in prose_lines(markdown):
        meant = MEANT_AS_MARKER.search(line)
        if not meant:
            continue
        problem = _marker_problem(line, meant.group(1))
        if problem:
            raise MarkerError(f"line {number}: {problem}")
        name = MARKER.fullmatch(line).group(1)
        earlier = [n for n, other in found.items() if other == name]
        if earlier:
            raise MarkerError(
                f"lines {earlier[0]} and {number}: widget {name!r} is placed twice; "
                "a page can hold each widget once (two copies would share their element ids): remove one marker"
            )
        found[number] = name
    return found


def widget_names(markdown: str) -> list[str]:
    """The widgets a page places, in order (markers shown as code are not placed)."""
    return list(_markers(markdown).values())


def relative_root(page_url: str) -> str:
    """The relative path from a page (directory URL like 'a/b/') to the site root."""
    return "../" * page_url.count("/")


def resolve_root(html: str, page_url: str) -> str:
    """A built page with ROOT_MARK replaced by the path from the page to the site root."""
    return html.replace(ROOT_MARK, relative_root(page_url))


def expand(markdown: str, root: str, models: dict[str, Any], clauses: dict[str, dict[str, str]]) -> str:
    """Replace every widget marker in a page's Markdown with the widget's HTML; its links to clauses
    start with `root`, the path to the site root (ROOT_MARK where the page's place is not known yet)."""
    ctx = Context(clauses, root)

    def widget_html(name: str) -> str:
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

    return replace_lines(markdown, {number: widget_html(name) for number, name in _markers(markdown).items()})

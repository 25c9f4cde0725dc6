"""Form parts shared by every widget, following GOV.UK Design System patterns.

Radios are never pre-selected unless the reader chose them; an error shows
both in a summary at the top (linked to the question) and beside the question.
Every function returns a view node (see quiz.view).
"""
from __future__ import annotations

from typing import Iterable, Sequence

from .protocol import error_summary_id, focus_id
from .view import Node, h

Choice = tuple[str, str]  # (value, label)


def field_id(widget: str, name: str) -> str:
    """The id of a question's fieldset; the error summary links to it."""
    return f"{widget}-{name}"


def _choices(kind: str, fid: str, name: str, choices: Sequence[Choice], chosen: Iterable[str],
             hints: dict[str, str] | None = None) -> Node:
    chosen = set(chosen)
    items = []
    for i, (value, label) in enumerate(choices):
        input_id = f"{fid}-{i}"
        hint_id = f"{input_id}-hint" if hints and hints.get(value) else None
        items.append(h(
            "div", {"class": f"form-{kind}"},
            h("input", {"type": kind, "id": input_id, "name": name, "value": value,
                        "checked": value in chosen, "aria-describedby": hint_id}),
            h("label", {"for": input_id}, label),
            h("p", {"class": "form-hint", "id": hint_id}, hints[value]) if hint_id and hints else None,
        ))
    return h("div", {"class": f"form-{kind}es" if kind == "checkbox" else f"form-{kind}s"}, *items)


def _inline_error(error_id: str, message: str) -> Node:
    return h("p", {"class": "form-error", "id": error_id}, h("span", {"class": "visually-hidden"}, "Error: "), message)


def question(widget: str, name: str, legend: str, choices: Sequence[Choice], *,
             multiple: bool = False, chosen: Iterable[str] = (), hint: Node | None = None,
             error: str | None = None, guidance: Node | None = None,
             option_hints: dict[str, str] | None = None, legend_tag: str = "h3") -> Node:
    """One question: a fieldset of radios (or checkboxes) with hint, inline error and guidance."""
    fid = field_id(widget, name)
    hint_id = f"{fid}-hint" if hint else None
    error_id = f"{fid}-error" if error else None
    return h(
        "div", {"class": "form-group" + (" form-group--error" if error else ""), "id": fid, "tabindex": "-1"},
        h("fieldset", {"class": "form-fieldset",
                       "aria-describedby": " ".join(i for i in (hint_id, error_id) if i) or None},
          h("legend", {"class": "form-legend"}, h(legend_tag, {"class": "form-legend__heading"}, legend)),
          h("div", {"class": "form-hint", "id": hint_id}, hint) if hint else None,
          _inline_error(error_id, error) if error_id and error else None,
          _choices("checkbox" if multiple else "radio", fid, name, choices, chosen, option_hints),
          ),
        guidance,
    )


def text_input(widget: str, name: str, label: str, value: str, *, hint: str | None = None,
               error: str | None = None, autocomplete: str | None = None, max_length: int = 100) -> Node:
    """A single-line text field with label, hint and inline error; the error summary links to it."""
    fid = field_id(widget, name)
    hint_id = f"{fid}-hint" if hint else None
    error_id = f"{fid}-error" if error else None
    return h(
        "div", {"class": "form-group" + (" form-group--error" if error else ""), "id": fid, "tabindex": "-1"},
        h("label", {"class": "form-label", "for": f"{fid}-input"}, label),
        h("p", {"class": "form-hint", "id": hint_id}, hint) if hint else None,
        _inline_error(error_id, error) if error_id and error else None,
        h("input", {"type": "text", "class": "form-input", "id": f"{fid}-input", "name": name, "value": value,
                    "autocomplete": autocomplete, "spellcheck": "false", "maxlength": str(max_length),
                    "aria-describedby": " ".join(i for i in (hint_id, error_id) if i) or None}),
    )


def error_summary(widget: str, errors: dict[str, str], title: str = "There is a problem") -> Node | None:
    """The list of problems at the top of a form, each linked to its question; None if no errors."""
    if not errors:
        return None
    return h(
        "div", {"class": "error-summary", "id": error_summary_id(widget), "tabindex": "-1",
                "aria-labelledby": focus_id(widget, "error-summary")},
        h("h2", {"class": "error-summary__title", "id": focus_id(widget, "error-summary")}, title),
        h("ul", {"class": "error-summary__list"},
          *[h("li", {}, h("a", {"href": "#" + field_id(widget, name)}, message)) for name, message in errors.items()]),
    )


def widget_form(*children: Node | None, cls: str = "") -> Node:
    """A widget's form. It never submits to the server, with or without JavaScript: `method="dialog"`
    outside a dialog makes submitting do nothing but fire the submit event, which widgets.js
    handles. A plain form would send every answer in a GET (web server log, browser history)
    whenever the script is blocked, slow or broken."""
    return h("form", {"class": " ".join(("widget-form", cls)).strip(), "method": "dialog", "novalidate": True},
             *children)


def button(label: str, action: str, *, secondary: bool = False, js_only: bool = True) -> Node:
    """A submit button carrying its action; hidden without JavaScript when it needs Python."""
    classes = ["md-button"] + (["md-button--primary"] if not secondary else []) + (["js-only"] if js_only else [])
    return h("button", {"type": "submit", "name": "action", "value": action, "class": " ".join(classes)}, label)


def checkbox_option(widget: str, name: str, label: str, checked: bool = False) -> Node:
    """A single stand-alone checkbox (for example "remember my answers on this device")."""
    input_id = field_id(widget, name)
    return h("div", {"class": "form-checkbox js-only"},
             h("input", {"type": "checkbox", "id": input_id, "name": name, "value": "yes", "checked": checked}),
             h("label", {"for": input_id}, label))


def summary_list(rows: Sequence[tuple[str, str, str]], widget: str, change_action: str = "change") -> Node:
    """'Check your answers': (question name, question, answer) rows, each with a Change link."""
    return h("dl", {"class": "summary-list"}, *[
        h("div", {"class": "summary-list__row"},
          h("dt", {}, question_text),
          h("dd", {}, answer),
          h("dd", {"class": "summary-list__actions"},
            h("button", {"type": "submit", "name": "action", "value": f"{change_action}:{name}",
                         "class": "link-button"},
              "Change", h("span", {"class": "visually-hidden"}, f" your answer to: {question_text}"))))
        for name, question_text, answer in rows
    ])


def disclosure(summary: str, *body: Node) -> Node:
    """A native <details> disclosure: works with keyboard and without JavaScript."""
    return h("details", {"class": "disclosure"}, h("summary", {}, summary), *body)


def step_heading(widget: str, step: str, text: str, tag: str = "h2", cls: str | None = None) -> Node:
    """A step's heading, which focus moves to (see quiz.protocol.focus_id): one for every widget."""
    return h(tag, {"id": focus_id(widget, step), "tabindex": "-1", **({"class": cls} if cls else {})}, text)


def notice(text: str, view: Node) -> Node:
    """A one-line notice above a step (for example: saved answers could not be used)."""
    return h("div", {}, h("p", {"class": "widget-notice"}, text), view)


def answers_get(answers: dict[str, list[str]], name: str) -> list[str]:
    """A question's submitted values (FormData gives lists)."""
    return [v for v in answers.get(name, []) if v]

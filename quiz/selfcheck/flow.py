"""A self-check's steps: form -> (interim) -> check your answers -> action plan, and its saved state.

The widget modules (privacy_settings, sensitive_roles) supply what differs
through a ``Flow``: which questions are on the form for the answers so far,
extra checks, and extra parts of the result. ``respond`` is pure.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

from .. import forms
from ..context import Context
from ..protocol import (STATE_VERSION_KEY, Request, Response, error_summary_id, focus_id, response, restore,
                        selector)
from ..view import Node
from .views import check_answers_view

STEPS = ("form", "interim", "check", "result")


@dataclass(frozen=True)
class Flow:
    """What a widget supplies so that ``respond`` can run its steps."""

    widget: str
    version: str  # the data file's fingerprint: saved answers from another version are not used
    form: Callable[[Context, dict, dict, bool], Node]  # (ctx, answers, errors, remember) -> form
    validate: Callable[[dict], dict[str, str]]  # answers -> {field: message}
    rows: Callable[[dict], list[tuple[str, str, str]]]  # answers -> check-your-answers rows
    result: Callable[[Context, dict, bool], Node]  # (ctx, answers, remember) -> result
    interim: Callable[[Context, dict], Node | None] = lambda ctx, answers: None  # a step between form and check

    @classmethod
    def bind(cls, widget: str, model: Any, form: Callable, validate: Callable, rows: Callable,
             result: Callable, interim: Callable | None = None) -> "Flow":
        """A flow from a widget module's functions, each taking the model first (the model carries its version)."""
        steps = [partial(f, model) for f in (form, validate, rows, result)]
        return cls(widget, model.version, *steps, **({"interim": partial(interim, model)} if interim else {}))

    def state(self, step: str = "form", answers: dict | None = None, remember: bool = False) -> dict:
        return {STATE_VERSION_KEY: self.version, "step": step, "answers": answers or {}, "remember": remember}


def checked(flow: Flow, state: Any) -> dict | None:
    """The state if this version wrote it (right version, shape and types); otherwise None."""
    if not isinstance(state, dict) or state.get(STATE_VERSION_KEY) != flow.version:
        return None
    step, answers, remember = state.get("step"), state.get("answers"), state.get("remember")
    if step not in STEPS or not isinstance(remember, bool) or not isinstance(answers, dict):
        return None
    if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in answers.values()):
        return None
    return flow.state(step, answers, remember)


def _form_answers(request: Request) -> tuple[dict, bool]:
    """The submitted answers (without the form's own fields) and whether the reader ticked "remember"."""
    submitted = request.get("answers") or {}
    answers = {k: v for k, v in submitted.items() if k not in ("action", "remember")}
    return answers, "yes" in forms.answers_get(submitted, "remember")


def _view_for(flow: Flow, ctx: Context, state: dict) -> tuple[Node, str]:
    answers, remember, step = state["answers"], state["remember"], state["step"]
    if step == "result":
        return flow.result(ctx, answers, remember), focus_id(flow.widget, "result")
    if step == "check":
        return check_answers_view(flow.widget, flow.rows(answers), remember), focus_id(flow.widget, "check")
    return flow.form(ctx, answers, {}, remember), focus_id(flow.widget, "form")


def respond(flow: Flow, ctx: Context, request: Request) -> Response:
    """One step of a self-check. Pure: everything it needs is in the request."""
    action = str(request.get("action", ""))
    state, notice = restore(request.get("state"), partial(checked, flow))
    if notice:  # what the device kept is not something this version wrote: start afresh and forget it
        fresh = flow.state()
        return response(forms.notice(notice, flow.form(ctx, {}, {}, False)), fresh, announce=notice, store=False)
    state = state or flow.state()
    remember = state["remember"]
    keep = True if remember else None
    w = flow.widget

    if action == "start":
        if request.get("state") is None:
            return response(None, None)
        view, _ = _view_for(flow, ctx, state)
        return response(view, state, announce="Your saved answers have been restored.")

    if action == "restart":
        return response(flow.form(ctx, {}, {}, False), flow.state(), focus=selector(focus_id(w, "form")),
                        announce="All your answers have been cleared.", store=False)

    if action in ("remember", "forget"):
        state["remember"] = action == "remember"
        view, _ = _view_for(flow, ctx, state)
        message = ("Your answers will be remembered on this device." if action == "remember"
                   else "Your answers have been removed from this device.")
        return response(view, state, announce=message, store=action == "remember")

    if action == "continue":
        answers, remember = _form_answers(request)
        state = flow.state("form", answers, remember)
        errors = flow.validate(answers)
        if errors:
            n = len(errors)
            return response(flow.form(ctx, answers, errors, remember), state, focus=selector(error_summary_id(w)),
                            announce=f"There {'is 1 problem' if n == 1 else f'are {n} problems'} with your answers.",
                            store=remember)
        interim = flow.interim(ctx, answers)
        if interim is not None:
            state["step"] = "interim"
            return response(interim, state, focus=selector(focus_id(w, "interim")), store=remember)
        state["step"] = "check"
        return response(check_answers_view(w, flow.rows(answers), remember), state,
                        focus=selector(focus_id(w, "check")), announce="Check your answers.", store=remember)

    if action == "refresh":
        # Re-draw the form for the answers so far (e.g. only the platforms chosen), without errors.
        answers, remember = _form_answers(request)
        return response(flow.form(ctx, answers, {}, remember), flow.state("form", answers, remember),
                        focus=selector(focus_id(w, "refresh")),
                        announce="The form now shows only the questions for your answers.",
                        store=True if remember else None)

    if action == "confirm":
        state["step"] = "result"
        return response(flow.result(ctx, state["answers"], remember), state, focus=selector(focus_id(w, "result")),
                        announce="Your action plan is ready.", store=keep)

    # "carry-on" comes from an interim step: back to the form, which then keeps a hidden
    # carry-on=yes field so that the interim step is not shown again.
    if action == "back" or action == "carry-on" or action.startswith("change:"):
        state["step"] = "form"
        name = action.partition(":")[2]
        if action == "carry-on":
            state["answers"] = {**state["answers"], "carry-on": ["yes"]}
        focus = forms.field_id(w, name) if name else focus_id(w, "form")
        return response(flow.form(ctx, state["answers"], {}, remember), state, focus=selector(focus), store=keep)

    # An action this widget does not know (an old page, a stray button): show where the reader was.
    view, focus = _view_for(flow, ctx, state)
    return response(view, state, focus=selector(focus))

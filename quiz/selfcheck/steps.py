"""A self-check's steps, declared to the engine: form -> (interim) -> check your answers -> action plan.

The widget modules (privacy_settings, sensitive_roles) supply what differs
through a ``Flow``: which questions are on the form for the answers so far,
extra checks, and extra parts of the result. Restore, remember and forget,
restart, focus and announcements are the engine's (quiz.engine).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

from .. import engine, forms
from ..context import Context
from ..engine import ANY, Ask, Turn
from ..protocol import STATE_VERSION_KEY
from ..view import Node
from .views import check_answers_view

STAGES = ("form", "interim", "check", "result")
FORM_FIELDS = ("action", "remember")  # the form's own fields, not answers


@dataclass(frozen=True)
class Flow:
    """What a self-check supplies: its form, checks, rows and result, each already bound to its model."""

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
        bound = [partial(f, model) for f in (form, validate, rows, result)]
        return cls(widget, model.version, *bound, **({"interim": partial(interim, model)} if interim else {}))

    def state(self, stage: str = "form", answers: dict | None = None, remember: bool = False) -> dict:
        return {STATE_VERSION_KEY: self.version, "stage": stage, "answers": answers or {}, "remember": remember}


def _form_answers(ask: Ask) -> tuple[dict, bool]:
    """The submitted answers (without the form's own fields) and whether the reader ticked "remember"."""
    answers = {k: v for k, v in ask.answers.items() if k not in FORM_FIELDS}
    return answers, "yes" in forms.answers_get(ask.answers, "remember")


def _check(flow: Flow, ctx: Context, state: dict, ask: Ask) -> bool:
    answers = state.get("answers")
    return isinstance(answers, dict) and all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in answers.values())


def _view(flow: Flow, ctx: Context, state: dict, errors: dict, ask: Ask, shown: dict) -> tuple[Node, str]:
    answers, remember, stage = state["answers"], state["remember"], state["stage"]
    if stage == "result":
        return flow.result(ctx, answers, remember), "Your action plan is ready."
    if stage == "check":
        return check_answers_view(flow.widget, flow.rows(answers), remember), "Check your answers."
    interim = flow.interim(ctx, answers) if stage == "interim" else None
    return (interim if interim is not None else flow.form(ctx, answers, errors, remember)), ""


def _restored(flow: Flow, state: dict) -> str:
    """Exactly what came back: on the form, how many of its questions have an answer."""
    if state["stage"] in ("check", "result"):
        return "Your saved answers have been restored."
    rows = flow.rows(state["answers"])
    answered = sum(1 for _, _, answer in rows if answer)
    if not answered:
        return ""
    return f"Answers restored from this device: {answered} of the {len(rows)} questions on the form."


def _keep_form(flow: Flow, state: dict, ask: Ask) -> dict:
    # Forgotten from another tab while this one shows the form: keep what is on it.
    return {**state, "answers": _form_answers(ask)[0]} if state["stage"] == "form" else state


def _continue(flow: Flow, ctx: Context, state: dict, ask: Ask) -> Turn:
    answers, remember = _form_answers(ask)
    errors = flow.validate(answers)
    if errors:
        return Turn(flow.state("form", answers, remember), errors=errors, store=remember)
    stage = "interim" if flow.interim(ctx, answers) is not None else "check"
    return Turn(flow.state(stage, answers, remember), store=remember)


def _refresh(flow: Flow, ctx: Context, state: dict, ask: Ask) -> Turn:
    # Re-draw the form for the answers so far (e.g. only the platforms chosen), without errors.
    # The reader is ticking boxes: focus stays on the box they ticked (widgets.js).
    answers, remember = _form_answers(ask)
    return Turn(flow.state("form", answers, remember), focus=None,
                announce="The form now shows only the questions for your answers.")


def _confirm(flow: Flow, ctx: Context, state: dict, ask: Ask) -> Turn:
    return Turn({**state, "stage": "result"})


def _back(flow: Flow, ctx: Context, state: dict, ask: Ask) -> Turn:
    """Back to the form: "back", "change:<field>" (focus on that field), or "carry-on" from an interim step,
    after which the form keeps a hidden carry-on=yes field so that the interim step is not shown again."""
    answers = {**state["answers"], "carry-on": ["yes"]} if ask.action == "carry-on" else state["answers"]
    focus = forms.field_id(flow.widget, ask.arg) if ask.arg else engine.STAGE
    return Turn({**state, "stage": "form", "answers": answers}, focus=focus, announce="")


TABLE = {(ANY, "continue"): _continue, (ANY, "refresh"): _refresh, (ANY, "confirm"): _confirm,
         (ANY, "back"): _back, (ANY, "carry-on"): _back, (ANY, "change"): _back}
WORDS = engine.Words(forgotten="Your answers have been removed from this device.",
                     remembered="Your answers will be remembered on this device.",
                     restarted="All your answers have been cleared.")


def steps(flow: Flow) -> engine.Steps:
    """The self-check's declaration to the engine."""
    return engine.Steps(
        widget=flow.widget, version=lambda f: f.version, fresh=lambda f, remember, previous: f.state(),
        check=_check, view=_view, restored=_restored, table=TABLE, stages=STAGES, words=WORDS,
        static_first=True, restart_forgets=True, keep_form=_keep_form)


def respond(flow: Flow, ctx: Context, request: Any) -> Any:
    """One step of a self-check (see quiz.engine)."""
    return engine.respond(steps(flow), flow, ctx, request)

"""An example fourth widget, kept with the tests: "Have you read the policy?", one question, then thanks.

It shows what a new widget is: this one folder (the model loaded through
``Checker``, its steps as a table, its views) and one ``Entry`` line in the
registry (tests/unit/test_engine.py adds that line, as quiz/widgets/__init__.py
would). Restore, remember and forget, restart, focus and announcements are the
engine's: nothing here repeats them.
"""
from __future__ import annotations

from dataclasses import dataclass

from quiz import engine, forms
from quiz.checker import Checker, Problem, check, fingerprint
from quiz.context import Context
from quiz.engine import ANY, Ask, Turn
from quiz.protocol import Request, Response
from quiz.view import Node

WIDGET = "read-check"
CHOICES = (("yes", "Yes"), ("no", "Not yet"))


@dataclass(frozen=True)
class Model:
    """The question and the clause it points to."""

    question: str
    clause: str
    version: str


def parse(raw: dict, chk: Checker) -> Model:
    chk.known(raw, ("question", "clauses"), "(file)", "setting")
    return Model(chk.text(raw, "question", "(file)"), next(iter(chk.clauses(raw, "(file)", required=True)), ""),
                 fingerprint(raw))


def load(raw: dict, file: str, clause_ids: set[str]) -> tuple[Model | None, list[Problem]]:
    return check(raw, parse, file, clause_ids)


def _form(model: Model, ctx: Context, state: dict, errors: dict) -> Node:
    return forms.widget_form(
        forms.error_summary(WIDGET, errors), forms.step_heading(WIDGET, "ask", "Before you start"),
        forms.question(WIDGET, "read", model.question, CHOICES, chosen=state["answers"].get("read", []),
                       error=errors.get("read")),
        forms.checkbox_option(WIDGET, "remember", "Remember my answer on this device", state["remember"]),
        forms.button("Continue", "answer"))


def _view(model: Model, ctx: Context, state: dict, errors: dict, ask: Ask, shown: dict) -> tuple[Node, str]:
    if state["stage"] == "done":
        read = state["answers"]["read"] == ["yes"]
        return forms.widget_form(forms.step_heading(WIDGET, "done", "Thank you" if read else "Read it first"),
                                 forms.button("Start again", "restart", secondary=True)), "Done."
    return _form(model, ctx, state, errors), ""


def _answer(model: Model, ctx: Context, state: dict, ask: Ask) -> Turn:
    read = [v for v in forms.answers_get(ask.answers, "read") if v in dict(CHOICES)][:1]
    remember = "yes" in forms.answers_get(ask.answers, "remember")
    if not read:
        return Turn({**state, "remember": remember}, errors={"read": "Say whether you have read it"}, store=remember)
    return Turn({**state, "stage": "done", "answers": {"read": read}, "remember": remember}, store=remember)


def _check(model: Model, ctx: Context, state: dict, ask: Ask) -> bool:
    answers = state.get("answers")
    if state["stage"] == "ask":
        return answers == {}
    return isinstance(answers, dict) and answers.get("read") in (["yes"], ["no"]) and len(answers) == 1


STEPS = engine.Steps(
    widget=WIDGET, version=lambda m: m.version,
    fresh=lambda m, remember, previous: {"v": m.version, "stage": "ask", "answers": {}, "remember": remember},
    check=_check, view=_view, restored=lambda m, s: "Your answer has been restored." if s["answers"] else "",
    table={("ask", "answer"): _answer, (ANY, "back"): lambda m, c, s, a: Turn({**s, "stage": "ask"})},
    stages=("ask", "done"),
    words=engine.Words(forgotten="Your answer has been removed from this device.",
                       remembered="Your answer will be remembered on this device."))


def render(model: Model, ctx: Context) -> Node:
    return _form(model, ctx, STEPS.fresh(model, False, None), {})


def respond(model: Model, ctx: Context, request: Request) -> Response:
    return engine.respond(STEPS, model, ctx, request)

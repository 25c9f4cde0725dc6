"""The training quiz's steps, declared to the engine: choose a track -> questions -> result -> certificate.

Each row of ``TABLE`` is one (stage, action) the reader can take; restore,
remember and forget, restart, focus and announcements are the engine's
(quiz.engine). The saved state's own checks are in ``state.checked``.
"""
from __future__ import annotations

from typing import Any

from ... import engine, forms
from ...context import Context
from ...engine import ANY, Ask, Turn
from ...protocol import Request, Response
from ...view import Node, h
from .. import QUIZ
from .bank import TRACKS, Bank
from .certificate import certificate_view
from .names import certificate_name
from ...documents import current_versions
from .report import launch, report, status_box
from .result import result_view
from .dates import record_date
from .state import STAGES, advance, checked, fresh, new_attempt, result
from .views import choose_view, feedback_view, question_view

NAME_MAX = 100


def _choose_track(bank: Bank, ctx: Context, state: dict, ask: Ask) -> Turn:
    track = next(iter(forms.answers_get(ask.answers, "track")), None)
    remember = "yes" in forms.answers_get(ask.answers, "remember")
    state = {**state, "remember": remember}
    if track not in TRACKS:
        return Turn({**state, "stage": "choose"}, errors={"track": "Choose the staff track or the members track"},
                    store=remember)
    return Turn(new_attempt(bank, state, track, ask.seed))


def _answer(bank: Bank, ctx: Context, state: dict, ask: Ask) -> Turn:
    item = state["draw"][state["index"]]
    q = bank.question(item["q"])
    chosen = [v for v in forms.answers_get(ask.answers, "answer") if v in item["o"]]
    if not chosen or (not q.multiple and len(chosen) != 1):
        return Turn(state, errors={"answer": q.how.missing_answer})
    state = {**state, "answers": {**state["answers"], q.id: sorted(set(chosen))}}
    if bank.settings.feedback == "after-each":
        return Turn({**state, "stage": "feedback"})
    return Turn(advance(state), finishing=True)


def _next(bank: Bank, ctx: Context, state: dict, ask: Ask) -> Turn:
    return Turn(advance(state), finishing=True)


def _retry(bank: Bank, ctx: Context, state: dict, ask: Ask) -> Turn:
    return Turn(new_attempt(bank, state, state["track"], ask.seed))


def _certificate(bank: Bank, ctx: Context, state: dict, ask: Ask) -> Turn:
    if not result(bank, state).passed:
        return Turn(state)
    name = certificate_name(" ".join(forms.answers_get(ask.answers, "name")))
    errors = {}
    if not name:
        errors["name"] = "Enter your name as it should appear on the certificate"
    elif len(name) > NAME_MAX:
        errors["name"] = f"Your name must be {NAME_MAX} characters or fewer"
    if "yes" not in forms.answers_get(ask.answers, "acknowledge"):
        errors["acknowledge"] = "Confirm that you have read and understood the policy and the procedure"
    if errors:
        return Turn(state, errors=errors, shown={"name": name})
    return Turn({**state, "stage": "certificate", "name": name, "date": record_date(ask.today),
                 "acknowledged": current_versions(ctx)}, finishing=True)


TABLE = {(ANY, "choose-track"): _choose_track, ("question", "answer"): _answer, ("feedback", "next"): _next,
         ("result", "retry"): _retry, ("certificate", "retry"): _retry, ("result", "certificate"): _certificate}


def _finished(bank: Bank, state: dict) -> bool:
    return state["stage"] == "certificate" or (state["stage"] == "result" and not result(bank, state).passed)


def _view(bank: Bank, ctx: Context, state: dict, errors: dict, ask: Ask, shown: dict) -> tuple[Node, str]:
    stage = state["stage"]
    # Launched by a learning system: a finished attempt is reported (see quiz.widgets.quiz.report).
    launched = launch(ask.request)
    if stage == "choose":
        view, announce = choose_view(bank, state, errors), "Choose the staff track or the members track"
    elif stage == "question":
        view, announce = question_view(bank, state, errors)
    elif stage == "feedback":
        view, announce = feedback_view(bank, ctx, state)
    elif stage == "result":
        # The learning system's name for the learner fills the field until the reader types their own.
        name = shown.get("name") or (launched["learner"] if launched else "")
        view, announce = result_view(bank, ctx, state, errors, name, NAME_MAX, launched is not None)
    else:
        view, announce = certificate_view(bank, state, launched is not None)
    if launched and _finished(bank, state):
        view = h("div", {}, status_box(stage == "certificate"), view)
    return view, announce


def _report(bank: Bank, ctx: Context, state: dict, ask: Ask) -> dict[str, Any] | None:
    return report(bank, ctx, state) if launch(ask.request) and _finished(bank, state) else None


def _restored(bank: Bank, state: dict) -> str:
    """Exactly what came back from the device or the visit."""
    stage = state["stage"]
    if stage in ("question", "feedback"):
        return f"Your progress has been restored: question {state['index'] + 1} of {len(state['draw'])}."
    return {"result": "Your result has been restored.", "certificate": "Your certificate has been restored."}.get(
        stage, "")


STEPS = engine.Steps(
    widget=QUIZ, version=lambda bank: bank.version,
    fresh=lambda bank, remember, previous: fresh(bank, remember, previous["attempt"] if previous else 0),
    check=checked, view=_view, restored=_restored, table=TABLE, stages=STAGES,
    words=engine.Words(forgotten="Your progress is no longer kept on this device.",
                       remembered="Your progress will be kept on this device."),
    report=_report)


def respond(bank: Bank, ctx: Context, request: Request) -> Response:
    """Answer one request from the browser (see quiz.protocol and quiz.engine)."""
    return engine.respond(STEPS, bank, ctx, request)

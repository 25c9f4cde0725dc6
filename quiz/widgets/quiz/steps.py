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
from .record import PRACTICE, Launch, counts, language_note, launch, mode_note
from .report import report, status_box
from .result import result_view
from .resume import is_packed, packed, unpacked
from .dates import record_date
from .state import STAGES, advance, checked, fresh, new_attempt, result
from .views import choose_view, feedback_view, question_view

NAME_MAX = 100


def _practice(state: dict, ask: Ask) -> bool:
    """Whether an attempt starting now is practice: launched normally with a pass on record (quiz.widgets.quiz.record)."""
    launched = launch(ask.request)
    return launched is not None and launched.mode == "Normal" and not counts(launched, state["on_record"])


def _scored(bank: Bank, state: dict, ask: Ask) -> dict:
    """The state after an answer: at the result of a counted attempt, a pass goes on record."""
    state = advance(state)
    launched = launch(ask.request)
    if state["stage"] == "result" and _counted(launched, state) and result(bank, state).passed:
        state = {**state, "on_record": True}
    return state


def _counted(launched: Launch | None, state: dict) -> bool:
    return launched is not None and launched.mode == "Normal" and not state["practice"]


def _choose_track(bank: Bank, ctx: Context, state: dict, ask: Ask) -> Turn:
    track = next(iter(forms.answers_get(ask.answers, "track")), None)
    remember = "yes" in forms.answers_get(ask.answers, "remember")
    state = {**state, "remember": remember}
    if track not in TRACKS:
        return Turn({**state, "stage": "choose"}, errors={"track": "Choose the staff track or the members track"},
                    store=remember)
    return Turn(new_attempt(bank, state, track, ask.seed, _practice(state, ask)))


def _answer(bank: Bank, ctx: Context, state: dict, ask: Ask) -> Turn:
    item = state["draw"][state["index"]]
    q = bank.question(item["q"])
    chosen = [v for v in forms.answers_get(ask.answers, "answer") if v in item["o"]]
    if not chosen or (not q.multiple and len(chosen) != 1):
        return Turn(state, errors={"answer": q.how.missing_answer})
    state = {**state, "answers": {**state["answers"], q.id: sorted(set(chosen))}}
    if bank.settings.feedback == "after-each":
        return Turn({**state, "stage": "feedback"})
    return Turn(_scored(bank, state, ask), finishing=True)


def _next(bank: Bank, ctx: Context, state: dict, ask: Ask) -> Turn:
    return Turn(_scored(bank, state, ask), finishing=True)


def _retry(bank: Bank, ctx: Context, state: dict, ask: Ask) -> Turn:
    return Turn(new_attempt(bank, state, state["track"], ask.seed, _practice(state, ask)))


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
    # Not finishing: the result went to the learning system when it was scored; the certificate is the reader's.
    return Turn({**state, "stage": "certificate", "name": name, "date": record_date(ask.today),
                 "acknowledged": current_versions(ctx)})


TABLE = {(ANY, "choose-track"): _choose_track, ("question", "answer"): _answer, ("feedback", "next"): _next,
         ("result", "retry"): _retry, ("certificate", "retry"): _retry, ("result", "certificate"): _certificate}


def _view(bank: Bank, ctx: Context, state: dict, errors: dict, ask: Ask, shown: dict) -> tuple[Node, str]:
    stage = state["stage"]
    launched = launch(ask.request)
    if stage == "choose":
        view, announce = choose_view(bank, state, errors), "Choose the staff track or the members track"
    elif stage == "question":
        view, announce = question_view(bank, state, errors)
    elif stage == "feedback":
        view, announce = feedback_view(bank, ctx, state)
    elif stage == "result":
        # The learning system's name for the learner fills the field until the reader types their own.
        name = shown.get("name") or (launched.learner if launched else "")
        view, announce = result_view(bank, ctx, state, errors, name, NAME_MAX, launched is not None)
    else:
        view, announce = certificate_view(bank, state, launched is not None)
    if launched:
        view = _launched_view(bank, state, launched, view)
        # Focus goes to the step's heading, below the note: screen readers hear the note with the step.
        note = mode_note(launched) or (PRACTICE if state["practice"] else None)
        if note and (stage == "result" or (stage == "question" and state["index"] == 0)):
            announce = f"{note} {announce}"
    return view, announce


def _launched_view(bank: Bank, state: dict, launched: Launch, view: Node) -> Node:
    """Around a step in a learning system: whether its result is recorded, and the way back."""
    stage = state["stage"]
    before = []
    if language_note(launched):
        before.append(h("p", {"class": "lms-note", "lang": "en-GB"}, language_note(launched)))
    if launched.mode != "Normal":
        before.append(h("p", {"class": "lms-note"}, mode_note(launched)))
    elif state["practice"] and stage != "choose":
        before.append(h("p", {"class": "lms-note"}, PRACTICE))
    elif stage in ("result", "certificate"):
        before.append(status_box(result(bank, state).passed))
    after = None
    if launched.exit:
        after = h("div", {"class": "quiz-actions lms-exit"},
                  h("button", {"type": "button", "class": "md-button", "data-client-action": "lms-exit"},
                    "Exit and return to your learning system"))
    return h("div", {}, *before, view, after)


def _report(bank: Bank, ctx: Context, state: dict, ask: Ask) -> dict[str, Any] | None:
    """The moment a counted attempt's last question is scored, its result goes to the learning system."""
    if state["stage"] == "result" and _counted(launch(ask.request), state):
        return report(bank, ctx, state, ask.today)
    return None


def _launched_facts(given: Any, launched: Launch | None) -> Any:
    """The learning system's facts win over what was kept: its mastery score, and a pass it has on record.
    An unfinished attempt when the learning system already has a pass is practice."""
    if launched is None or not isinstance(given, dict):
        return given
    unfinished = given.get("stage") in ("question", "feedback")
    return {**given, "mastery": launched.mastery, "on_record": given.get("on_record") is True or launched.passed,
            "practice": given.get("practice") is True or (launched.passed and unfinished)}


def _restored(bank: Bank, state: dict) -> str:
    """Exactly what came back from the device or the visit."""
    stage = state["stage"]
    if stage in ("question", "feedback"):
        return f"Your progress has been restored: question {state['index'] + 1} of {len(state['draw'])}."
    return {"result": "Your result has been restored.", "certificate": "Your certificate has been restored."}.get(
        stage, "")


STEPS = engine.Steps(
    widget=QUIZ, version=lambda bank: bank.version,
    fresh=lambda bank, remember, previous: fresh(bank, remember, previous["attempt"] if previous else 0, previous),
    check=checked, view=_view, restored=_restored, table=TABLE, stages=STAGES,
    words=engine.Words(forgotten="Your progress is no longer kept on this device.",
                       remembered="Your progress will be kept on this device."),
    report=_report,
    # What the learning system keeps: packed, never answers or names (quiz.widgets.quiz.resume).
    keep=lambda bank, state, ask: packed(bank, state) if launch(ask.request) else None)


def respond(bank: Bank, ctx: Context, request: Request) -> Response:
    """Answer one request from the browser (see quiz.protocol and quiz.engine). Launched by a learning
    system, what it kept is packed (quiz.widgets.quiz.resume) and the answer says what it should keep."""
    launched = launch(request)
    given = request.get("state")
    if is_packed(given):
        try:
            given = unpacked(bank, given)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            given = None
        given = given if given is not None else {"refused": True}  # the engine says it starts afresh
    return engine.respond(STEPS, bank, ctx, {**request, "state": _launched_facts(given, launched)})

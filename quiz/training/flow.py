"""The training quiz's ``respond``: the reader's path through an attempt.

``respond`` is pure: randomness comes only from the request's ``seed`` and the
date only from its ``today``. The state it returns is plain JSON; the browser
keeps it on the device only when the reader ticked "remember my progress".
"""
from __future__ import annotations

from functools import partial

from .. import forms
from ..context import Context
from ..view import Node, h
from ..protocol import Request, Response, error_summary_id, focus_id, response, restore, selector
from ..widgets import QUIZ
from .bank import TRACKS, Bank
from .certificate import certificate_view
from .names import certificate_name
from .record import PRACTICE, Launch, counts, language_note, launch, mode_note
from .report import report, status_box, versions
from .result import result_view
from .resume import is_packed, packed, unpacked
from .state import advance, checked, fresh, new_attempt, record_date, result
from .views import choose_view, feedback_view, question_view

NAME_MAX = 100


def respond(bank: Bank, ctx: Context, request: Request) -> Response:
    """Answer one request from the browser (see quiz.protocol)."""
    action = str(request.get("action") or "")
    answers = request.get("answers") or {}
    if not isinstance(answers, dict):
        answers = {}
    seed = request.get("seed")
    seed = seed if isinstance(seed, int) and not isinstance(seed, bool) else 0
    given = request.get("state")
    # Launched by a learning system: a counted attempt is reported (see quiz.training.record).
    launched = launch(request)
    reply = partial(_reply, bank, ctx, launched=launched, today=request.get("today"))
    # What a learning system kept is packed (quiz.training.resume); what the page or device kept is whole.
    state, notice = restore(given, lambda s: unpacked(bank, s) if is_packed(s) else checked(bank, s))
    if state is None:
        state = fresh(bank)
        if action not in ("start", "choose-track"):
            return reply(_launched_facts(state, launched), notice, store=False)
    state = _launched_facts(state, launched)
    practice = launched is not None and launched.mode == "Normal" and not counts(launched, state["on_record"])

    stage = state["stage"]
    if action == "start":
        # The page asked, not the reader: focus stays where it is (WCAG 3.2.1, On Focus).
        return reply(state, notice, store=None if given is None else state["remember"], move_focus=False)
    if action == "forget":
        state = {**state, "remember": False}
        return reply(state, "Your progress is no longer kept on this device.", store=False)
    if action == "restart":
        return reply(fresh(bank, state["remember"], state["attempt"]), "")
    if action == "choose-track":
        track = next(iter(forms.answers_get(answers, "track")), None)
        remember = "yes" in forms.answers_get(answers, "remember")
        state = {**state, "remember": remember}
        if track not in TRACKS:
            return reply({**state, "stage": "choose"}, "",
                          errors={"track": "Choose the staff track or the members track"}, store=remember)
        return reply(new_attempt(bank, state, track, seed, practice), "")
    if action == "answer" and stage == "question":
        item = state["draw"][state["index"]]
        q = bank.question(item["q"])
        chosen = [v for v in forms.answers_get(answers, "answer") if v in item["o"]]
        if not chosen or (not q.multiple and len(chosen) != 1):
            return reply(state, "", errors={"answer": q.how.missing_answer})
        state = {**state, "answers": {**state["answers"], q.id: sorted(set(chosen))}}
        if bank.settings.feedback == "after-each":
            return reply({**state, "stage": "feedback"}, "")
        return reply(advance(state), "", finishing=True)
    if action == "next" and stage == "feedback":
        return reply(advance(state), "", finishing=True)
    if action == "retry" and stage in ("result", "certificate"):
        return reply(new_attempt(bank, state, state["track"], seed, practice), "")
    if action == "certificate" and stage == "result" and result(bank, state).passed:
        name = certificate_name(" ".join(forms.answers_get(answers, "name")))
        errors = {}
        if not name:
            errors["name"] = "Enter your name as it should appear on the certificate"
        elif len(name) > NAME_MAX:
            errors["name"] = f"Your name must be {NAME_MAX} characters or fewer"
        if "yes" not in forms.answers_get(answers, "acknowledge"):
            errors["acknowledge"] = "Confirm that you have read and understood the policy and the procedure"
        if errors:
            return reply(state, "", errors=errors, name=name)
        return reply({**state, "stage": "certificate", "name": name, "date": record_date(request.get("today")),
                      "acknowledged": versions(ctx, state)}, "")
    # Anything else (an old button, a repeated click): show the current step again.
    return reply(state, "")


def _launched_facts(state: dict, launched: Launch | None) -> dict:
    """The learning system's facts win over what was kept: its mastery score, and a pass it has on record.
    An unfinished attempt when the learning system already has a pass is practice."""
    if launched is None:
        return state
    unfinished = state["stage"] in ("question", "feedback")
    return {**state, "mastery": launched.mastery, "on_record": state["on_record"] or launched.passed,
            "practice": state["practice"] or (launched.passed and unfinished)}


def _reply(bank: Bank, ctx: Context, state: dict, notice: str, *, launched: Launch | None, today: object = None,
           errors: dict[str, str] | None = None, store: bool | None = None, name: str = "",
           finishing: bool = False, move_focus: bool = True) -> Response:
    stage = state["stage"]
    # The moment a counted attempt's last question is scored, its result goes to the learning system.
    counted = launched is not None and launched.mode == "Normal" and not state["practice"]
    sent = None
    if counted and finishing and stage == "result":
        sent = report(bank, ctx, state, today)
        state = {**state, "on_record": state["on_record"] or sent["passed"]}
    if stage == "choose":
        view, announce = choose_view(bank, state, errors), "Choose the staff track or the members track"
    elif stage == "question":
        view, announce = question_view(bank, state, errors)
    elif stage == "feedback":
        view, announce = feedback_view(bank, ctx, state)
    elif stage == "result":
        # The learning system's name for the learner fills the field until the reader types their own.
        learner = launched.learner if launched else ""
        view, announce = result_view(bank, ctx, state, errors, name or learner, NAME_MAX, launched is not None)
    else:
        view, announce = certificate_view(bank, state, launched is not None)
    focus = focus_id(QUIZ, stage)
    if errors:
        focus = error_summary_id(QUIZ)
        announce = "There is a problem: " + "; ".join(errors.values())
    if notice:
        view = forms.notice(notice, view)
        announce = f"{notice} {announce}"
    if store is None:
        store = True if state["remember"] else None
    if launched:
        view = _launched_view(bank, state, launched, counted, view)
        # Focus goes to the step's heading, below the note: screen readers hear the note with the step.
        note = mode_note(launched) or (PRACTICE if state["practice"] else None)
        if note and (stage == "result" or (stage == "question" and state["index"] == 0)):
            announce = f"{note} {announce}"
    out = response(view, state, focus=selector(focus) if move_focus else None, announce=announce, store=store,
                   report=sent)
    if launched:
        out["lms_state"] = packed(bank, state)  # what the learning system keeps (never answers or names)
    return out


def _launched_view(bank: Bank, state: dict, launched: Launch, counted: bool, view: Node) -> Node:
    """Around a step in a learning system: whether its result is recorded, and the way back."""
    stage = state["stage"]
    before = []
    if language_note(launched):
        before.append(h("p", {"class": "lms-note", "lang": "en-GB"}, language_note(launched)))
    if launched.mode != "Normal":
        before.append(h("p", {"class": "lms-note"}, mode_note(launched)))
    elif state["practice"] and stage != "choose":
        before.append(h("p", {"class": "lms-note"}, PRACTICE))
    elif counted and stage in ("result", "certificate"):
        before.append(status_box(result(bank, state).passed))
    after = None
    if launched.exit:
        after = h("div", {"class": "quiz-actions lms-exit"},
                  h("button", {"type": "button", "class": "md-button", "data-client-action": "lms-exit"},
                    "Exit and return to your learning system"))
    return h("div", {}, *before, view, after)

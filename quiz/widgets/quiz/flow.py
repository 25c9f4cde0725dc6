"""The training quiz's ``respond``: the reader's path through an attempt.

``respond`` is pure: randomness comes only from the request's ``seed`` and the
date only from its ``today``. The state it returns is plain JSON; the browser
keeps it on the device only when the reader ticked "remember my progress".
"""
from __future__ import annotations

from functools import partial

from ... import forms
from ...context import Context
from ...view import h
from ...protocol import Request, Response, error_summary_id, focus_id, response, restore, selector
from .. import QUIZ
from .bank import TRACKS, Bank
from .certificate import certificate_view
from .report import launch, report, status_box, versions
from .names import certificate_name
from .result import result_view
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
    # Launched by a learning system: a finished attempt is reported (see quiz.widgets.quiz.report).
    reply = partial(_reply, bank, ctx, launched=launch(request))
    state, notice = restore(given, lambda s: checked(bank, s))
    if state is None:
        state = fresh(bank)
        if action not in ("start", "choose-track"):
            return reply(state, notice, store=False)

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
        return reply(new_attempt(bank, state, track, seed), "")
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
        return reply(new_attempt(bank, state, state["track"], seed), "")
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
                      "acknowledged": versions(ctx, state)}, "", finishing=True)
    # Anything else (an old button, a repeated click): show the current step again.
    return reply(state, "")


def _reply(bank: Bank, ctx: Context, state: dict, notice: str, *, launched: dict[str, str] | None,
           errors: dict[str, str] | None = None, store: bool | None = None, name: str = "",
           finishing: bool = False, move_focus: bool = True) -> Response:
    stage = state["stage"]
    if stage == "choose":
        view, announce = choose_view(bank, state, errors), "Choose the staff track or the members track"
    elif stage == "question":
        view, announce = question_view(bank, state, errors)
    elif stage == "feedback":
        view, announce = feedback_view(bank, ctx, state)
    elif stage == "result":
        # The learning system's name for the learner fills the field until the reader types their own.
        learner = launched["learner"] if launched else ""
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
    finished = stage == "certificate" or (stage == "result" and not result(bank, state).passed)
    if launched and finished:
        view = h("div", {}, status_box(stage == "certificate"), view)
    sent = report(bank, ctx, state) if launched and finished and finishing else None
    return response(view, state, focus=selector(focus) if move_focus else None, announce=announce, store=store,
                    report=sent)

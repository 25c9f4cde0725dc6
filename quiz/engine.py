"""The one widget engine: a widget declares its steps and views; this runs them, the same way for all.

A widget gives a ``Steps``: a table of (stage, action) to a handler that returns
a ``Turn`` (the new state, errors, what to say), a ``view`` of each stage, and a
``check`` of a saved state's own fields. The engine does everything else once:

- **restore**, never trusting what the device gives back: the state must carry
  this data file's version, a stage the table knows and a boolean ``remember``,
  and pass the widget's ``check`` (which gets today's date, to check dates
  against); anything else starts afresh with ``STALE_NOTICE``, and forgets it;
- **start**: shows what was restored and says exactly what that was
  (``restored``), or leaves the static page as it is when nothing was saved;
- **remember, forget, restart**, and an action nobody knows (an old page, a
  repeated click): the step is shown again;
- **focus** (the stage's heading, the error summary, or left alone) and the
  **announcement**, with any notice shown on screen and announced once;
- **storage**: ``store`` is True while the reader asked to be remembered.

Everything is pure: the request carries the seed and today's date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from . import forms
from .context import Context
from .protocol import (STALE_NOTICE, STATE_VERSION_KEY, Request, Response, error_summary_id, focus_id, response,
                       restore, selector)
from .view import Node

ANY = "*"  # a table row for an action in every stage
STAGE = "stage"  # Turn.focus: the new stage's heading (focus_id)


@dataclass(frozen=True)
class Ask:
    """A request, read once and defensively: every field has the type the handlers expect."""

    action: str
    arg: str  # after a colon in the action: "change:role" -> action "change", arg "role"
    answers: dict[str, list[str]]
    seed: int
    today: str
    given: Any  # the saved state as the page sent it (never trusted: see restore)
    request: Request

    @classmethod
    def of(cls, request: Request) -> "Ask":
        action, _, arg = str(request.get("action") or "").partition(":")
        answers = request.get("answers") or {}
        seed = request.get("seed")
        today = request.get("today")
        return cls(action, arg, answers if isinstance(answers, dict) else {},
                   seed if isinstance(seed, int) and not isinstance(seed, bool) else 0,
                   today if isinstance(today, str) else "", request.get("state"), request)


@dataclass(frozen=True)
class Turn:
    """What a handler decided: the new state, and anything that differs from the engine's defaults."""

    state: dict
    errors: dict[str, str] = field(default_factory=dict)
    announce: str | None = None  # None: what the view says
    store: bool | None = None  # None: keep on the device while the reader asked to be remembered
    focus: str | None = STAGE  # STAGE, an element id, or None to leave focus where it is
    shown: dict[str, Any] = field(default_factory=dict)  # passed to the view (e.g. the name as typed)
    finishing: bool = False  # this turn finished something a learning system hears about (Steps.report)
    notice: str = ""  # one line shown above the step and announced


Handler = Callable[[Any, Context, dict, Ask], Turn]


@dataclass(frozen=True)
class Words:
    """What the engine says for a widget: its noun for what it keeps ("answers", "progress")."""

    forgotten: str
    remembered: str
    restarted: str | None = None  # None: the first step's own announcement


@dataclass(frozen=True)
class Steps:
    """What a widget declares; ``respond`` does the rest. Each callable takes the model first."""

    widget: str
    version: Callable[[Any], str]  # the data file's fingerprint: a saved state from another is not used
    fresh: Callable[[Any, bool, dict | None], dict]  # (model, remember, previous state or None) -> first stage
    check: Callable[[Any, Context, dict, Ask], bool]  # a saved state's own fields, beyond what the engine checks
    view: Callable[[Any, Context, dict, dict[str, str], Ask, dict], tuple[Node, str]]  # -> (view, announcement)
    restored: Callable[[Any, dict], str]  # what a restored state holds, in words ("" for nothing)
    table: dict[tuple[str, str], Handler]
    stages: tuple[str, ...]
    words: Words
    static_first: bool = False  # the page's static HTML is the first step: nothing saved, nothing to draw
    restart_forgets: bool = False  # "start again" also forgets what the device kept
    keep_form: Callable[[Any, dict, Ask], dict] | None = None  # on remember/forget: keep what is on the form
    report: Callable[[Any, Context, dict, Ask], dict | None] | None = None  # for a learning system
    keep: Callable[[Any, dict, Ask], Any] | None = None  # what a learning system keeps to resume (None: nothing)


def checked(steps: Steps, model: Any, ctx: Context, state: Any, ask: Ask) -> dict | None:
    """A saved state this version of the widget wrote for this data file, or None."""
    if not isinstance(state, dict) or state.get(STATE_VERSION_KEY) != steps.version(model):
        return None
    if state.get("stage") not in steps.stages or not isinstance(state.get("remember"), bool):
        return None
    return dict(state) if steps.check(model, ctx, state, ask) else None


def respond(steps: Steps, model: Any, ctx: Context, request: Request) -> Response:
    """One step of any widget (see quiz.protocol for the request and the response)."""
    ask = Ask.of(request)
    state, notice = restore(ask.given, lambda s: checked(steps, model, ctx, s, ask))
    if notice:  # not something this version wrote: start afresh, say so, and forget it
        return _reply(steps, model, ctx, ask, Turn(steps.fresh(model, False, None), store=False, notice=notice))
    if ask.action == "start":
        return _start(steps, model, ctx, ask, state)
    state = state if state is not None else steps.fresh(model, False, None)
    return _reply(steps, model, ctx, ask, _turn(steps, model, ctx, state, ask))


def _start(steps: Steps, model: Any, ctx: Context, ask: Ask, state: dict | None) -> Response:
    """The page opened (the page asked, not the reader): focus stays put (WCAG 3.2.1, On Focus)."""
    if state is None and steps.static_first:
        return response(None, None)
    state = state if state is not None else steps.fresh(model, False, None)
    # What the page says it restored is what the restored state holds, and nothing more.
    said = steps.restored(model, state) if ask.given is not None else ""
    return _reply(steps, model, ctx, ask, Turn(state, focus=None, notice=said))


def _turn(steps: Steps, model: Any, ctx: Context, state: dict, ask: Ask) -> Turn:
    """What the reader's action does: the engine's own actions first, then the widget's table."""
    words = steps.words
    if ask.action in ("remember", "forget"):
        remember = ask.action == "remember"
        if steps.keep_form and ask.answers:
            state = steps.keep_form(model, state, ask)
        return Turn({**state, "remember": remember}, store=remember,
                    notice=words.remembered if remember else words.forgotten)
    if ask.action == "restart":
        remember = state["remember"] and not steps.restart_forgets
        return Turn(steps.fresh(model, remember, state), announce=words.restarted,
                    store=False if steps.restart_forgets else None)
    handler = steps.table.get((state["stage"], ask.action)) or steps.table.get((ANY, ask.action))
    if handler is None:  # an old button, a repeated click: show the current step again
        return Turn(state)
    return handler(model, ctx, state, ask)


def _reply(steps: Steps, model: Any, ctx: Context, ask: Ask, turn: Turn) -> Response:
    state, w = turn.state, steps.widget
    view, announce = steps.view(model, ctx, state, turn.errors, ask, turn.shown)
    if turn.announce is not None:
        announce = turn.announce
    focus = None if turn.focus is None else focus_id(w, state["stage"]) if turn.focus == STAGE else turn.focus
    if turn.errors:
        focus = error_summary_id(w)
        n = len(turn.errors)
        announce = f"There {'is a problem' if n == 1 else f'are {n} problems'}: " + "; ".join(turn.errors.values())
    if turn.notice:
        view = forms.notice(turn.notice, view)
        announce = f"{turn.notice} {announce}".strip()
    store = turn.store if turn.store is not None else (True if state["remember"] else None)
    sent = steps.report(model, ctx, state, ask) if steps.report and turn.finishing else None
    kept = steps.keep(model, state, ask) if steps.keep else None
    return response(view, state, focus=selector(focus) if focus else None, announce=announce, store=store,
                    report=sent, lms_state=kept)


__all__ = ["ANY", "STAGE", "STALE_NOTICE", "Ask", "Handler", "Steps", "Turn", "Words", "checked", "respond"]

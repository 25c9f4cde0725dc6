"""What the browser and a widget say to each other, and what every widget module provides.

The browser's worker sends a ``Request`` as JSON to ``quiz.browser.handle``,
which passes it to the widget's ``respond`` and sends back the ``Response``
that ``response()`` built. Randomness (``seed``) and time (``today``) come from
the page, so that every widget function stays pure.

These TypedDicts are the one definition of the protocol, the worker's messages
included: ``types/protocol.d.ts``, which TypeScript checks the browser code
against, is generated from them (``python -m tests.support.protocol_types``),
and a test fails when the two differ.
"""
from __future__ import annotations

from typing import Any, Callable, Literal, NotRequired, Protocol, TypedDict, runtime_checkable

from .checker import Problem
from .context import Context
from .view import Node


class Launch(TypedDict):
    """The learning system that launched the quiz (docs/javascripts/lms-widget.js)."""

    system: str  # "scorm" or "cmi5"
    learner: str  # the learner's name as the system gave it ("" if none)
    passed: bool  # a pass is already on record (quiz.widgets.quiz.record)
    mastery: float | None  # the learning system's mastery score, 0 to 1
    mode: str  # "Normal", "Browse" or "Review"
    exit: bool  # the learning system gave a place to return to (cmi5 returnURL)
    languages: list[str]  # the learner's language preferences, in order (cmi5 11.1)


class Request(TypedDict):
    """One request from a widget on the page (docs/javascripts/widgets.js)."""

    action: str  # the button pressed ("start" when the page opens)
    answers: dict[str, list[str]]  # the form's fields, as FormData gives them
    state: Any  # what the last response said to keep (or what the device kept); never trusted
    seed: int  # randomness, from the page
    today: str  # the reader's date, YYYY-MM-DD
    lms: NotRequired[Launch]  # only when a learning system launched the page


class Response(TypedDict):
    """A widget's answer (built only by ``response()``)."""

    view: Node | None  # the widget's new content; None leaves the page as it is
    state: Any  # plain JSON the page sends back with the next request
    focus: str | None  # CSS selector of the element focus moves to; None leaves focus alone
    announce: str  # said to screen readers
    store: bool | None  # True: keep `state` on the device; False: forget it; None: leave storage alone
    # Completion data for a learning system (an LMS adapter reads it); only sent when a widget sets it.
    report: NotRequired[dict[str, Any]]
    # What a learning system keeps to resume (packed: no answers, no names); only when one launched the page.
    lms_state: NotRequired[Any]


# The worker's messages (docs/javascripts/python-client.js <-> python-worker.js).
class Prepare(TypedDict):
    """Page to worker: load one widget's data file (sent when a widget mounts)."""

    id: int
    prepare: str  # the widget's name


class Handle(TypedDict):
    """Page to worker: one request for one widget on a page whose site root is `root`."""

    id: int
    widget: str
    root: str
    request: Request


class Answered(TypedDict):
    """Worker to page: the reply to a Prepare (response None) or a Handle."""

    id: int
    ok: Literal[True]
    response: Response | None


class Failed(TypedDict):
    """Worker to page: a Prepare or Handle failed, and why."""

    id: int
    ok: Literal[False]
    error: str


class Loaded(TypedDict):
    """Bytes of the runtime downloaded so far, and when (the worker's clock, epoch ms)."""

    loaded: int
    at: float


class Progress(TypedDict):
    """Worker to page, at most every 250 ms while downloading: the start is slow, not stuck."""

    progress: Loaded


class Stage(TypedDict):
    """A stage of the worker's start and when it finished (epoch ms)."""

    name: str
    at: float


class Step(TypedDict):
    """Worker to page at each stage of the start (read by bench/widget_start.py)."""

    step: Stage


def response(view: Node | None, state: Any, *, focus: str | None = None, announce: str = "",
             store: bool | None = None, report: dict[str, Any] | None = None, lms_state: Any = None) -> Response:
    """The one way a widget builds its answer to the browser."""
    out: Response = {"view": view, "state": state, "focus": focus, "announce": announce, "store": store}
    if report is not None:
        out["report"] = report
    if lms_state is not None:
        out["lms_state"] = lms_state
    return out


def focus_id(widget: str, part: str) -> str:
    """The id of the heading a step moves focus to, e.g. ``quiz-result-title``: one rule for every widget."""
    return f"{widget}-{part}-title"


def error_summary_id(widget: str) -> str:
    """The id of a form's error summary (focus goes there when an answer is missing)."""
    return f"{widget}-error-summary"


def selector(element_id: str) -> str:
    """A Response's ``focus`` for an element id."""
    return "#" + element_id


@runtime_checkable
class Widget(Protocol):
    """What each widget module provides, so that the build, the browser and the tests drive all of them alike."""

    def load(self, raw: dict, file: str, clause_ids: set[str]) -> tuple[Any, list[Problem]]:
        """Check its data file's contents: (model, []) or (None, every problem)."""

    def render(self, model: Any, ctx: Context) -> Node:
        """The static view: works without JavaScript, prints."""

    def respond(self, model: Any, ctx: Context, request: Request) -> Response:
        """Answer one request from the browser."""


# Saved state: every widget's state carries the version of the data it was made from.
# Anything else the device gives back (an older data file, a shape this code did not write,
# garbage) is dropped, and the widget starts afresh with this notice.
STATE_VERSION_KEY = "v"
STALE_NOTICE = "What was saved on this device was for an earlier version of this page, so it starts again."


def restore(given: Any, check: Callable[[Any], Any]) -> tuple[Any, str]:
    """The saved state `given` if `check` accepts it (check returns None to refuse), and a notice.

    Nothing given: (None, ""). Refused, or `check` trips over it: (None, STALE_NOTICE). Never raises,
    so nothing a device hands back can break a widget.
    """
    if given is None:
        return None, ""
    try:
        state = check(given)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        state = None
    return (state, "") if state is not None else (None, STALE_NOTICE)

"""Small view parts the training quiz's steps share."""
from __future__ import annotations

from ... import forms
from ...context import Context
from ...view import Node, h
from .. import QUIZ
from ...documents import DOCUMENTS
from .bank import Question

HONESTY = ("This is a static website: the quiz runs on your own device and nothing is sent anywhere. "
           "It cannot prove who took the quiz, or that they took it without help.")
# Launched by a learning system, the quiz does send one thing: the result (see the privacy page).
HONESTY_LAUNCHED = ("Your learning system opened this quiz, so the quiz sends it your result: your score, "
                    "whether you passed, the track, and the versions you confirmed. It never sends your answers.")


def honesty(launched: bool) -> str:
    """What the quiz says about what it sends: nothing, or (in a learning system) the result."""
    return HONESTY_LAUNCHED if launched else HONESTY


def heading(step: str, text: str) -> Node:
    """A quiz step's heading (forms.step_heading, styled as the quiz's)."""
    return forms.step_heading(QUIZ, step, text, cls="quiz-heading")


def read(ctx: Context, clauses: tuple[str, ...] | list[str]) -> Node:
    return h("p", {"class": "quiz-read"}, "Read: ", *ctx.cite_all(list(clauses)))


def source(q: Question) -> str:
    docs = " and ".join(DOCUMENTS[d].described for d in q.documents)
    return f"This question is about {docs}."


def option_texts(q: Question, ids: list[str]) -> str:
    texts = [o.text for i in ids if (o := q.option(i))]
    return "; ".join(texts) if texts else "(no answer)"


def right_ids(q: Question, order: list[str]) -> list[str]:
    return [i for i in order if i in q.right]


def remember_note(state: dict) -> Node | None:
    if not state.get("remember"):
        return None
    return h("p", {"class": "quiz-remember-note"},
             "Your progress is kept on this device. ",
             h("button", {"type": "submit", "name": "action", "value": "forget", "class": "link-button"},
               "Stop keeping it"))


def form(*children: Node | None, cls: str = "quiz-form") -> Node:
    return forms.widget_form(*children, cls=cls)


def again_form(state: dict, *, primary: bool) -> Node:
    """Try again, or choose another track (after a result or a certificate)."""
    return form(h("div", {"class": "quiz-actions"},
                  forms.button("Try again with new questions", "retry", secondary=not primary),
                  forms.button("Choose a different track", "restart", secondary=True)),
                remember_note(state), cls="quiz-again-form")

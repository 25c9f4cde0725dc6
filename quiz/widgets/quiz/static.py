"""The training quiz without JavaScript: every question, by topic, with its answer behind "Show answer"."""
from __future__ import annotations

from ... import forms
from ...context import Context
from ...view import Node, h
from .bank import TRACKS, Bank, Question
from .parts import HONESTY, read, source


def render(bank: Bank, ctx: Context) -> Node:
    """The static view: it teaches without JavaScript, and shows while Python loads."""
    s = bank.settings
    timing = "after each question" if s.feedback == "after-each" else "at the end"
    intro = h(
        "div", {"class": "quiz-static-intro"},
        h("p", {}, f"With JavaScript, the quiz asks {s.draw_size} questions drawn from the bank for your track "
                   f"(staff or members), gives feedback {timing}, and marks you out of {s.draw_size}: the pass mark "
                   f"is {s.pass_mark}%. After a pass you can print a certificate and download a completion record."),
        h("p", {}, "Without JavaScript, or while the quiz loads, here is every question in the bank by topic. "
                   "Decide on your answer, then open \u201cShow answer\u201d to check it."),
        h("p", {"class": "quiz-honesty"}, HONESTY),
    )
    sections = []
    for topic, title in bank.topics.items():
        questions = [q for q in bank.questions if q.topic == topic]
        if not questions:
            continue
        sections.append(h(
            "section", {"class": "quiz-topic", "id": f"quiz-topic-{topic}", "aria-labelledby": f"quiz-topic-{topic}-title"},
            h("h3", {"id": f"quiz-topic-{topic}-title"}, title),
            h("ol", {"class": "quiz-bank"}, *[_question(q, ctx) for q in questions]),
        ))
    return h("div", {"class": "quiz-static"}, intro,
             h("h2", {"id": "quiz-all-questions"}, "All the questions, by topic"), *sections)


def _question(q: Question, ctx: Context) -> Node:
    tracks = " and ".join(TRACKS[a].name.lower() for a in q.audiences)
    right = [o.text for o in q.options if o.correct]
    return h(
        "li", {"class": "quiz-bank__question", "id": f"quiz-q-{q.id}"},
        h("p", {"class": "quiz-meta"}, f"{q.how.label} \u00b7 for {tracks} \u00b7 {source(q)}"),
        h("p", {"class": "quiz-scenario"}, q.scenario) if q.scenario else None,
        h("p", {"class": "quiz-question-text"}, q.text),
        # Radios need no hint on paper; "select all that apply" does.
        h("p", {"class": "form-hint"}, q.how.hint) if q.how.multiple else None,
        # True or false needs no list of its two options.
        h("ul", {"class": "quiz-static-options"}, *[h("li", {}, o.text) for o in q.options])
        if not q.how.true_false else None,
        forms.disclosure(
            "Show answer",
            h("p", {"class": "quiz-answer"}, h("strong", {}, "Answer: "), "; ".join(right)),
            h("div", {"class": "site-advice"},
              h("p", {}, q.explanation),
              h("ul", {"class": "quiz-option-feedback"},
                *[h("li", {}, h("strong", {}, f"{o.text}: "), o.feedback) for o in q.options]),
              read(ctx, q.clauses)),
        ),
    )

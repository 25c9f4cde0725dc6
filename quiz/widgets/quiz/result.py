"""The training quiz's result step: score, topic breakdown, a review of every question, and the name form."""
from __future__ import annotations

from ... import forms
from ...context import Context
from ...view import Node, h
from .. import QUIZ
from .bank import TRACKS, Bank
from .parts import again_form, form, heading, honesty, option_texts, read, remember_note, right_ids
from ...documents import DOCUMENTS
from .scoring import Result
from .state import result, versions


def acknowledgement(ctx: Context, state: dict) -> str:
    """What the reader confirms before the certificate, naming the versions they read."""
    v = versions(ctx, state)
    return (f"I have read and understood the {DOCUMENTS['policy'].title} (version {v['policy']}) "
            f"and Procedure (version {v['procedure']})")


def result_view(bank: Bank, ctx: Context, state: dict, errors: dict[str, str] | None,
                name: str, name_max: int, launched: bool = False) -> tuple[Node, str]:
    outcome = result(bank, state)
    title = "You passed" if outcome.passed else "You did not pass this time"
    completion = None
    if outcome.passed:
        completion = form(
            h("h3", {}, "Get your certificate"),
            h("p", {}, "Type your name and confirm what you have read, to make a certificate you can print "
                       "and a completion record to send to your manager."),
            h("p", {"class": "quiz-honesty"}, honesty(launched)),
            forms.error_summary(QUIZ, errors or {}),
            forms.text_input(QUIZ, "name", "Your name", name, hint="As it should appear on the certificate.",
                             error=(errors or {}).get("name"), autocomplete="name", max_length=name_max),
            forms.question(QUIZ, "acknowledge", "The versions you have read", [("yes", acknowledgement(ctx, state))],
                           multiple=True, error=(errors or {}).get("acknowledge"), legend_tag="span",
                           hint="The version is a short code for the text you read; the foot of every page shows it."),
            h("div", {"class": "quiz-actions"}, forms.button("Make my certificate", "certificate")),
            cls="quiz-completion-form",
        )
    rows = []
    for t in outcome.topics:
        rows.append(h("tr", {},
                      h("th", {"scope": "row"}, t.title),
                      h("td", {}, f"{t.right} of {t.asked}"),
                      h("td", {}, "All right" if t.all_right else h("span", {}, "Re-read ", *ctx.cite_all(list(t.clauses))))))
    view = h(
        "div", {"class": "quiz-result"},
        heading("result", title),
        h("p", {"class": "quiz-score"},
          f"You scored {outcome.score} out of {outcome.out_of} ({outcome.percent}%) on the "
          f"{TRACKS[state['track']].name.lower()} track. The pass mark is {outcome.pass_mark}%."),
        completion if completion else h("p", {}, "Re-read the clauses listed below, then try again: "
                                                 "you will get a new set of questions."),
        h("p", {"class": "quiz-honesty"}, honesty(True)) if launched and not outcome.passed else None,
        h("h3", {}, "Your answers by topic"),
        h("table", {"class": "quiz-topics"},
          h("thead", {}, h("tr", {}, h("th", {"scope": "col"}, "Topic"), h("th", {"scope": "col"}, "Right"),
                           h("th", {"scope": "col"}, "What to re-read"))),
          h("tbody", {}, *rows)),
        h("h3", {}, "Review every question"),
        h("ol", {"class": "quiz-review"}, *[_review_item(bank, ctx, state, item, outcome) for item in state["draw"]]),
        again_form(state, primary=True),
    )
    return view, title


def _review_item(bank: Bank, ctx: Context, state: dict, item: dict, outcome: Result) -> Node:
    q = bank.question(item["q"])
    chosen = state["answers"].get(q.id, [])
    right = outcome.marks[q.id]
    # Resumed from a learning system, which keeps whether an answer was right but never the option chosen.
    recalled = q.id in state.get("recalled", [])
    yours = ("not kept (you answered this in an earlier session; your learning system keeps only "
             "whether it was right)") if recalled else option_texts(q, [i for i in item["o"] if i in chosen])
    return h(
        "li", {"class": "quiz-review__item " + ("quiz-review__item--right" if right else "quiz-review__item--wrong")},
        h("p", {"class": "quiz-review__mark"}, h("strong", {}, "Right" if right else "Wrong")),
        h("p", {"class": "quiz-scenario"}, q.scenario) if q.scenario else None,
        h("p", {"class": "quiz-question-text"}, q.text),
        h("p", {}, "Your answer: ", yours),
        h("p", {}, "Right answer: " if len(q.right) == 1 else "Right answers: ",
          option_texts(q, right_ids(q, item["o"]))),
        h("div", {"class": "site-advice"},
          h("p", {}, q.explanation),
          *[h("p", {}, h("strong", {}, f"{o.text}: "), o.feedback)
            for i in item["o"] if i in chosen and not recalled and (o := q.option(i))],
          read(ctx, q.clauses)),
    )

"""The training quiz's steps before the result: choose a track, a question, feedback on it."""
from __future__ import annotations

from ... import forms
from ...context import Context
from ...view import Node, h
from .. import QUIZ
from .bank import TRACKS, Bank, Question
from .parts import form, heading, option_texts, read, remember_note, right_ids, source


def choose_view(bank: Bank, state: dict, errors: dict[str, str] | None) -> Node:
    s = bank.settings
    timing = "after each answer" if s.feedback == "after-each" else "at the end"
    chosen = [state["track"]] if state.get("track") else []
    return form(
        forms.error_summary(QUIZ, errors or {}),
        heading("choose", "Choose your track"),
        h("p", {}, f"You will answer {s.draw_size} questions, one at a time, with feedback {timing}. "
                   f"To pass you need {s.pass_mark}% or more. Each attempt draws new questions."),
        forms.question(
            QUIZ, "track", "Which quiz do you need?", [(t, track.choice) for t, track in TRACKS.items()],
            chosen=chosen, error=(errors or {}).get("track"), legend_tag="h3",
            option_hints={t: f"{track.who} ({len(bank.for_track(t))} questions in the bank)."
                          for t, track in TRACKS.items()},
        ),
        forms.checkbox_option(QUIZ, "remember", "Remember my progress on this device", checked=state["remember"]),
        h("p", {"class": "form-hint"}, "If you tick this, your answers stay in this browser until you finish or "
                                       "choose to stop keeping them. Nothing is sent anywhere."),
        h("div", {"class": "quiz-actions"}, forms.button("Start the quiz", "choose-track")),
    )


def question_view(bank: Bank, state: dict, errors: dict[str, str] | None) -> tuple[Node, str]:
    item = state["draw"][state["index"]]
    q = bank.question(item["q"])
    number, total = state["index"] + 1, len(state["draw"])
    last = number == total
    if bank.settings.feedback == "after-each":
        label = "Check my answer"
    else:
        label = "Finish and see my result" if last else "Next question"
    progress = f"Question {number} of {total}"
    view = form(
        forms.error_summary(QUIZ, errors or {}),
        h("p", {"class": "quiz-track"}, f"{TRACKS[state['track']].name} track"),
        heading("question", progress),
        h("p", {"class": "quiz-scenario", "id": "quiz-scenario"}, q.scenario) if q.scenario else None,
        forms.question(
            QUIZ, "answer", q.text, [(i, q.option(i).text) for i in item["o"]], multiple=q.multiple,
            chosen=state["answers"].get(q.id, []), error=(errors or {}).get("answer"), legend_tag="h3",
            hint=h("span", {}, q.how.hint, " ", h("span", {"class": "quiz-source"}, source(q))),
        ),
        h("div", {"class": "quiz-actions"},
          forms.button(label, "answer"),
          forms.button("Choose a different track", "restart", secondary=True)),
        remember_note(state),
    )
    return view, progress


def _option_review(q: Question, order: list[str], chosen: list[str]) -> Node:
    """Every option with whether it is right, whether the reader chose it, and why."""
    items = []
    for option_id in order:
        o = q.option(option_id)
        picked = option_id in chosen
        tags = []
        if picked:
            tags.append("Your answer")
        tags.append("Right answer" if o.correct else "Not a right answer")
        cls = "quiz-option" + (" quiz-option--right" if o.correct else " quiz-option--wrong") + \
              (" quiz-option--chosen" if picked else "")
        items.append(h("li", {"class": cls},
                       h("p", {}, h("strong", {"class": "quiz-option__tags"}, " \u00b7 ".join(tags) + ": "), o.text),
                       h("p", {"class": "site-advice"}, o.feedback)))
    return h("ul", {"class": "quiz-options-review"}, *items)


def feedback_view(bank: Bank, ctx: Context, state: dict) -> tuple[Node, str]:
    item = state["draw"][state["index"]]
    q = bank.question(item["q"])
    chosen = state["answers"][q.id]
    right = q.how.is_correct(chosen, q.right)
    number, total = state["index"] + 1, len(state["draw"])
    view = form(
        h("p", {"class": "quiz-track"}, f"{TRACKS[state['track']].name} track \u00b7 Question {number} of {total}"),
        heading("feedback", q.how.heading(chosen, q.right)),
        h("p", {"class": "quiz-scenario"}, q.scenario) if q.scenario else None,
        h("p", {"class": "quiz-question-text"}, h("strong", {}, q.text)),
        h("p", {}, "You chose: ", option_texts(q, [i for i in item["o"] if i in chosen]), ". ",
          "The right answer: " if len(q.right) == 1 else "The right answers: ",
          option_texts(q, right_ids(q, item["o"])), "."),
        _option_review(q, item["o"], chosen),
        h("div", {"class": "site-advice quiz-explanation"},
          h("p", {}, q.explanation), read(ctx, q.clauses)),
        h("div", {"class": "quiz-actions"},
          forms.button("See my result" if number == total else "Next question", "next")),
        remember_note(state),
    )
    return view, "Correct" if right else "Incorrect"

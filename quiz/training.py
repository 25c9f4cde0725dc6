"""The training quiz (widget ``quiz``): views and the reader's path through an attempt.

Steps: choose a track -> one question at a time (feedback after each, or all at
the end, as quiz.toml says) -> result with a topic breakdown and a review ->
for a pass, the reader's name -> certificate and completion record. The bank
lives in quiz.bank, the draw in quiz.draw and the scoring rules in quiz.scoring.

``respond`` is pure: randomness comes only from the request's ``seed`` and the
date only from its ``today``. The state it returns is plain JSON; the browser
keeps it on the device only when the reader ticked "remember my progress".
"""
from __future__ import annotations

import datetime
import json
from typing import Any

from . import forms
from .bank import DOCUMENTS, KINDS, TRACKS, Bank, Question, parse
from .context import Context
from .draw import attempt_seed, draw
from .problems import Problem
from .scoring import Result, score
from .view import Node, h

WIDGET = "quiz"
NAME_MAX = 100
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
HONESTY = ("This is a static website: the quiz runs on your own device and nothing is sent anywhere. "
           "It cannot prove who took the quiz, or that they took it without help.")

# Where focus goes after each step (CSS selectors inside the widget).
FOCUS = {
    "choose": "#quiz-choose-heading",
    "question": "#quiz-question-heading",
    "feedback": "#quiz-feedback-heading",
    "result": "#quiz-result-heading",
    "certificate": "#quiz-certificate-heading",
    "error": "#quiz-error-summary",
}


def load(raw: dict, file: str, clause_ids: set[str]) -> tuple[Bank | None, list[Problem]]:
    """Parse and check quiz.toml (see quiz.bank); every problem at once."""
    return parse(raw, file, clause_ids)


# ---------------------------------------------------------------- small parts

def _heading(step: str, text: str, tag: str = "h2") -> Node:
    return h(tag, {"id": FOCUS[step][1:], "tabindex": "-1", "class": "quiz-heading"}, text)


def _read(ctx: Context, clauses: tuple[str, ...] | list[str]) -> Node:
    return h("p", {"class": "quiz-read"}, "Read: ", *ctx.cite_all(list(clauses)))


def _source(q: Question) -> str:
    docs = " and ".join(DOCUMENTS[d] for d in q.documents)
    return f"This question is about {docs}."


def _kind_hint(q: Question) -> str:
    if q.kind == "multiple":
        return "Select all that apply."
    if q.kind == "true-false":
        return "Is this true or false?"
    return "Choose one answer."


def _option_texts(q: Question, ids: list[str]) -> str:
    texts = [o.text for i in ids if (o := q.option(i))]
    return "; ".join(texts) if texts else "(no answer)"


def _right_ids(q: Question, order: list[str]) -> list[str]:
    return [i for i in order if i in q.right]


def _format_date(today: Any) -> str:
    try:
        d = datetime.date.fromisoformat(str(today))
    except ValueError:
        return "(date not given)"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _remember_note(state: dict) -> Node | None:
    if not state.get("remember"):
        return None
    return h("p", {"class": "quiz-remember-note"},
             "Your progress is kept on this device. ",
             h("button", {"type": "submit", "name": "action", "value": "forget", "class": "link-button"},
               "Stop keeping it"))


# ---------------------------------------------------------------- static view

def render(bank: Bank, ctx: Context) -> Node:
    """Without JavaScript: every question, grouped by topic, with its answer behind "Show answer"."""
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
            h("ol", {"class": "quiz-bank"}, *[_static_question(q, ctx) for q in questions]),
        ))
    return h("div", {"class": "quiz-static"}, intro,
             h("h2", {"id": "quiz-all-questions"}, "All the questions, by topic"), *sections)


def _static_question(q: Question, ctx: Context) -> Node:
    tracks = " and ".join(TRACKS[a].lower() for a in q.audiences)
    right = [o.text for o in q.options if o.correct]
    return h(
        "li", {"class": "quiz-bank__question", "id": f"quiz-q-{q.id}"},
        h("p", {"class": "quiz-meta"}, f"{KINDS[q.kind]} \u00b7 for {tracks} \u00b7 {_source(q)}"),
        h("p", {"class": "quiz-scenario"}, q.scenario) if q.scenario else None,
        h("p", {"class": "quiz-question-text"}, q.text),
        h("p", {"class": "form-hint"}, _kind_hint(q)) if q.kind == "multiple" else None,
        h("ul", {"class": "quiz-static-options"}, *[h("li", {}, o.text) for o in q.options])
        if q.kind != "true-false" else None,
        forms.disclosure(
            "Show answer",
            h("p", {"class": "quiz-answer"}, h("strong", {}, "Answer: "), "; ".join(right)),
            h("div", {"class": "site-advice"},
              h("p", {}, q.explanation),
              h("ul", {"class": "quiz-option-feedback"},
                *[h("li", {}, h("strong", {}, f"{o.text}: "), o.feedback) for o in q.options]),
              _read(ctx, q.clauses)),
        ),
    )


# ---------------------------------------------------------------- state

def _fresh(bank: Bank, remember: bool = False, attempt: int = 0) -> dict:
    return {"v": bank.version, "stage": "choose", "track": None, "remember": remember, "attempt": attempt,
            "seed": 0, "draw": [], "index": 0, "answers": {}, "name": None, "date": None}


def _checked(bank: Bank, state: Any) -> dict | None:
    """The state if it is whole and belongs to this version of the bank; otherwise None."""
    try:
        if not isinstance(state, dict) or state.get("v") != bank.version:
            return None
        stage = state["stage"]
        if stage not in ("choose", "question", "feedback", "result", "certificate"):
            return None
        if not isinstance(state["remember"], bool) or not isinstance(state["attempt"], int):
            return None
        if stage == "choose":
            return {**_fresh(bank, state["remember"], state["attempt"])}
        if state["track"] not in TRACKS:
            return None
        drawn = state["draw"]
        if not isinstance(drawn, list) or not drawn:
            return None
        for item in drawn:
            q = bank.question(item["q"])
            if q is None or state["track"] not in q.audiences or sorted(item["o"]) != sorted(o.id for o in q.options):
                return None
        index, answers = state["index"], state["answers"]
        if not isinstance(index, int) or not 0 <= index < len(drawn) or not isinstance(answers, dict):
            return None
        ids = {item["q"] for item in drawn}
        for qid, chosen in answers.items():
            if qid not in ids or not isinstance(chosen, list) or not all(isinstance(c, str) for c in chosen):
                return None
        if stage in ("result", "certificate") and len(answers) != len(drawn):
            return None
        if stage == "feedback" and drawn[index]["q"] not in answers:
            return None
        if stage == "certificate":
            if not isinstance(state["name"], str) or not state["name"] or not _result(bank, state).passed:
                return None
        return dict(state)
    except (KeyError, TypeError, ValueError):
        return None


def _result(bank: Bank, state: dict) -> Result:
    return score(bank, [item["q"] for item in state["draw"]], state["answers"])


def _new_attempt(bank: Bank, state: dict, track: str, seed: int) -> dict:
    attempt = state["attempt"] + 1
    avoid = [item["q"] for item in state["draw"]] if state.get("track") == track else []
    attempt_draw = draw(bank.for_track(track), bank.settings.draw_size, attempt_seed(seed, attempt), avoid)
    return {**_fresh(bank, state["remember"], attempt), "stage": "question", "track": track,
            "seed": seed, "draw": attempt_draw}


# ---------------------------------------------------------------- respond

def respond(bank: Bank, ctx: Context, request: dict) -> dict:
    """Answer one request from the browser (see quiz.browser for its shape)."""
    action = str(request.get("action") or "")
    answers = request.get("answers") or {}
    if not isinstance(answers, dict):
        answers = {}
    seed = request.get("seed")
    seed = seed if isinstance(seed, int) and not isinstance(seed, bool) else 0
    given = request.get("state")
    state = _checked(bank, given)
    notice = None
    if state is None:
        if given is not None and action == "start":
            notice = ("The saved progress on this device was for an earlier version of the quiz, "
                      "so the quiz starts again.")
        state = _fresh(bank)
        if action not in ("start", "choose-track"):
            return _reply(bank, ctx, state, notice or "", store=False)

    stage = state["stage"]
    if action == "start":
        return _reply(bank, ctx, state, notice or "", store=None if given is None else state["remember"])
    if action == "forget":
        state = {**state, "remember": False}
        return _reply(bank, ctx, state, "Your progress is no longer kept on this device.", store=False)
    if action == "restart":
        return _reply(bank, ctx, _fresh(bank, state["remember"], state["attempt"]), "")
    if action == "choose-track":
        track = next(iter(forms.answers_get(answers, "track")), None)
        remember = "yes" in forms.answers_get(answers, "remember")
        state = {**state, "remember": remember}
        if track not in TRACKS:
            return _reply(bank, ctx, {**state, "stage": "choose"}, "",
                          errors={"track": "Choose the staff track or the members track"}, store=remember)
        return _reply(bank, ctx, _new_attempt(bank, state, track, seed), "")
    if action == "answer" and stage == "question":
        item = state["draw"][state["index"]]
        q = bank.question(item["q"])
        chosen = [v for v in forms.answers_get(answers, "answer") if v in item["o"]]
        if not chosen or (not q.multiple and len(chosen) != 1):
            message = "Select at least one answer" if q.multiple else "Choose an answer"
            return _reply(bank, ctx, state, "", errors={"answer": message})
        state = {**state, "answers": {**state["answers"], q.id: sorted(set(chosen))}}
        if bank.settings.feedback == "after-each":
            return _reply(bank, ctx, {**state, "stage": "feedback"}, "")
        return _reply(bank, ctx, _advance(state), "")
    if action == "next" and stage == "feedback":
        return _reply(bank, ctx, _advance(state), "")
    if action == "retry" and stage in ("result", "certificate"):
        return _reply(bank, ctx, _new_attempt(bank, state, state["track"], seed), "")
    if action == "certificate" and stage == "result" and _result(bank, state).passed:
        name = " ".join(" ".join(forms.answers_get(answers, "name")).split())
        error = None
        if not name:
            error = "Enter your name as it should appear on the certificate"
        elif len(name) > NAME_MAX:
            error = f"Your name must be {NAME_MAX} characters or fewer"
        if error:
            return _reply(bank, ctx, state, "", errors={"name": error}, name=name)
        return _reply(bank, ctx, {**state, "stage": "certificate", "name": name,
                                  "date": str(request.get("today") or "")}, "")
    # Anything else (an old button, a repeated click): show the current step again.
    return _reply(bank, ctx, state, "")


def _advance(state: dict) -> dict:
    index = state["index"] + 1
    if index >= len(state["draw"]):
        return {**state, "stage": "result"}
    return {**state, "stage": "question", "index": index}


def _reply(bank: Bank, ctx: Context, state: dict, notice: str, *, errors: dict[str, str] | None = None,
           store: bool | None = None, name: str = "") -> dict:
    stage = state["stage"]
    if stage == "choose":
        view, announce = _choose_view(bank, state, errors), "Choose the staff track or the members track"
    elif stage == "question":
        view, announce = _question_view(bank, state, errors)
    elif stage == "feedback":
        view, announce = _feedback_view(bank, ctx, state)
    elif stage == "result":
        view, announce = _result_view(bank, ctx, state, errors, name)
    else:
        view, announce = _certificate_view(bank, state)
    focus = FOCUS[stage]
    if errors:
        focus = FOCUS["error"]
        announce = "There is a problem: " + "; ".join(errors.values())
    if notice:
        view = h("div", {}, h("p", {"class": "quiz-notice"}, notice), view)
        announce = f"{notice} {announce}"
    if store is None:
        store = True if state["remember"] else None
    return {"view": view, "state": state, "focus": focus, "announce": announce, "store": store}


# ---------------------------------------------------------------- views

def _form(*children: Node | None, cls: str = "quiz-form") -> Node:
    return h("form", {"class": f"widget-form {cls}", "novalidate": True}, *children)


def _choose_view(bank: Bank, state: dict, errors: dict[str, str] | None) -> Node:
    s = bank.settings
    timing = "after each answer" if s.feedback == "after-each" else "at the end"
    staff, members = len(bank.for_track("staff")), len(bank.for_track("members"))
    chosen = [state["track"]] if state.get("track") else []
    return _form(
        forms.error_summary(WIDGET, errors or {}),
        _heading("choose", "Choose your track"),
        h("p", {}, f"You will answer {s.draw_size} questions, one at a time, with feedback {timing}. "
                   f"To pass you need {s.pass_mark}% or more. Each attempt draws new questions."),
        forms.question(
            WIDGET, "track", "Which quiz do you need?",
            [("staff", "Staff"), ("members", "Members (elected councillors)")],
            chosen=chosen, error=(errors or {}).get("track"), legend_tag="h3",
            option_hints={"staff": f"For council employees: the whole policy and procedure ({staff} questions in the bank).",
                          "members": f"For councillors: the parts that apply to members ({members} questions in the bank)."},
        ),
        forms.checkbox_option(WIDGET, "remember", "Remember my progress on this device", checked=state["remember"]),
        h("p", {"class": "form-hint"}, "If you tick this, your answers stay in this browser until you finish or "
                                       "choose to stop keeping them. Nothing is sent anywhere."),
        h("div", {"class": "quiz-actions"}, forms.button("Start the quiz", "choose-track")),
    )


def _question_view(bank: Bank, state: dict, errors: dict[str, str] | None) -> tuple[Node, str]:
    item = state["draw"][state["index"]]
    q = bank.question(item["q"])
    number, total = state["index"] + 1, len(state["draw"])
    last = number == total
    if bank.settings.feedback == "after-each":
        label = "Check my answer"
    else:
        label = "Finish and see my result" if last else "Next question"
    progress = f"Question {number} of {total}"
    view = _form(
        forms.error_summary(WIDGET, errors or {}),
        h("p", {"class": "quiz-track"}, f"{TRACKS[state['track']]} track"),
        _heading("question", progress),
        h("p", {"class": "quiz-scenario", "id": "quiz-scenario"}, q.scenario) if q.scenario else None,
        forms.question(
            WIDGET, "answer", q.text, [(i, q.option(i).text) for i in item["o"]], multiple=q.multiple,
            chosen=state["answers"].get(q.id, []), error=(errors or {}).get("answer"), legend_tag="h3",
            hint=h("span", {}, _kind_hint(q), " ", h("span", {"class": "quiz-source"}, _source(q))),
        ),
        h("div", {"class": "quiz-actions"},
          forms.button(label, "answer"),
          forms.button("Choose a different track", "restart", secondary=True)),
        _remember_note(state),
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


def _feedback_view(bank: Bank, ctx: Context, state: dict) -> tuple[Node, str]:
    item = state["draw"][state["index"]]
    q = bank.question(item["q"])
    chosen = state["answers"][q.id]
    right = set(chosen) == q.right
    number, total = state["index"] + 1, len(state["draw"])
    heading = "Correct" if right else "Not quite" if q.multiple and set(chosen) & q.right else "Incorrect"
    view = _form(
        h("p", {"class": "quiz-track"}, f"{TRACKS[state['track']]} track \u00b7 Question {number} of {total}"),
        _heading("feedback", heading),
        h("p", {"class": "quiz-scenario"}, q.scenario) if q.scenario else None,
        h("p", {"class": "quiz-question-text"}, h("strong", {}, q.text)),
        h("p", {}, "You chose: ", _option_texts(q, [i for i in item["o"] if i in chosen]), ". ",
          "The right answer: " if len(q.right) == 1 else "The right answers: ",
          _option_texts(q, _right_ids(q, item["o"])), "."),
        _option_review(q, item["o"], chosen),
        h("div", {"class": "site-advice quiz-explanation"},
          h("p", {}, q.explanation), _read(ctx, q.clauses)),
        h("div", {"class": "quiz-actions"},
          forms.button("See my result" if number == total else "Next question", "next")),
        _remember_note(state),
    )
    return view, "Correct" if right else "Incorrect"


def _result_view(bank: Bank, ctx: Context, state: dict, errors: dict[str, str] | None,
                 name: str) -> tuple[Node, str]:
    result = _result(bank, state)
    heading = "You passed" if result.passed else "You did not pass this time"
    completion = None
    if result.passed:
        completion = _form(
            h("h3", {}, "Get your certificate"),
            h("p", {}, "Type your name to make a certificate you can print and a completion record to send "
                       "to your manager."),
            h("p", {"class": "quiz-honesty"}, HONESTY),
            forms.error_summary(WIDGET, errors or {}),
            forms.text_input(WIDGET, "name", "Your name", name, hint="As it should appear on the certificate.",
                             error=(errors or {}).get("name"), autocomplete="name", max_length=NAME_MAX),
            h("div", {"class": "quiz-actions"}, forms.button("Make my certificate", "certificate")),
            cls="quiz-completion-form",
        )
    rows = []
    for t in result.topics:
        rows.append(h("tr", {},
                      h("th", {"scope": "row"}, t.title),
                      h("td", {}, f"{t.right} of {t.asked}"),
                      h("td", {}, "All right" if t.all_right else h("span", {}, "Re-read ", *ctx.cite_all(list(t.clauses))))))
    view = h(
        "div", {"class": "quiz-result"},
        _heading("result", heading),
        h("p", {"class": "quiz-score"},
          f"You scored {result.score} out of {result.out_of} ({result.percent}%) on the "
          f"{TRACKS[state['track']].lower()} track. The pass mark is {result.pass_mark}%."),
        completion if completion else h("p", {}, "Re-read the clauses listed below, then try again: "
                                                 "you will get a new set of questions."),
        h("h3", {}, "Your answers by topic"),
        h("table", {"class": "quiz-topics"},
          h("thead", {}, h("tr", {}, h("th", {"scope": "col"}, "Topic"), h("th", {"scope": "col"}, "Right"),
                           h("th", {"scope": "col"}, "What to re-read"))),
          h("tbody", {}, *rows)),
        h("h3", {}, "Review every question"),
        h("ol", {"class": "quiz-review"}, *[_review_item(bank, ctx, state, item, result) for item in state["draw"]]),
        _form(h("div", {"class": "quiz-actions"},
                forms.button("Try again with new questions", "retry"),
                forms.button("Choose a different track", "restart", secondary=True)),
              _remember_note(state), cls="quiz-again-form"),
    )
    return view, heading


def _review_item(bank: Bank, ctx: Context, state: dict, item: dict, result: Result) -> Node:
    q = bank.question(item["q"])
    chosen = state["answers"].get(q.id, [])
    right = result.marks[q.id]
    return h(
        "li", {"class": "quiz-review__item " + ("quiz-review__item--right" if right else "quiz-review__item--wrong")},
        h("p", {"class": "quiz-review__mark"}, h("strong", {}, "Right" if right else "Wrong")),
        h("p", {"class": "quiz-scenario"}, q.scenario) if q.scenario else None,
        h("p", {"class": "quiz-question-text"}, q.text),
        h("p", {}, "Your answer: ", _option_texts(q, [i for i in item["o"] if i in chosen])),
        h("p", {}, "Right answer: " if len(q.right) == 1 else "Right answers: ",
          _option_texts(q, _right_ids(q, item["o"]))),
        h("div", {"class": "site-advice"},
          h("p", {}, q.explanation),
          *[h("p", {}, h("strong", {}, f"{o.text}: "), o.feedback)
            for i in item["o"] if i in chosen and (o := q.option(i))],
          _read(ctx, q.clauses)),
    )


def completion_record(bank: Bank, state: dict) -> dict:
    """The plain-data record a reader sends to their manager."""
    result = _result(bank, state)
    return {
        "record": "Social media policy training quiz: completion",
        "name": state["name"],
        "date": state["date"],
        "track": state["track"],
        "score": result.score,
        "out_of": result.out_of,
        "percent": result.percent,
        "pass_mark": result.pass_mark,
        "passed": result.passed,
        "question_bank_version": bank.version,
        "note": "Made by a static website on the reader's device: it does not prove who took the quiz.",
    }


def _certificate_view(bank: Bank, state: dict) -> tuple[Node, str]:
    result = _result(bank, state)
    record = json.dumps(completion_record(bank, state), indent=2, ensure_ascii=False)
    view = h(
        "div", {"class": "quiz-certificate-step"},
        h("div", {"class": "quiz-certificate"},
          _heading("certificate", "Certificate of completion"),
          h("p", {}, "Social media policy and procedure: training quiz"),
          h("p", {}, "This records that"),
          h("p", {"class": "quiz-certificate__name"}, state["name"]),
          h("p", {}, f"passed the quiz on the {TRACKS[state['track']].lower()} track on {_format_date(state['date'])}, "
                     f"scoring {result.score} out of {result.out_of} ({result.percent}%; the pass mark is "
                     f"{result.pass_mark}%)."),
          h("p", {"class": "quiz-certificate__version"}, f"Question bank version: {bank.version}"),
          h("p", {"class": "quiz-honesty"}, HONESTY)),
        h("div", {"class": "quiz-actions js-only"},
          h("button", {"type": "button", "class": "md-button md-button--primary", "data-client-action": "print"},
            "Print the certificate")),
        h("h3", {}, "Send a completion record to your manager"),
        h("p", {}, "Download this small file and send it to your manager by email. It holds the same facts as "
                   "the certificate, as plain text."),
        h("pre", {"class": "completion-record", "id": "quiz-completion-record"}, record),
        h("div", {"class": "quiz-actions js-only"},
          h("button", {"type": "button", "class": "md-button", "data-client-action": "download",
                       "data-filename": "quiz-completion.json", "data-source": "#quiz-completion-record"},
            "Download the record (quiz-completion.json)")),
        _form(h("div", {"class": "quiz-actions"},
                forms.button("Try again with new questions", "retry", secondary=True),
                forms.button("Choose a different track", "restart", secondary=True)),
              _remember_note(state), cls="quiz-again-form"),
    )
    return view, "Your certificate is ready"

"""Reading quiz.toml into a ``Bank``, checking everything an editor could get wrong.

The ``Checker`` (see quiz.checker) collects every problem at once, each naming
the file, the question (or setting) and what is wrong, so an editor can fix
them all in one go.
"""
from __future__ import annotations

from typing import Any

from ...checker import Checker, fingerprint
from .bank import TRACKS, Bank, Option, Question, Settings
from .kinds import KINDS

FEEDBACK_TIMINGS = ("after-each", "at-end")
DEFAULTS = {"draw_size": 10, "pass_mark": 80, "feedback": "after-each", "review_months": 24}

QUESTION_FIELDS = {"id", "kind", "topic", "audiences", "clauses", "text", "scenario", "explanation",
                   "options", "answer", "feedback"}
OPTION_FIELDS = {"text", "correct", "feedback"}
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _whole(value: Any, low: int, high: int | None = None) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= low and (high is None or value <= high)


def _settings(raw: Any, chk: Checker) -> Settings:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        chk.add("settings", "must be a table ([settings])")
        raw = {}
    values = {**DEFAULTS, **raw}
    for key in raw:
        if key not in DEFAULTS:
            chk.add("settings", f"unknown setting {key!r} (known: {', '.join(DEFAULTS)})")
    draw_size, pass_mark, feedback = values["draw_size"], values["pass_mark"], values["feedback"]
    if not _whole(draw_size, 1):
        chk.add("settings", f"draw_size must be a whole number of at least 1, not {draw_size!r}")
        draw_size = DEFAULTS["draw_size"]
    if not _whole(pass_mark, 1, 100):
        chk.add("settings", f"pass_mark must be a whole percentage from 1 to 100, not {pass_mark!r}")
        pass_mark = DEFAULTS["pass_mark"]
    if not (isinstance(feedback, str) and feedback in FEEDBACK_TIMINGS):
        chk.add("settings", f"feedback must be one of {', '.join(FEEDBACK_TIMINGS)}, not {feedback!r}")
        feedback = DEFAULTS["feedback"]
    review_months = values["review_months"]
    if not _whole(review_months, 1, 120):
        chk.add("settings", f"review_months must be a whole number of months from 1 to 120, not {review_months!r}")
        review_months = DEFAULTS["review_months"]
    return Settings(draw_size, pass_mark, feedback, review_months)


def _topics(raw: Any, chk: Checker) -> dict[str, str]:
    if not isinstance(raw, dict) or not raw:
        chk.add("topics", "there must be a [topics] table naming each topic")
        return {}
    topics: dict[str, str] = {}
    for topic_id, title in raw.items():
        if not _text(title):
            chk.add(f"topics.{topic_id}", "the topic needs a title")
        topics[topic_id] = _text(title) or topic_id
    return topics


def _true_false(q: dict[str, Any], item: str, chk: Checker) -> list[Option]:
    """A true-false question writes `answer` and `feedback.true/false` instead of options."""
    answer = q.get("answer")
    if not isinstance(answer, bool):
        chk.add(item, "a true-false question needs answer = true or answer = false")
    has_feedback = isinstance(q.get("feedback"), dict)
    feedback = q["feedback"] if has_feedback else {}
    if not has_feedback:
        chk.add(item, "a true-false question needs a [questions.feedback] table with true and false")
    if "options" in q:
        chk.add(item, "a true-false question takes answer and feedback, not options")
    options = []
    for value, label in ((True, "True"), (False, "False")):
        key = "true" if value else "false"
        if has_feedback and not _text(feedback.get(key)):
            chk.add(item, f"the option {label!r} has no feedback (feedback.{key})")
        options.append(Option(key, label, answer is value, _text(feedback.get(key))))
    for key in feedback:
        if key not in ("true", "false"):
            chk.add(item, f"unknown feedback key {key!r} (use true and false)")
    return options


def _options(q: dict[str, Any], kind_id: str, item: str, chk: Checker) -> list[Option]:
    """The question's options, lettered a, b, c ... in file order."""
    kind = KINDS[kind_id]
    if kind.true_false:
        return _true_false(q, item, chk)
    raw_options = q.get("options")
    if "answer" in q:
        chk.add(item, "answer is only for true-false questions; mark options with correct = true")
    if "feedback" in q:
        chk.add(item, "feedback belongs to each option, not to the question")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        chk.add(item, "needs at least two options ([[questions.options]])")
        return []
    if len(raw_options) > len(LETTERS):
        chk.add(item, f"has more than {len(LETTERS)} options")
        raw_options = raw_options[: len(LETTERS)]
    options = []
    for n, raw in enumerate(raw_options, start=1):
        if not isinstance(raw, dict):
            chk.add(item, f"option {n} must be a table")
            continue
        for key in raw:
            if key not in OPTION_FIELDS:
                chk.add(item, f"option {n} has an unknown field {key!r}")
        if not _text(raw.get("text")):
            chk.add(item, f"option {n} has no text")
        if not _text(raw.get("feedback")):
            chk.add(item, f"option {n} has no feedback")
        correct = raw.get("correct", False)
        if not isinstance(correct, bool):
            chk.add(item, f"option {n}: correct must be true or false")
            correct = False
        options.append(Option(LETTERS[n - 1], _text(raw.get("text")), correct, _text(raw.get("feedback"))))
    texts = [o.text for o in options if o.text]
    if len(set(texts)) != len(texts):
        chk.add(item, "two options have the same text")
    right = sum(o.correct for o in options)
    if kind.one_right and right != 1:
        chk.add(item, f"a {kind_id} question needs exactly one right answer, not {right}")
    if not kind.one_right and right == 0:
        chk.add(item, f"a {kind_id}-answer question needs at least one right answer")
    return options


def _listed(q: dict[str, Any], key: str, item: str, chk: Checker, empty: str) -> list[str]:
    """A list of text values that must not be empty (audiences, clauses)."""
    value = q.get(key)
    if not isinstance(value, list) or not value:
        chk.add(item, empty)
        return []
    return chk.texts(value, item, key)


def _question(q: Any, n: int, topics: dict[str, str], chk: Checker) -> Question | None:
    if not isinstance(q, dict):
        chk.add(f"questions[{n}]", "must be a table ([[questions]])")
        return None
    qid = _text(q.get("id"))
    item = qid or f"questions[{n}] (no id)"
    if not qid:
        chk.add(item, "the question has no id")
    for key in q:
        if key not in QUESTION_FIELDS:
            chk.add(item, f"unknown field {key!r}")
    kind = chk.one_of(q.get("kind"), KINDS, item, "kind")
    topic = q.get("topic")
    if not (isinstance(topic, str) and topic in topics):
        chk.add(item, f"unknown topic {topic!r} (add it to [topics] or use one of: {', '.join(topics)})")
    audiences = _listed(q, "audiences", item, chk, f"audiences must list at least one of: {', '.join(TRACKS)}")
    for tag in audiences:
        chk.one_of(tag, TRACKS, item, "audience")
    clauses = _listed(q, "clauses", item, chk, "clauses must list at least one clause id")
    for clause in clauses:
        if clause not in chk.clause_ids:
            chk.add(item, f"unknown clause id {clause!r}")
    if not _text(q.get("text")):
        chk.add(item, "the question has no text")
    if not _text(q.get("explanation")):
        chk.add(item, "the explanation is empty")
    if kind and KINDS[kind].needs_scenario and not _text(q.get("scenario")):
        chk.add(item, f"a {kind} question needs a scenario (the situation to read)")
    options = _options(q, kind, item, chk) if kind else []
    return Question(
        id=qid, kind=kind or "single", topic=topic if isinstance(topic, str) else "",
        audiences=tuple(a for a in audiences if a in TRACKS), clauses=tuple(clauses),
        text=_text(q.get("text")), scenario=_text(q.get("scenario")), explanation=_text(q.get("explanation")),
        options=tuple(options),
    )


def parse(raw: dict[str, Any], chk: Checker) -> Bank:
    """The bank; every problem in it goes to `chk` (the bank is only used when there is none)."""
    chk.known(raw, ("settings", "topics", "questions"), "(file)", "table")
    settings = _settings(raw.get("settings"), chk)
    topics = _topics(raw.get("topics"), chk)
    raw_questions = raw.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        chk.add("questions", "there are no questions ([[questions]])")
        raw_questions = []
    questions: list[Question] = []
    seen: set[str] = set()
    for n, q in enumerate(raw_questions, start=1):
        question = _question(q, n, topics, chk)
        if question is None:
            continue
        if question.id and question.id in seen:
            chk.add(question.id, "duplicate id: another question already uses it")
        seen.add(question.id)
        questions.append(question)
    for track_id, track in TRACKS.items():
        count = sum(track_id in q.audiences for q in questions)
        if count < settings.draw_size:
            chk.add(f"track {track_id}",
                    f"only {count} question(s) for {track.name}, fewer than the draw size of {settings.draw_size}")
    return Bank(settings, topics, tuple(questions), fingerprint(raw))

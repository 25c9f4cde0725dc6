"""The training quiz's question bank (quiz/data/quiz.toml): model and validation.

``parse(raw, file, clause_ids)`` turns the TOML into a ``Bank`` and reports
every problem at once, each naming the file, the question (or setting) and
what is wrong, so an editor can fix them all in one go.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from .problems import Problem

KINDS = {
    "single": "Single answer",
    "multiple": "Select all that apply",
    "true-false": "True or false",
    "scenario": "Scenario",
}
TRACKS = {"staff": "Staff", "members": "Members (councillors)"}
FEEDBACK_TIMINGS = ("after-each", "at-end")
DEFAULTS = {"draw_size": 10, "pass_mark": 80, "feedback": "after-each"}
DOCUMENTS = {
    "policy": "the social media policy (Dacorum Borough Council)",
    "procedure": "the social media procedure (Luton Borough Council)",
}

QUESTION_FIELDS = {"id", "kind", "topic", "audiences", "clauses", "text", "scenario", "explanation",
                   "options", "answer", "feedback"}
OPTION_FIELDS = {"text", "correct", "feedback"}
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Option:
    id: str  # "a", "b", ... in file order (or "true"/"false"): the value a form submits
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    topic: str
    audiences: tuple[str, ...]
    clauses: tuple[str, ...]
    text: str
    scenario: str
    explanation: str
    options: tuple[Option, ...]

    @property
    def multiple(self) -> bool:
        return self.kind == "multiple"

    @property
    def right(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def documents(self) -> list[str]:
        """Which documents the question is about, from its clause ids, in order."""
        seen: list[str] = []
        for clause in self.clauses:
            doc = clause.split("-", 1)[0]
            if doc not in seen:
                seen.append(doc)
        return seen


@dataclass(frozen=True)
class Settings:
    draw_size: int
    pass_mark: int  # per cent
    feedback: str  # "after-each" or "at-end"


@dataclass(frozen=True)
class Bank:
    settings: Settings
    topics: dict[str, str]  # id -> title, in the file's order
    questions: tuple[Question, ...]
    version: str  # first 8 hex chars of sha256 over the bank's canonical JSON

    def for_track(self, track: str) -> list[Question]:
        return [q for q in self.questions if track in q.audiences]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def fingerprint(raw: dict[str, Any]) -> str:
    """A short version id of the bank: changes whenever any question, option or setting does."""
    canonical = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _settings(raw: Any, file: str, problems: list[Problem]) -> Settings:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        problems.append(Problem(file, "settings", "must be a table ([settings])"))
        raw = {}
    values = {**DEFAULTS, **raw}
    for key in raw:
        if key not in DEFAULTS:
            problems.append(Problem(file, "settings", f"unknown setting {key!r} (known: {', '.join(DEFAULTS)})"))
    draw_size, pass_mark, feedback = values["draw_size"], values["pass_mark"], values["feedback"]
    if not isinstance(draw_size, int) or isinstance(draw_size, bool) or draw_size < 1:
        problems.append(Problem(file, "settings", f"draw_size must be a whole number of at least 1, not {draw_size!r}"))
        draw_size = DEFAULTS["draw_size"]
    if not isinstance(pass_mark, int) or isinstance(pass_mark, bool) or not 1 <= pass_mark <= 100:
        problems.append(Problem(file, "settings", f"pass_mark must be a whole percentage from 1 to 100, not {pass_mark!r}"))
        pass_mark = DEFAULTS["pass_mark"]
    if feedback not in FEEDBACK_TIMINGS:
        problems.append(Problem(file, "settings", f"feedback must be one of {', '.join(FEEDBACK_TIMINGS)}, not {feedback!r}"))
        feedback = DEFAULTS["feedback"]
    return Settings(draw_size, pass_mark, feedback)


def _topics(raw: Any, file: str, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(raw, dict) or not raw:
        problems.append(Problem(file, "topics", "there must be a [topics] table naming each topic"))
        return {}
    topics: dict[str, str] = {}
    for topic_id, title in raw.items():
        if not _text(title):
            problems.append(Problem(file, f"topics.{topic_id}", "the topic needs a title"))
        topics[topic_id] = _text(title) or topic_id
    return topics


def _options(q: dict[str, Any], kind: str, item: str, file: str, problems: list[Problem]) -> list[Option]:
    """The question's options; true-false questions write `answer` and `feedback.true/false` instead."""
    if kind == "true-false":
        answer = q.get("answer")
        if not isinstance(answer, bool):
            problems.append(Problem(file, item, "a true-false question needs answer = true or answer = false"))
        feedback = q.get("feedback") if isinstance(q.get("feedback"), dict) else {}
        if not isinstance(q.get("feedback"), dict):
            problems.append(Problem(file, item, "a true-false question needs a [questions.feedback] table with true and false"))
        if "options" in q:
            problems.append(Problem(file, item, "a true-false question takes answer and feedback, not options"))
        options = []
        for value, label in ((True, "True"), (False, "False")):
            key = "true" if value else "false"
            if isinstance(q.get("feedback"), dict) and not _text(feedback.get(key)):
                problems.append(Problem(file, item, f"the option {label!r} has no feedback (feedback.{key})"))
            options.append(Option(key, label, answer is value, _text(feedback.get(key))))
        for key in feedback:
            if key not in ("true", "false"):
                problems.append(Problem(file, item, f"unknown feedback key {key!r} (use true and false)"))
        return options

    raw_options = q.get("options")
    if "answer" in q:
        problems.append(Problem(file, item, "answer is only for true-false questions; mark options with correct = true"))
    if "feedback" in q:
        problems.append(Problem(file, item, "feedback belongs to each option, not to the question"))
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        problems.append(Problem(file, item, "needs at least two options ([[questions.options]])"))
        return []
    if len(raw_options) > len(LETTERS):
        problems.append(Problem(file, item, f"has more than {len(LETTERS)} options"))
        raw_options = raw_options[: len(LETTERS)]
    options = []
    for n, raw in enumerate(raw_options, start=1):
        if not isinstance(raw, dict):
            problems.append(Problem(file, item, f"option {n} must be a table"))
            continue
        for key in raw:
            if key not in OPTION_FIELDS:
                problems.append(Problem(file, item, f"option {n} has an unknown field {key!r}"))
        if not _text(raw.get("text")):
            problems.append(Problem(file, item, f"option {n} has no text"))
        if not _text(raw.get("feedback")):
            problems.append(Problem(file, item, f"option {n} has no feedback"))
        correct = raw.get("correct", False)
        if not isinstance(correct, bool):
            problems.append(Problem(file, item, f"option {n}: correct must be true or false"))
            correct = False
        options.append(Option(LETTERS[n - 1], _text(raw.get("text")), correct, _text(raw.get("feedback"))))
    texts = [o.text for o in options if o.text]
    if len(set(texts)) != len(texts):
        problems.append(Problem(file, item, "two options have the same text"))
    right = sum(o.correct for o in options)
    if kind in ("single", "scenario") and right != 1:
        problems.append(Problem(file, item, f"a {kind} question needs exactly one right answer, not {right}"))
    if kind == "multiple" and right == 0:
        problems.append(Problem(file, item, "a multiple-answer question needs at least one right answer"))
    return options


def _question(q: Any, n: int, file: str, topics: dict[str, str], clause_ids: set[str],
              problems: list[Problem]) -> Question | None:
    if not isinstance(q, dict):
        problems.append(Problem(file, f"questions[{n}]", "must be a table ([[questions]])"))
        return None
    qid = _text(q.get("id"))
    item = qid or f"questions[{n}] (no id)"
    if not qid:
        problems.append(Problem(file, item, "the question has no id"))
    for key in q:
        if key not in QUESTION_FIELDS:
            problems.append(Problem(file, item, f"unknown field {key!r}"))
    kind = q.get("kind")
    if kind not in KINDS:
        problems.append(Problem(file, item, f"unknown kind {kind!r} (known: {', '.join(KINDS)})"))
    topic = q.get("topic")
    if topic not in topics:
        problems.append(Problem(file, item, f"unknown topic {topic!r} (add it to [topics] or use one of: {', '.join(topics)})"))
    audiences = q.get("audiences")
    if not isinstance(audiences, list) or not audiences:
        problems.append(Problem(file, item, f"audiences must list at least one of: {', '.join(TRACKS)}"))
        audiences = []
    for tag in audiences:
        if tag not in TRACKS:
            problems.append(Problem(file, item, f"unknown audience {tag!r} (known: {', '.join(TRACKS)})"))
    clauses = q.get("clauses")
    if not isinstance(clauses, list) or not clauses:
        problems.append(Problem(file, item, "clauses must list at least one clause id"))
        clauses = []
    for clause in clauses:
        if clause not in clause_ids:
            problems.append(Problem(file, item, f"unknown clause id {clause!r}"))
    if not _text(q.get("text")):
        problems.append(Problem(file, item, "the question has no text"))
    if not _text(q.get("explanation")):
        problems.append(Problem(file, item, "the explanation is empty"))
    if kind == "scenario" and not _text(q.get("scenario")):
        problems.append(Problem(file, item, "a scenario question needs a scenario (the situation to read)"))
    options = _options(q, kind, item, file, problems) if kind in KINDS else []
    return Question(
        id=qid, kind=kind if kind in KINDS else "single", topic=topic if isinstance(topic, str) else "",
        audiences=tuple(a for a in audiences if a in TRACKS), clauses=tuple(c for c in clauses if isinstance(c, str)),
        text=_text(q.get("text")), scenario=_text(q.get("scenario")), explanation=_text(q.get("explanation")),
        options=tuple(options),
    )


def parse(raw: dict[str, Any], file: str, clause_ids: set[str]) -> tuple[Bank | None, list[Problem]]:
    """The bank and every problem in it; the bank is None when there is any problem."""
    problems: list[Problem] = []
    for key in raw:
        if key not in ("settings", "topics", "questions"):
            problems.append(Problem(file, "(file)", f"unknown table {key!r} (known: settings, topics, questions)"))
    settings = _settings(raw.get("settings"), file, problems)
    topics = _topics(raw.get("topics"), file, problems)
    raw_questions = raw.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        problems.append(Problem(file, "questions", "there are no questions ([[questions]])"))
        raw_questions = []
    questions: list[Question] = []
    seen: set[str] = set()
    for n, q in enumerate(raw_questions, start=1):
        question = _question(q, n, file, topics, clause_ids, problems)
        if question is None:
            continue
        if question.id and question.id in seen:
            problems.append(Problem(file, question.id, "duplicate id: another question already uses it"))
        seen.add(question.id)
        questions.append(question)
    for track, label in TRACKS.items():
        count = sum(track in q.audiences for q in questions)
        if count < settings.draw_size:
            problems.append(Problem(
                file, f"track {track}",
                f"only {count} question(s) for {label}, fewer than the draw size of {settings.draw_size}"))
    if problems:
        return None, problems
    return Bank(settings, topics, tuple(questions), fingerprint(raw)), []

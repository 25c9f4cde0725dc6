"""Scoring an attempt at the training quiz.

Scoring rules:

- Every question is worth one mark. There are no part marks.
- Single-answer, true-or-false and scenario questions score the mark when the
  option chosen is the right one.
- A "select all that apply" question scores the mark only when exactly right:
  every right option is chosen and no wrong option is. Choosing two of three
  right options, or all three plus a wrong one, scores nothing.
- A question left unanswered scores nothing (the quiz asks for an answer
  before moving on, so this only happens to an unfinished attempt).
- The score is the number of marks out of the number of questions drawn
  (10 by default). The reader passes when the score is at or above the pass
  mark (80% by default): the comparison uses whole numbers, so 8 out of 10
  passes at 80% and 7 out of 10 does not. The percentage shown is rounded
  down, so it never shows a pass mark the reader did not reach.
- The result also shows, for each topic in the draw, how many of its
  questions were right, and for each topic with a wrong answer the clauses to
  re-read.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .bank import Bank, Question
from .record import judged


def is_correct(question: Question, chosen: Iterable[str]) -> bool:
    """As its kind scores it (see quiz.widgets.quiz.kinds): exactly the right options."""
    return question.how.is_correct(chosen, question.right)


def passes(score: int, out_of: int, pass_mark: int | float) -> bool:
    """At or above the pass mark (a percentage), compared exactly: no rounding surprises."""
    return judged(score, out_of, pass_mark)


def percent(score: int, out_of: int) -> int:
    """The percentage shown, rounded down."""
    return score * 100 // out_of if out_of else 0


@dataclass(frozen=True)
class TopicResult:
    """How an attempt went on one topic."""

    topic: str
    title: str
    right: int
    asked: int
    clauses: tuple[str, ...]  # of the questions answered wrongly: what to re-read

    @property
    def all_right(self) -> bool:
        return self.right == self.asked


@dataclass(frozen=True)
class Result:
    """The score of a finished attempt, overall and by topic."""

    score: int
    out_of: int
    percent: int
    pass_mark: int | float  # the data file's, or the learning system's mastery score (quiz.widgets.quiz.record)
    passed: bool
    marks: dict[str, bool]  # question id -> right or not
    topics: tuple[TopicResult, ...]


def score(bank: Bank, question_ids: Sequence[str], answers: dict[str, list[str]],
          pass_mark: int | float | None = None) -> Result:
    """The result of an attempt: the drawn question ids and the options chosen for each;
    `pass_mark` (per cent) replaces the data file's when a learning system set one."""
    marks: dict[str, bool] = {}
    per_topic: dict[str, list[Question]] = {}
    for qid in question_ids:
        question = bank.question(qid)
        if question is None:
            continue
        marks[qid] = is_correct(question, answers.get(qid, []))
        per_topic.setdefault(question.topic, []).append(question)
    topics = []
    for topic in bank.topics:  # the bank's topic order
        asked = per_topic.get(topic)
        if not asked:
            continue
        wrong_clauses: list[str] = []
        for q in asked:
            if not marks[q.id]:
                wrong_clauses.extend(c for c in q.clauses if c not in wrong_clauses)
        topics.append(TopicResult(topic, bank.topics[topic], sum(marks[q.id] for q in asked), len(asked),
                                  tuple(wrong_clauses)))
    total = sum(marks.values())
    out_of = len(marks)
    mark = bank.settings.pass_mark if pass_mark is None else pass_mark
    return Result(total, out_of, percent(total, out_of), mark, passes(total, out_of, mark), marks, tuple(topics))

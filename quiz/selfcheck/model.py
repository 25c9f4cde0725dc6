"""The self-checks' data model: questions, rules and the actions they lead to, reminders.

Every question gets an honest "I do not know" answer (added when the file is
read), whose action is to check that setting; every other action comes from a
rule in the data file (question, answers that trigger it, risk, advice, clause
ids). A question answered without triggering any rule is acknowledged as already right.
"""
from __future__ import annotations

from dataclasses import dataclass

DONT_KNOW = "dont-know"
# Risk levels, most urgent first: the action plan is ranked in this order.
RISKS = {"high": "High risk", "medium": "Medium risk", "low": "Low risk"}


@dataclass(frozen=True)
class Question:
    """One question of a self-check form."""

    id: str  # the form field name
    text: str
    choices: tuple[tuple[str, str], ...]  # (value, label), "I do not know" last
    multiple: bool = False
    hint: str = ""
    why: str = ""  # why the question matters (site advice)
    where: str = ""  # where to look for the setting
    check: str = ""  # the action when the reader does not know
    ok: str = ""  # acknowledgement when no rule fires
    topic: str = ""  # prefix for actions and rows, e.g. a platform name


@dataclass(frozen=True)
class Rule:
    """Which answers to a question call for an action, how urgent it is, and the clauses behind it."""

    id: str
    question: str
    answers: tuple[str, ...]
    risk: str
    action: str
    why: str
    where: str = ""
    clauses: tuple[str, ...] = ()
    good_practice: bool = False  # True: general good practice, clauses are only related reading
    quote: str = ""  # exact words of clauses[0], shown in <q>
    # Only for readers whose answers to these (asked-once) questions are among these values,
    # e.g. {"role": ("yes", "not-sure")}: advice for staff in sensitive positions.
    when: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Action:
    """A rule that one reader's answers triggered, as it goes into their list."""

    rule: Rule
    question: Question
    order: int  # position of the question in the form, for a stable ranking
    also: tuple["Action", ...] = ()  # less urgent actions that the same setting fixes (see rules.one_per_fix)


@dataclass(frozen=True)
class Reminder:
    """A point the result always makes, in the site's words, optionally quoting a clause."""

    text: str
    quote: str
    clauses: tuple[str, ...]

"""Which actions a reader's answers lead to, ranked by risk, and which settings are already right."""
from __future__ import annotations

from typing import Callable

from .. import forms
from .model import DONT_KNOW, RISKS, Action, Question, Rule


def chosen(answers: dict[str, list[str]], q: Question) -> list[str]:
    """The reader's valid answers to a question (anything not offered is ignored)."""
    values = {v for v, _ in q.choices}
    return [v for v in forms.answers_get(answers, q.id) if v in values]


def actions_for(questions: list[Question], rules: list[Rule], answers: dict[str, list[str]],
                unknown: Callable[[Question], Rule]) -> tuple[list[Action], list[Question]]:
    """The actions the answers trigger, ranked by risk, and the questions already right."""
    by_question: dict[str, list[Rule]] = {}
    for rule in rules:
        by_question.setdefault(rule.question, []).append(rule)
    actions: list[Action] = []
    right: list[Question] = []
    for order, q in enumerate(questions):
        given = chosen(answers, q)
        if not given:
            continue
        fired = [Action(unknown(q), q, order)] if DONT_KNOW in given else []
        fired += [Action(r, q, order) for r in by_question.get(rule_key(q), []) if set(r.answers) & set(given)]
        if fired:
            actions.extend(fired)
        else:
            right.append(q)
    risk_rank = list(RISKS)
    actions.sort(key=lambda a: (risk_rank.index(a.rule.risk) if a.rule.risk in RISKS else 99, a.order))
    return actions, right


def rule_key(q: Question) -> str:
    """The data file's question id behind a form question ('facebook--audience-new' -> 'audience-new')."""
    return q.id.split("--", 1)[-1]


def clauses_of(q: Question, rules: tuple[Rule, ...]) -> tuple[str, ...]:
    """Every clause the rules on a question cite, in order, once each."""
    out: list[str] = []
    for r in rules:
        if r.question == rule_key(q):
            out += [c for c in r.clauses if c not in out]
    return tuple(out)


def unknown_rule(q: Question, rules: list[Rule]) -> Rule:
    """The action for "I do not know": check the setting; as urgent as the worst answer could be."""
    own = [r for r in rules if r.question == rule_key(q)]
    risk_rank = list(RISKS)
    risk = min((r.risk for r in own if r.risk in RISKS), key=risk_rank.index, default="medium")
    clauses: list[str] = []
    for r in own:
        clauses += [c for c in r.clauses if c not in clauses]
    return Rule(f"{rule_key(q)}--{DONT_KNOW}", rule_key(q), (DONT_KNOW,), risk,
                q.check, q.why, q.where, tuple(clauses), all(r.good_practice for r in own))


def plan(questions: list[Question], rules: tuple[Rule, ...],
         answers: dict[str, list[str]]) -> tuple[list[Action], list[Question]]:
    """The ranked actions and the questions already right, with "I do not know" as its own action."""
    rule_list = list(rules)
    return actions_for(questions, rule_list, answers, lambda q: unknown_rule(q, rule_list))

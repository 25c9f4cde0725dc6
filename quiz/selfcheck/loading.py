"""Reading what both self-checks' data files share: questions' answers, [[questions]], [[rules]], [[reminders]].

Every check goes through the file's ``Checker`` (quiz.checker), so all
problems are reported at once with the item they are about.
"""
from __future__ import annotations

from ..checker import Checker
from .model import DONT_KNOW, RISKS, Reminder, Rule

Choices = tuple[tuple[str, str], ...]


def choices(raw: dict, item: str, chk: Checker) -> Choices:
    """A question's `answers`: (value, label) pairs; "I do not know" is added by the caller."""
    value = raw.get("answers", [])
    if not isinstance(value, list) or not value:
        chk.add(item, "'answers' is missing or empty")
        return ()
    out: list[tuple[str, str]] = []
    for i, answer in enumerate(value):
        if not isinstance(answer, dict):
            chk.add(item, f"answer {i + 1} must be a table {{ value = ..., label = ... }}")
            continue
        v, label = chk.text(answer, "value", f"{item} answer {i + 1}"), chk.text(answer, "label", f"{item} answer {i + 1}")
        if v == DONT_KNOW:
            chk.add(item, f"answer {v!r} is added to every question: do not list it")
        elif v in {c[0] for c in out}:
            chk.add(item, f"answer {v!r} is listed twice")
        elif v and label:
            out.append((v, label))
    return tuple(out)


def load_questions(raw: dict, chk: Checker, dont_know_label: str) -> list[dict]:
    """The [[questions]] tables checked for their common fields; returned as dicts for the widget to expand."""
    seen: set[str] = set()
    out = []
    for i, q in enumerate(chk.items(raw, "questions", "(questions)")):
        qid = chk.ident(q, f"question {i + 1}", seen)
        item = f"question {qid or i + 1}"
        out.append({
            "id": qid,
            "text": chk.text(q, "text", item),
            "hint": chk.text(q, "hint", item, required=False),
            "why": chk.text(q, "why", item),
            "check": chk.text(q, "check", item),
            "ok": chk.text(q, "ok", item),
            "choices": choices(q, item, chk) + ((DONT_KNOW, dont_know_label),),
            "raw": q,
        })
    return out


def load_rules(raw: dict, chk: Checker, questions: dict[str, Choices]) -> list[Rule]:
    """The [[rules]] tables; each must name a question and answers that question has."""
    seen: set[str] = set()
    rules = []
    for i, r in enumerate(chk.items(raw, "rules", "(rules)")):
        rid = chk.ident(r, f"rule {i + 1}", seen)
        item = f"rule {rid or i + 1}"
        qid = chk.text(r, "question", item)
        answers = r.get("answers", [])
        if not isinstance(answers, list) or not answers or not all(isinstance(a, str) for a in answers):
            chk.add(item, "'answers' must be a non-empty list of answer values")
            answers = []
        if qid and qid not in questions:
            chk.add(item, f"names question {qid!r}, which does not exist")
        elif qid:
            values = {v for v, _ in questions[qid]}
            for a in answers:
                if a == DONT_KNOW:
                    chk.add(item, f"answer {a!r} is handled by the question's 'check' text: remove it")
                elif a not in values:
                    chk.add(item, f"answer {a!r} is not one of question {qid!r}'s answers ({', '.join(sorted(values))})")
        risk = chk.text(r, "risk", item)
        if risk and risk not in RISKS:
            chk.add(item, f"unknown risk level {risk!r} (use one of: {', '.join(RISKS)})")
        good = chk.flag(r, "good_practice", item)
        clauses = chk.clauses(r, item, required=not good)
        quote = chk.text(r, "quote", item, required=False)
        if quote and not clauses:
            chk.add(item, "'quote' needs the clause it comes from as the first of 'clauses'")
        rules.append(Rule(rid, qid, tuple(answers), risk, chk.text(r, "action", item), chk.text(r, "why", item),
                          chk.text(r, "where", item, required=False), clauses, good, quote))
    for qid in questions:
        if not any(r.question == qid for r in rules):
            chk.add(f"question {qid}", "no rule uses this question, so no answer can lead to an action")
    return rules


def load_reminders(raw: dict, chk: Checker) -> list[Reminder]:
    out = []
    for i, r in enumerate(chk.items(raw, "reminders", "(reminders)")):
        item = f"reminder {i + 1}"
        clauses = chk.clauses(r, item, required=True)
        out.append(Reminder(chk.text(r, "text", item), chk.text(r, "quote", item, required=False), clauses))
    return out

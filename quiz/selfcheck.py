"""What the two self-checks share: questions and rules read from TOML, the form,
"check your answers", the ranked action plan, and the request/response flow.

A self-check is a survey that ends in a personalised action list, not a score.
Every question gets an honest "I do not know" answer added here, whose action
is to check that setting; every other action comes from a rule in the data
file (question, answers that trigger it, risk, advice, clause ids). A question
answered without triggering any rule is acknowledged as already right.

The widget modules (quiz.privacy_settings, quiz.sensitive_roles) supply what
differs through a ``Flow``: which questions are on the form for the answers so
far, extra checks, and extra parts of the result.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable

from . import forms
from .context import Context
from .problems import Problem
from .view import Node, h

DONT_KNOW = "dont-know"
# Risk levels, most urgent first: the action plan is ranked in this order.
RISKS = {"high": "High risk", "medium": "Medium risk", "low": "Low risk"}


@dataclass(frozen=True)
class Question:
    id: str  # the form field name
    text: str
    choices: tuple[tuple[str, str], ...]  # (value, label), "I do not know" last
    multiple: bool = False
    hint: str = ""
    why: str = ""  # why the question matters (site advice)
    where: str = ""  # where to look for the setting
    check: str = ""  # the action when the reader does not know
    ok: str = ""  # acknowledgement when no rule fires
    group: str = ""  # heading of the part of the form it sits in
    topic: str = ""  # prefix for actions and rows, e.g. a platform name


@dataclass(frozen=True)
class Rule:
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


@dataclass(frozen=True)
class Action:
    rule: Rule
    question: Question
    order: int  # position of the question in the form, for a stable ranking


@dataclass
class Checker:
    """Collects problems in one data file, each with the item it is about."""

    file: str
    clause_ids: set[str]
    problems: list[Problem] = field(default_factory=list)

    def add(self, item: str, message: str) -> None:
        self.problems.append(Problem(self.file, item, message))

    def text(self, raw: dict, key: str, item: str, required: bool = True) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            self.add(item, f"'{key}' must be text")
            return ""
        if required and not value.strip():
            self.add(item, f"'{key}' is missing or empty")
        return value.strip()

    def items(self, raw: dict, key: str, item: str) -> list[dict]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(item, f"'{key}' must be a list of tables ([[{key}]])")
            return []
        if not value:
            self.add(item, f"there are no [[{key}]] entries")
        return value

    def ident(self, raw: dict, item: str, seen: set[str]) -> str:
        value = raw.get("id", "")
        if not isinstance(value, str) or not value.strip():
            self.add(item, "'id' is missing or empty")
            return ""
        if value in seen:
            self.add(value, "duplicate id")
        seen.add(value)
        return value

    def clauses(self, raw: dict, item: str, required: bool) -> tuple[str, ...]:
        value = raw.get("clauses", [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(item, "'clauses' must be a list of clause ids")
            return ()
        for clause_id in value:
            if clause_id not in self.clause_ids:
                self.add(item, f"unknown clause id {clause_id!r}")
        if required and not value:
            self.add(item, "no clauses: cite the clause that asks for this, or set good_practice = true")
        return tuple(c for c in value if c in self.clause_ids)

    def choices(self, raw: dict, item: str) -> tuple[tuple[str, str], ...]:
        value = raw.get("answers", [])
        if not isinstance(value, list) or not value:
            self.add(item, "'answers' is missing or empty")
            return ()
        out: list[tuple[str, str]] = []
        for i, answer in enumerate(value):
            if not isinstance(answer, dict):
                self.add(item, f"answer {i + 1} must be a table {{ value = ..., label = ... }}")
                continue
            v, label = self.text(answer, "value", f"{item} answer {i + 1}"), self.text(answer, "label", f"{item} answer {i + 1}")
            if v == DONT_KNOW:
                self.add(item, f"answer {v!r} is added to every question: do not list it")
            elif v in {c[0] for c in out}:
                self.add(item, f"answer {v!r} is listed twice")
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
        entry = {
            "id": qid,
            "text": chk.text(q, "text", item),
            "hint": chk.text(q, "hint", item, required=False),
            "why": chk.text(q, "why", item),
            "check": chk.text(q, "check", item),
            "ok": chk.text(q, "ok", item),
            "choices": chk.choices(q, item) + ((DONT_KNOW, dont_know_label),),
            "raw": q,
        }
        out.append(entry)
    return out


def load_rules(raw: dict, chk: Checker, questions: dict[str, tuple[tuple[str, str], ...]]) -> list[Rule]:
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
        good = r.get("good_practice", False)
        if not isinstance(good, bool):
            chk.add(item, "'good_practice' must be true or false")
            good = False
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


# --- the reader's answers ---------------------------------------------------------------

def chosen(answers: dict[str, list[str]], q: Question) -> list[str]:
    """The reader's valid answers to a question (anything not offered is ignored)."""
    values = {v for v, _ in q.choices}
    return [v for v in forms.answers_get(answers, q.id) if v in values]


def missing(questions: list[Question], answers: dict[str, list[str]], message: str) -> dict[str, str]:
    """An error for every unanswered question, in form order."""
    return {q.id: message.replace("{question}", q.text[0].lower() + q.text[1:].rstrip("?"))
            for q in questions if not chosen(answers, q)}


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


# --- views ------------------------------------------------------------------------------

def guidance(q: Question, ctx: Context, clauses: tuple[str, ...]) -> Node:
    """The advice shown under a question, so the page works as a printed checklist."""
    return h("div", {"class": "site-advice question-guidance"},
             h("p", {}, h("strong", {}, "Why it matters: "), q.why,
               *([" See ", *ctx.cite_all(list(clauses)), "."] if clauses else [])),
             h("p", {}, h("strong", {}, "Where to look: "), q.where) if q.where else None)


def question_view(widget: str, q: Question, ctx: Context, answers: dict[str, list[str]],
                  errors: dict[str, str], clauses: tuple[str, ...]) -> Node:
    return forms.question(widget, q.id, q.text, q.choices, multiple=q.multiple, chosen=chosen(answers, q),
                          hint=q.hint or None, error=errors.get(q.id), guidance=guidance(q, ctx, clauses))


def heading(widget: str, key: str, text: str) -> Node:
    """A heading that focus can be moved to after a step changes."""
    return h("h2", {"id": f"{widget}-{key}-title", "tabindex": "-1"}, text)


def memory_controls(widget: str, remember: bool) -> Node:
    """Remember or forget buttons for the steps after the form (the form has a checkbox)."""
    if remember:
        return h("p", {"class": "js-only no-print"}, "Your answers are saved on this device. ",
                 forms.button("Forget my answers on this device", "forget", secondary=True))
    return h("p", {"class": "js-only no-print"},
             forms.button("Remember my answers on this device", "remember", secondary=True))


def restart_button() -> Node:
    return forms.button("Start again", "restart", secondary=True)


def check_answers_view(widget: str, rows: list[tuple[str, str, str]], remember: bool) -> Node:
    return h("form", {"class": "widget-form", "novalidate": True},
             heading(widget, "check", "Check your answers"),
             h("p", {"class": "site-advice"}, "Nothing you have chosen has left this page. "
               "Change any answer, or get your action plan."),
             forms.summary_list(rows, widget),
             h("p", {}, forms.button("Get my action plan", "confirm"), " ", restart_button()),
             memory_controls(widget, remember))


def action_item(a: Action, ctx: Context) -> Node:
    rule = a.rule
    title = (a.question.topic + ": " if a.question.topic else "") + rule.action
    where = rule.where or a.question.where
    if rule.good_practice:
        basis = h("p", {"class": "action-basis"}, h("strong", {}, "Good practice, not a clause."),
                  *([" Related: ", *ctx.cite_all(list(rule.clauses)), "."] if rule.clauses else []))
    elif rule.quote:
        basis = h("p", {"class": "action-basis"}, h("strong", {}, "What the rules say: "),
                  h("q", {}, rule.quote), " (", *ctx.cite_all(list(rule.clauses)), ")")
    else:
        basis = h("p", {"class": "action-basis"}, h("strong", {}, "Read: "), *ctx.cite_all(list(rule.clauses)))
    return h("li", {"class": f"action action--{rule.risk}"},
             h("h3", {}, title),
             h("p", {"class": f"risk-tag risk-tag--{rule.risk}"}, h("strong", {}, RISKS.get(rule.risk, rule.risk))),
             h("p", {"class": "site-advice"}, h("strong", {}, "Why: "), rule.why),
             h("p", {"class": "site-advice"}, h("strong", {}, "Where to look: "), where) if where else None,
             basis)


def action_list(actions: list[Action], ctx: Context) -> Node:
    if not actions:
        return h("p", {"class": "site-advice"}, "Nothing to change: every setting you told us about is already right.")
    counts = {risk: sum(1 for a in actions if a.rule.risk == risk) for risk in RISKS}
    summary = ", ".join(f"{n} {RISKS[r].lower()}" for r, n in counts.items() if n)
    return h("div", {"class": "action-plan"},
             h("p", {}, f"{len(actions)} action{'s' if len(actions) != 1 else ''} ({summary}), most urgent first."),
             h("ol", {"class": "action-list"}, *[action_item(a, ctx) for a in actions]))


def already_right(right: list[Question]) -> Node | None:
    if not right:
        return None
    return h("div", {"class": "already-right"},
             h("h3", {}, "Already right"),
             h("ul", {}, *[h("li", {}, (q.topic + ": " if q.topic else "") + q.ok) for q in right]))


def result_buttons(widget: str, remember: bool) -> Node:
    return h("div", {"class": "no-print"},
             h("p", {},
               h("button", {"type": "button", "class": "md-button md-button--primary js-only",
                            "data-client-action": "print"}, "Print or save my action plan"),
               " ", forms.button("Change my answers", "back", secondary=True), " ", restart_button()),
             memory_controls(widget, remember))


# --- the request/response flow ------------------------------------------------------------

@dataclass(frozen=True)
class Flow:
    """What a widget supplies so that ``respond`` can run its steps."""

    widget: str
    form: Callable[[Context, dict, dict, bool], Node]  # (ctx, answers, errors, remember) -> form
    validate: Callable[[dict], dict[str, str]]  # answers -> {field: message}
    rows: Callable[[dict], list[tuple[str, str, str]]]  # answers -> check-your-answers rows
    result: Callable[[Context, dict, bool], Node]  # (ctx, answers, remember) -> result
    interim: Callable[[Context, dict], Node | None] = lambda ctx, answers: None  # a step between form and check

    @classmethod
    def bind(cls, widget: str, model: Any, form: Callable, validate: Callable, rows: Callable,
             result: Callable, interim: Callable | None = None) -> "Flow":
        """A flow from a widget module's functions, each taking the model as its first argument."""
        steps = [partial(f, model) for f in (form, validate, rows, result)]
        return cls(widget, *steps, **({"interim": partial(interim, model)} if interim else {}))


def _response(view: Node | None, state: Any, focus: str | None, announce: str, store: bool | None) -> dict:
    return {"view": view, "state": state, "focus": focus, "announce": announce, "store": store}


def _view_for(flow: Flow, ctx: Context, state: dict) -> tuple[Node, str]:
    answers, remember = state.get("answers", {}), bool(state.get("remember"))
    step = state.get("step", "form")
    if step == "result":
        return flow.result(ctx, answers, remember), f"#{flow.widget}-result-title"
    if step == "check":
        return check_answers_view(flow.widget, flow.rows(answers), remember), f"#{flow.widget}-check-title"
    return flow.form(ctx, answers, {}, remember), f"#{flow.widget}-form-title"


def respond(flow: Flow, ctx: Context, request: dict) -> dict:
    """One step of a self-check. Pure: everything it needs is in the request."""
    action = str(request.get("action", ""))
    state = request.get("state") if isinstance(request.get("state"), dict) else None
    state = {"step": "form", "answers": {}, "remember": False, **(state or {})}
    remember = bool(state["remember"])
    keep = True if remember else None
    w = flow.widget

    if action == "start":
        if not request.get("state"):
            return _response(None, None, None, "", None)
        view, _ = _view_for(flow, ctx, state)
        return _response(view, state, None, "Your saved answers have been restored.", None)

    if action == "restart":
        fresh = {"step": "form", "answers": {}, "remember": False}
        return _response(flow.form(ctx, {}, {}, False), fresh, f"#{w}-form-title",
                         "All your answers have been cleared.", False)

    if action in ("remember", "forget"):
        state["remember"] = action == "remember"
        view, _ = _view_for(flow, ctx, state)
        message = ("Your answers will be remembered on this device." if action == "remember"
                   else "Your answers have been removed from this device.")
        return _response(view, state, None, message, action == "remember")

    if action == "continue":
        answers = {k: v for k, v in (request.get("answers") or {}).items() if k not in ("action", "remember")}
        remember = "yes" in forms.answers_get(request.get("answers") or {}, "remember")
        state = {"step": "form", "answers": answers, "remember": remember}
        store = True if remember else False
        errors = flow.validate(answers)
        if errors:
            n = len(errors)
            return _response(flow.form(ctx, answers, errors, remember), state, f"#{w}-error-summary",
                             f"There {'is 1 problem' if n == 1 else f'are {n} problems'} with your answers.", store)
        interim = flow.interim(ctx, answers)
        if interim is not None:
            state["step"] = "interim"
            return _response(interim, state, f"#{w}-interim-title", "", store)
        state["step"] = "check"
        return _response(check_answers_view(w, flow.rows(answers), remember), state, f"#{w}-check-title",
                         "Check your answers.", store)

    if action == "refresh":
        # Re-draw the form for the answers so far (e.g. only the platforms chosen), without errors.
        answers = {k: v for k, v in (request.get("answers") or {}).items() if k not in ("action", "remember")}
        remember = "yes" in forms.answers_get(request.get("answers") or {}, "remember")
        state = {"step": "form", "answers": answers, "remember": remember}
        return _response(flow.form(ctx, answers, {}, remember), state, f"#{w}-refresh-target",
                         "The form now shows only the questions for your answers.", True if remember else None)

    if action == "confirm":
        state["step"] = "result"
        return _response(flow.result(ctx, state["answers"], remember), state, f"#{w}-result-title",
                         "Your action plan is ready.", keep)

    # "carry-on" comes from an interim step: back to the form, which then keeps a hidden
    # carry-on=yes field so that the interim step is not shown again.
    if action == "back" or action == "carry-on" or action.startswith("change:"):
        state["step"] = "form"
        name = action.partition(":")[2]
        if action == "carry-on":
            state["answers"] = {**state["answers"], "carry-on": ["yes"]}
        focus = f"#{w}-{name}" if name else f"#{w}-form-title"
        return _response(flow.form(ctx, state["answers"], {}, remember), state, focus, "", keep)

    # An action this widget does not know (an old page, a stray button): show where the reader was.
    view, focus = _view_for(flow, ctx, state)
    return _response(view, state, focus, "", None)


@dataclass(frozen=True)
class Reminder:
    """A point the result always makes, in the site's words, optionally quoting a clause."""

    text: str
    quote: str
    clauses: tuple[str, ...]


def load_reminders(raw: dict, chk: Checker) -> list[Reminder]:
    out = []
    for i, r in enumerate(chk.items(raw, "reminders", "(reminders)")):
        item = f"reminder {i + 1}"
        clauses = chk.clauses(r, item, required=True)
        out.append(Reminder(chk.text(r, "text", item), chk.text(r, "quote", item, required=False), clauses))
    return out


def reminders_view(reminders: list[Reminder], ctx: Context, title: str = "Remember") -> Node | None:
    if not reminders:
        return None
    return h("div", {"class": "reminders"}, h("h3", {}, title), h("ul", {}, *[
        h("li", {}, h("span", {"class": "site-advice"}, r.text), " ",
          h("q", {}, r.quote) if r.quote else None, " (", *ctx.cite_all(list(r.clauses)), ")")
        for r in reminders]))


def form_shell(widget: str, title: str, errors: dict[str, str], remember: bool, *body: Node,
               submit: str = "Continue") -> Node:
    """The form around a self-check's questions: error summary, title, questions, remember, buttons."""
    return h("form", {"class": "widget-form", "novalidate": True},
             forms.error_summary(widget, errors),
             h("h2", {"id": f"{widget}-form-title", "tabindex": "-1"}, title),
             h("p", {"class": "site-advice"},
               "Your answers stay in this browser: they are not sent anywhere and not kept unless you ask."),
             *body,
             forms.checkbox_option(widget, "remember", "Remember my answers on this device", remember),
             h("p", {"class": "no-print"}, forms.button(submit, "continue"), " ", restart_button()))

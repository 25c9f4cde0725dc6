"""The sensitive-role self-check: how much of what policy 2.3 lists can strangers see?

First the reader says whether their work is sensitive; a reader who says no is
told which general rules still apply and may carry on. Then, for each kind of
information policy 2.3 recommends staff in sensitive positions do not post:
can someone who is not a friend see it on any profile? The result says how
exposed the reader is (in words and as a count) and what to remove or restrict.
Everything said is in quiz/data/sensitive_roles.toml.
"""
from __future__ import annotations

from dataclasses import dataclass

from ... import forms
from ...checker import Checker, Problem, check, fingerprint
from ...context import Context
from ...protocol import Request, Response
from ...view import Node, h
from .. import SENSITIVE_ROLES as WIDGET
from ...selfcheck import loading, rules, steps, views
from ...selfcheck.model import DONT_KNOW, Action, Question, Reminder, Rule

ROLE = "role"
CARRY_ON = "carry-on"
EXPOSED = "yes"  # the item answer meaning "someone who is not a friend can see it"


@dataclass(frozen=True)
class Model:
    """The sensitive-role check, as its data file holds it once checked."""

    title: str
    role: Question
    role_clauses: tuple[str, ...]
    no_answers: tuple[str, ...]  # role answers that lead to the general rules
    general_title: str
    general: tuple[Reminder, ...]
    items: tuple[Question, ...]
    rules: tuple[Rule, ...]
    exposure: tuple[tuple[int, str], ...]  # (at least this many items showing, words), ascending
    reminders: tuple[Reminder, ...]
    version: str  # the data file's fingerprint (saved answers from another version are not used)


def _exposure(raw: dict, chk: Checker) -> list[tuple[int, str]]:
    """The [[exposure]] levels: how many items strangers can see, in words, ascending from 0."""
    levels: list[tuple[int, str]] = []
    for i, level in enumerate(chk.items(raw, "exposure", "(exposure)")):
        item = f"exposure {i + 1}"
        least = level.get("at_least")
        if not isinstance(least, int) or isinstance(least, bool) or least < 0:
            chk.add(item, "'at_least' must be a whole number, 0 or more")
            continue
        words = chk.text(level, "words", item)
        if levels and least <= levels[-1][0]:
            chk.add(item, "levels must be in increasing order of 'at_least'")
        levels.append((least, words))
    if levels and levels[0][0] != 0:
        chk.add("exposure 1", "the first level must have at_least = 0")
    return levels


def parse(raw: dict, chk: Checker) -> Model:
    """The model of sensitive_roles.toml; every problem goes to `chk`."""
    chk.known(raw, ("title", "dont_know_label", "role", "general", "questions", "rules", "exposure", "reminders"),
              "(file)", "table or setting")
    title = chk.text(raw, "title", "(file)")
    dont_know = chk.text(raw, "dont_know_label", "(file)")

    role_raw = chk.table(raw, "role", "(role)")
    role_choices = loading.choices(role_raw, "role", chk)
    role = Question(ROLE, chk.text(role_raw, "text", "role"), role_choices,
                    hint=chk.text(role_raw, "hint", "role", required=False), why=chk.text(role_raw, "why", "role"))
    role_clauses = chk.clauses(role_raw, "role", required=True)
    no_answers = role_raw.get("general_rules_for", [])
    if not isinstance(no_answers, list) or not no_answers:
        chk.add("role", "'general_rules_for' must list the answers that lead to the general rules")
        no_answers = []
    for a in chk.texts(no_answers, "role", "general_rules_for"):
        if a not in {v for v, _ in role_choices}:
            chk.add("role", f"'general_rules_for' names answer {a!r}, which the role question does not have")
    general_raw = chk.table(raw, "general", "(general)")
    general_title = chk.text(general_raw, "title", "general")
    general = loading.load_reminders(general_raw, chk)

    items = [Question(q["id"], q["text"], q["choices"], hint=q["hint"], why=q["why"], check=q["check"], ok=q["ok"],
                      where=chk.text(q["raw"], "where", f"question {q['id']}"),
                      topic=chk.text(q["raw"], "item", f"question {q['id']}"))
             for q in loading.load_questions(raw, chk, dont_know)]
    for q in items:
        if EXPOSED not in {v for v, _ in q.choices}:
            chk.add(f"question {q.id}", f"needs the answer {EXPOSED!r} (someone who is not a friend can see it)")
        if q.id in (ROLE, CARRY_ON, "remember", "action"):
            chk.add(f"question {q.id}", "this id is used by the form itself: choose another")
    return Model(title, role, role_clauses, tuple(a for a in no_answers if isinstance(a, str)), general_title,
                 tuple(general), tuple(items), tuple(loading.load_rules(raw, chk, {q.id: q.choices for q in items})),
                 tuple(_exposure(raw, chk)), tuple(loading.load_reminders(raw, chk)), fingerprint(raw))


def load(raw: dict, file: str, clause_ids: set[str]) -> tuple[Model | None, list[Problem]]:
    return check(raw, parse, file, clause_ids)


# --- answers ------------------------------------------------------------------------------

def says_no(model: Model, answers: dict) -> bool:
    return any(a in model.no_answers for a in rules.chosen(answers, model.role))


def validate(model: Model, answers: dict) -> dict[str, str]:
    if not rules.chosen(answers, model.role):
        return {ROLE: "Select whether your work involves any of these"}
    answered = [q for q in model.items if rules.chosen(answers, q)]
    if says_no(model, answers) and not answered and not forms.answers_get(answers, CARRY_ON):
        return {}  # the general rules come next (see interim)
    return {q.id: f"Select whether someone who is not your friend can see: {q.topic.lower()}"
            for q in model.items if q not in answered}


def interim(model: Model, ctx: Context, answers: dict) -> Node | None:
    """For a reader whose work is not sensitive: the rules that still apply, then carry on if they like."""
    answered = any(rules.chosen(answers, q) for q in model.items)
    if not says_no(model, answers) or answered or forms.answers_get(answers, CARRY_ON):
        return None
    return forms.widget_form(
             views.heading(WIDGET, "interim", model.general_title),
             general_view(model, ctx),
             h("p", {}, forms.button("Carry on with the check anyway", "carry-on"), " ",
               forms.button("Change my answer", "back", secondary=True), " ", views.restart_button()))


def exposure(model: Model, answers: dict) -> tuple[int, int, str]:
    """(items strangers can see, items the reader does not know about, words for that level)."""
    shown = sum(1 for q in model.items if EXPOSED in rules.chosen(answers, q))
    unknown = sum(1 for q in model.items if DONT_KNOW in rules.chosen(answers, q))
    words = [w for least, w in model.exposure if shown >= least][-1]
    return shown, unknown, words


def rows(model: Model, answers: dict) -> list[tuple[str, str, str]]:
    def answer(q: Question) -> str:
        return ", ".join(dict(q.choices)[v] for v in rules.chosen(answers, q))

    out = [(ROLE, model.role.text, answer(model.role))]
    return out + [(q.id, q.text, answer(q)) for q in model.items if rules.chosen(answers, q)]


def plan(model: Model, answers: dict) -> tuple[list[Action], list[Question]]:
    return rules.plan(list(model.items), model.rules, answers)


# --- views --------------------------------------------------------------------------------

def general_view(model: Model, ctx: Context) -> Node:
    return h("ul", {"class": "general-rules"}, *views.reminder_items(model.general, ctx))


def form_view(model: Model, ctx: Context, answers: dict, errors: dict, remember: bool) -> Node:
    role = forms.question(
        WIDGET, ROLE, model.role.text, model.role.choices, chosen=rules.chosen(answers, model.role),
        hint=model.role.hint or None, error=errors.get(ROLE),
        guidance=h("div", {"class": "site-advice question-guidance"},
                   h("p", {}, model.role.why, " See ", *ctx.cite_all(list(model.role_clauses)), "."),
                   h("p", {}, h("strong", {}, f"If your answer is no: {model.general_title.lower()}:")),
                   general_view(model, ctx)))
    carry_on = forms.answers_get(answers, CARRY_ON)
    return views.form_shell(
        WIDGET, model.title, errors, remember,
        role,
        h("input", {"type": "hidden", "name": CARRY_ON, "value": "yes"}) if carry_on else None,
        h("section", {"class": "selfcheck-part", "aria-labelledby": f"{WIDGET}-items-title"},
          h("h3", {"id": f"{WIDGET}-items-title"}, "What people who are not your friends can see"),
          h("p", {"class": "site-advice"}, "Think of every profile you have, on every platform, "
            "and what is on it now, including old posts and photos."),
          *[views.question_view(WIDGET, q, ctx, answers, errors, rules.clauses_of(q, model.rules)) for q in model.items]))


def result_view(model: Model, ctx: Context, answers: dict, remember: bool) -> Node:
    actions, right = plan(model, answers)
    shown, unknown, words = exposure(model, answers)
    total = len(model.items)
    return forms.widget_form(
             views.heading(WIDGET, "result", "How exposed you are"),
             h("p", {"class": "exposure"}, h("strong", {}, words), " ",
               f"{shown} of {total} kinds of information can be seen by people who are not your friends.",
               f" You do not know for {unknown}." if unknown else None),
             h("div", {"class": "general-rules-panel"}, h("h3", {}, model.general_title), general_view(model, ctx))
             if says_no(model, answers) else None,
             h("h3", {}, "What to remove or restrict"),
             views.action_list(actions, ctx),
             views.already_right(right),
             views.reminders_view(model.reminders, ctx),
             views.result_buttons(WIDGET, remember))


def _flow(model: Model) -> steps.Flow:
    return steps.Flow.bind(WIDGET, model, form_view, validate, rows, result_view, interim)


def render(model: Model, ctx: Context) -> Node:
    """The static page: every question with its guidance (a printable checklist)."""
    return form_view(model, ctx, {}, {}, False)


def respond(model: Model, ctx: Context, request: Request) -> Response:
    return steps.respond(_flow(model), ctx, request)

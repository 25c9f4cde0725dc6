"""The privacy-settings self-check: which platforms the reader uses and how each is set up.

Questions with ``scope = "account"`` are asked once; questions with
``scope = "platform"`` are asked for every platform the reader ticks (all
platforms on the static page, so that it prints as a complete checklist).
The rules, risks and advice are in quiz/data/privacy_settings.toml.
"""
from __future__ import annotations

from dataclasses import dataclass

from ... import forms
from ...checker import Checker, Problem, check, fingerprint
from ...context import Context
from ...protocol import Request, Response
from ...view import Node, h
from .. import PRIVACY_SETTINGS as WIDGET
from ...selfcheck import loading, rules, steps, views
from ...selfcheck.model import Action, Question, Reminder, Rule

PLATFORMS_FIELD = "platforms"


@dataclass(frozen=True)
class Model:
    """The privacy-settings check, as its data file holds it once checked."""

    title: str
    platforms_question: Question
    platforms: tuple[tuple[str, str], ...]  # (id, name) in form order
    account: tuple[Question, ...]
    per_platform: dict[str, tuple[Question, ...]]  # platform id -> its questions
    rules: tuple[Rule, ...]
    reminders: tuple[Reminder, ...]
    notes: dict[str, tuple[Reminder, ...]]  # platform id -> what the documents say about it, shown when ticked
    version: str  # the data file's fingerprint (saved answers from another version are not used)

    def questions_for(self, platform_ids: list[str]) -> list[Question]:
        """The form's questions, in order, for the platforms given."""
        out = list(self.account)
        for pid, _ in self.platforms:
            if pid in platform_ids:
                out += self.per_platform[pid]
        return out


def parse(raw: dict, chk: Checker) -> Model:
    """The model of privacy_settings.toml; every problem goes to `chk`."""
    chk.known(raw, ("title", "dont_know_label", "platform_question", "platforms", "questions", "rules", "reminders"),
              "(file)", "table or setting")
    title = chk.text(raw, "title", "(file)")
    dont_know = chk.text(raw, "dont_know_label", "(file)")

    platforms: list[tuple[str, str]] = []
    notes: dict[str, tuple[Reminder, ...]] = {}
    seen: set[str] = set()
    for i, p in enumerate(chk.items(raw, "platforms", "(platforms)")):
        pid = chk.ident(p, f"platform {i + 1}", seen)
        name = chk.text(p, "name", f"platform {pid or i + 1}")
        chk.known(p, ("id", "name", "notes"), f"platform {pid or i + 1}", "setting")
        if "notes" in p:
            notes[pid] = tuple(loading.load_reminders(p, chk, "notes", f"platform {pid} note"))
        if pid and "--" in pid:
            chk.add(f"platform {pid}", "an id must not contain '--'")
        if pid and name:
            platforms.append((pid, name))
    pq = chk.table(raw, "platform_question", "(platform_question)")
    platforms_question = Question(PLATFORMS_FIELD, chk.text(pq, "text", "platform_question"), tuple(platforms),
                                  multiple=True, hint=chk.text(pq, "hint", "platform_question", required=False),
                                  why=chk.text(pq, "why", "platform_question"))

    account: list[Question] = []
    per_platform: dict[str, list[Question]] = {pid: [] for pid, _ in platforms}
    names = dict(platforms)
    choices_by_id: dict[str, tuple[tuple[str, str], ...]] = {}
    for q in loading.load_questions(raw, chk, dont_know):
        qraw, item = q["raw"], f"question {q['id']}"
        if "--" in q["id"] or q["id"] == PLATFORMS_FIELD:
            chk.add(item, f"an id must not contain '--' or be {PLATFORMS_FIELD!r}")
        choices_by_id[q["id"]] = q["choices"]
        common = {k: q[k] for k in ("text", "hint", "why", "check", "ok", "choices")}
        scope = qraw.get("scope", "")
        if scope == "account":
            account.append(Question(q["id"], where=chk.text(qraw, "where", item), **common))
        elif scope == "platform":
            only = chk.texts(qraw.get("platforms", list(names)), item, "platforms")
            if qraw.get("platforms") == []:
                chk.add(item, "'platforms' is empty: name the platforms to ask on, or leave it out to ask on all")
            for pid in only:
                if pid not in names:
                    chk.add(item, f"unknown platform {pid!r}")
            where = chk.table(qraw, "where", item)
            for pid in where:
                if pid not in names:
                    chk.add(item, f"'where' names unknown platform {pid!r}")
            for pid in names:
                if pid not in only:
                    continue
                text = where.get(pid, "")
                if not isinstance(text, str) or not text.strip():
                    chk.add(item, f"'where' has no text for platform {pid!r}")
                    text = ""
                per_platform[pid].append(Question(f"{pid}--{q['id']}", where=text.strip(), topic=names[pid], **common))
        else:
            chk.add(item, f"'scope' must be \"account\" or \"platform\", not {scope!r}")
    return Model(title, platforms_question, tuple(platforms), tuple(account),
                 {pid: tuple(qs) for pid, qs in per_platform.items()},
                 tuple(loading.load_rules(raw, chk, choices_by_id)), tuple(loading.load_reminders(raw, chk)),
                 notes, fingerprint(raw))


def load(raw: dict, file: str, clause_ids: set[str]) -> tuple[Model | None, list[Problem]]:
    return check(raw, parse, file, clause_ids)


# --- answers ------------------------------------------------------------------------------

def chosen_platforms(model: Model, answers: dict[str, list[str]]) -> list[str]:
    return rules.chosen(answers, model.platforms_question)


def validate(model: Model, answers: dict[str, list[str]]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not chosen_platforms(model, answers):
        errors[PLATFORMS_FIELD] = "Select the platforms you use"
    for q in model.questions_for(chosen_platforms(model, answers)):
        if not rules.chosen(answers, q):
            errors[q.id] = f"Answer “{q.text}”" + (f" for {q.topic}" if q.topic else "")
    return errors


def rows(model: Model, answers: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    def answer(q: Question) -> str:
        labels = dict(q.choices)
        return ", ".join(labels[v] for v in rules.chosen(answers, q))

    out = [(PLATFORMS_FIELD, model.platforms_question.text, answer(model.platforms_question))]
    out += [(q.id, (f"{q.topic}: " if q.topic else "") + q.text, answer(q))
            for q in model.questions_for(chosen_platforms(model, answers))]
    return out


def plan(model: Model, answers: dict[str, list[str]]) -> tuple[list[Action], list[Question]]:
    """The ranked actions and the settings already right, for these answers."""
    actions, right = rules.plan(model.questions_for(chosen_platforms(model, answers)), model.rules, answers)
    return rules.one_per_fix(actions), right


# --- views --------------------------------------------------------------------------------

def form_view(model: Model, ctx: Context, answers: dict, errors: dict, remember: bool) -> Node:
    picked = chosen_platforms(model, answers)
    shown = [pid for pid, _ in model.platforms if pid in picked] or [pid for pid, _ in model.platforms]
    names = dict(model.platforms)

    def q_view(q: Question) -> Node:
        return views.question_view(WIDGET, q, ctx, answers, errors, rules.clauses_of(q, model.rules))

    pq = model.platforms_question
    platform_part = forms.question(
        WIDGET, PLATFORMS_FIELD, pq.text, pq.choices, multiple=True, chosen=picked, hint=pq.hint or None,
        error=errors.get(PLATFORMS_FIELD), legend_tag="h3",
        guidance=h("div", {"class": "site-advice question-guidance"}, h("p", {}, pq.why)))
    sections = [
        h("section", {"class": "selfcheck-part", "aria-labelledby": f"{WIDGET}-part-{pid}"},
          h("h3", {"id": f"{WIDGET}-part-{pid}"}, names[pid]),
          h("p", {"class": "form-hint"}, f"Answer these if you use {names[pid]}.") if not picked else None,
          *[q_view(q) for q in model.per_platform[pid]])
        for pid in shown
    ]
    return views.form_shell(
        WIDGET, model.title, errors, remember,
        # With JavaScript, ticking a platform re-draws the form with only its questions.
        h("div", {"data-refresh": PLATFORMS_FIELD}, platform_part),
        h("section", {"class": "selfcheck-part", "aria-labelledby": f"{WIDGET}-part-account"},
          h("h3", {"id": f"{WIDGET}-part-account"}, "All your accounts"),
          *[q_view(q) for q in model.account]),
        *sections)


def result_view(model: Model, ctx: Context, answers: dict, remember: bool) -> Node:
    actions, right = plan(model, answers)
    return forms.widget_form(
             views.heading(WIDGET, "result", "Your privacy action plan"),
             h("p", {"class": "site-advice"},
               "Ranked by risk, most urgent first. Each action says what to change, why, and where to look."),
             views.action_list(actions, ctx),
             views.already_right(right),
             *[views.reminders_view(model.notes[pid], ctx, f"About {name}")
               for pid, name in model.platforms if pid in model.notes and pid in chosen_platforms(model, answers)],
             views.reminders_view(model.reminders, ctx),
             views.result_buttons(WIDGET, remember))


def _flow(model: Model) -> steps.Flow:
    return steps.Flow.bind(WIDGET, model, form_view, validate, rows, result_view)


def render(model: Model, ctx: Context) -> Node:
    """The static page: every platform's questions with their guidance (a printable checklist)."""
    return form_view(model, ctx, {}, {}, False)


def respond(model: Model, ctx: Context, request: Request) -> Response:
    return steps.respond(_flow(model), ctx, request)

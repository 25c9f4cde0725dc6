"""The views both self-checks share: questions with guidance, the form shell, check your answers, the action plan."""
from __future__ import annotations

from .. import forms
from ..context import Context
from ..protocol import focus_id
from ..view import Node, h
from .model import RISKS, Action, Question, Reminder
from .rules import chosen


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


heading = forms.step_heading  # (widget, step, text): the one heading helper


def memory_controls(widget: str, remember: bool) -> Node:
    """Remember or forget buttons for the steps after the form (the form has a checkbox)."""
    if remember:
        return h("p", {"class": "js-only no-print"}, "Your answers are saved on this device. ",
                 forms.button("Forget my answers on this device", "forget", secondary=True))
    return h("p", {"class": "js-only no-print"},
             forms.button("Remember my answers on this device", "remember", secondary=True))


def restart_button() -> Node:
    return forms.button("Start again", "restart", secondary=True)


def form_shell(widget: str, title: str, errors: dict[str, str], remember: bool, *body: Node,
               submit: str = "Continue") -> Node:
    """The form around a self-check's questions: error summary, title, questions, remember, buttons."""
    return forms.widget_form(
             forms.error_summary(widget, errors),
             heading(widget, "form", title),
             h("p", {"class": "site-advice"},
               "Your answers stay in this browser: they are not sent anywhere and not kept unless you ask."),
             *body,
             forms.checkbox_option(widget, "remember", "Remember my answers on this device", remember),
             h("p", {"class": "no-print"}, forms.button(submit, "continue"), " ", restart_button()))


def check_answers_view(widget: str, rows: list[tuple[str, str, str]], remember: bool) -> Node:
    return forms.widget_form(
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
        # Rules and advice alike: the why says which it is, so the label only says whose words these are.
        basis = h("p", {"class": "action-basis"}, h("strong", {}, "In the document's words: "),
                  *quoted(rule.quote, rule.clauses, ctx))
    else:
        basis = h("p", {"class": "action-basis"}, h("strong", {}, "Read: "), *ctx.cite_all(list(rule.clauses)))
    return h("li", {"class": f"action action--{rule.risk}"},
             h("h3", {}, title),
             h("p", {"class": f"risk-tag risk-tag--{rule.risk}"}, h("strong", {}, RISKS.get(rule.risk, rule.risk))),
             h("p", {"class": "site-advice"}, h("strong", {}, "Why: "), rule.why),
             h("p", {"class": "site-advice"}, h("strong", {}, "Where to look: "), where) if where else None,
             h("p", {"class": "site-advice"}, h("strong", {}, "The same setting also: "),
               "; ".join(o.rule.action[0].lower() + o.rule.action[1:] for o in a.also) + ".") if a.also else None,
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


def quoted(quote: str, clauses: tuple[str, ...], ctx: Context) -> list[Node]:
    """A quote credited to the one clause it is from, then any related clauses apart.

    No brackets around the citation: clause names end in ")" (Procedure 3.1 c)), and a quote
    followed by several clauses would read as if each of them said it.
    """
    if not quote:
        return ["Read: ", *ctx.cite_all(list(clauses)), "."]
    related = [" See also ", *ctx.cite_all(list(clauses[1:])), "."] if len(clauses) > 1 else []
    return [h("q", {}, quote), " \u2014 ", ctx.cite(clauses[0]), ".", *related]


def reminder_items(reminders: tuple[Reminder, ...] | list[Reminder], ctx: Context) -> list[Node]:
    """Each reminder: the site's words, the clause's own words quoted, and the clause cited."""
    return [h("li", {}, h("span", {"class": "site-advice"}, r.text), " ", *quoted(r.quote, r.clauses, ctx))
            for r in reminders]


def reminders_view(reminders: tuple[Reminder, ...], ctx: Context, title: str = "Remember") -> Node | None:
    if not reminders:
        return None
    return h("div", {"class": "reminders"}, h("h3", {}, title), h("ul", {}, *reminder_items(reminders, ctx)))


def result_buttons(widget: str, remember: bool) -> Node:
    return h("div", {"class": "no-print"},
             h("p", {},
               h("button", {"type": "button", "class": "md-button md-button--primary js-only",
                            "data-client-action": "print"}, "Print or save my action plan"),
               " ", forms.button("Change my answers", "back", secondary=True), " ", restart_button()),
             memory_controls(widget, remember))

"""The sensitive-role self-check: its rules, its data validation and its steps (CPython)."""
from __future__ import annotations

import copy

import pytest

from quiz.widgets import sensitive_roles as sr
from quiz.selfcheck.model import DONT_KNOW
from quiz.view import text_of, to_html
from tests.support.selfcheck_data import CTX, IDS, find, normalise, quoted_in, problems_after, raw, sources_text

FILE = "sensitive_roles.toml"
ELEVEN = ["Details of employer", "Details of employment post", "Images in any uniform", "Mobile telephone numbers",
          "Home address", "Personal email addresses", "Family members' details", "Hobbies or places often visited",
          "Details of vehicles", "Sensitive personal data", "Images of colleagues without their consent"]


@pytest.fixture(scope="module")
def model() -> sr.Model:
    m, problems = sr.load(raw(FILE), FILE, IDS)
    assert problems == []
    return m


def answers_with(model: sr.Model, role: str = "yes", **items: str) -> dict[str, list[str]]:
    answers = {"role": [role], **{q.id: ["no"] for q in model.items}}
    answers.update({k.replace("_", "-"): [v] for k, v in items.items()})
    return answers


# --- the data file ------------------------------------------------------------------------

def test_data_file_loads_against_the_sites_clauses(clause_ids: set[str]) -> None:
    if not clause_ids:
        pytest.skip("docs/ has no clause anchors yet")
    _, problems = sr.load(raw(FILE), FILE, clause_ids)
    assert problems == []


def test_the_items_are_policy_2_3s_eleven_in_its_words_and_order(model: sr.Model) -> None:
    assert [q.topic for q in model.items] == ELEVEN
    policy = sources_text("policy")
    for item in ELEVEN:
        assert f"- {item}\n" in policy


def test_every_quote_is_the_sources_exact_words() -> None:
    sources = normalise(sources_text("policy", "procedure"))
    data = raw(FILE)
    quotes = [x["quote"] for x in data["rules"] + data["reminders"] + data["general"]["reminders"] if x.get("quote")]
    assert len(quotes) > 10
    for quote in quotes:
        assert quoted_in(quote, sources), quote


def test_every_question_offers_yes_no_and_i_do_not_know(model: sr.Model) -> None:
    for q in model.items:
        assert [v for v, _ in q.choices] == ["yes", "no", DONT_KNOW]


# --- one scenario per rule ----------------------------------------------------------------

RULES = [("employer", "employer-remove", "high"), ("post", "post-remove", "high"),
         ("uniform", "uniform-remove", "high"), ("mobile", "mobile-remove", "high"),
         ("home-address", "home-address-remove", "high"), ("email", "email-remove", "medium"),
         ("family", "family-remove", "high"), ("hobbies", "hobbies-restrict", "medium"),
         ("vehicles", "vehicles-remove", "medium"), ("sensitive-data", "sensitive-data-remove", "high"),
         ("colleagues", "colleagues-remove", "medium")]


@pytest.mark.parametrize("question, rule, risk", RULES)
def test_each_item_that_shows_gives_its_action(model: sr.Model, question: str, rule: str, risk: str) -> None:
    answers = answers_with(model)
    assert sr.plan(model, answers)[0] == []
    answers[question] = ["yes"]
    actions, right = sr.plan(model, answers)
    assert [(a.question.id, a.rule.id, a.rule.risk) for a in actions] == [(question, rule, risk)]
    assert actions[0].rule.clauses[0] == "policy-2-3"
    assert len(right) == 10
    assert sr.exposure(model, answers)[:2] == (1, 0)


def test_every_rule_in_the_file_has_a_scenario_above() -> None:
    assert {x["id"] for x in raw(FILE)["rules"]} == {rule for _, rule, _ in RULES}


def test_i_do_not_know_asks_the_reader_to_check(model: sr.Model) -> None:
    answers = answers_with(model, vehicles=DONT_KNOW)
    actions, _ = sr.plan(model, answers)
    assert [a.rule.action for a in actions] == ["Look through your photos for your car and its number plate"]
    assert sr.exposure(model, answers)[:2] == (0, 1)
    assert "You do not know for 1." in text_of(sr.result_view(model, CTX, answers, False))


@pytest.mark.parametrize("shown, words", [(0, "Not exposed on these points."), (1, "Somewhat exposed."),
                                          (2, "Somewhat exposed."), (3, "Exposed."), (6, "Highly exposed."),
                                          (11, "Highly exposed.")])
def test_exposure_in_words_and_as_a_count_out_of_eleven(model: sr.Model, shown: int, words: str) -> None:
    answers = answers_with(model)
    for q in model.items[:shown]:
        answers[q.id] = ["yes"]
    assert sr.exposure(model, answers) == (shown, 0, words)
    text = text_of(sr.result_view(model, CTX, answers, False))
    assert f"{words} {shown} of 11 kinds of information" in text


def test_result_ranks_by_risk_and_gives_the_audience_rule_and_timeline_reminder(model: sr.Model) -> None:
    answers = answers_with(model, colleagues="yes", home_address="yes")
    actions, _ = sr.plan(model, answers)
    assert [a.question.id for a in actions] == ["home-address", "colleagues"]
    text = text_of(sr.result_view(model, CTX, answers, False))
    assert "this should be set to at most only 'friends' and never 'public'" in text
    assert "when posting on another person's timeline, they control what audience can view the post" in text
    assert "Home address: Remove your home address" in text


# --- validation ---------------------------------------------------------------------------

@pytest.mark.parametrize("change, expected", [
    (lambda d: find(d, "rules", "mobile-remove").update(clauses=["policy-2-3", "procedure-9"]),
     "sensitive_roles.toml: rule mobile-remove: unknown clause id 'procedure-9'"),
    (lambda d: d["questions"].append(copy.deepcopy(find(d, "questions", "email"))),
     "sensitive_roles.toml: email: duplicate id"),
    (lambda d: find(d, "questions", "email").update(item=""),
     "sensitive_roles.toml: question email: 'item' is missing or empty"),
    (lambda d: find(d, "rules", "email-remove").update(risk="critical"),
     "sensitive_roles.toml: rule email-remove: unknown risk level 'critical'"),
    (lambda d: find(d, "rules", "email-remove").update(answers=["maybe"]),
     "sensitive_roles.toml: rule email-remove: answer 'maybe' is not one of question 'email''s answers"),
    (lambda d: d["role"].update(general_rules_for=["nope"]),
     "sensitive_roles.toml: role: 'general_rules_for' names answer 'nope'"),
    (lambda d: d["general"]["reminders"][0].update(clauses=["policy-2-33"]),
     "sensitive_roles.toml: reminder 1: unknown clause id 'policy-2-33'"),
    (lambda d: d["exposure"][1].update(at_least=0), "sensitive_roles.toml: exposure 2: levels must be in increasing order"),
    (lambda d: d["exposure"][0].update(at_least=1), "sensitive_roles.toml: exposure 1: the first level must have at_least = 0"),
    (lambda d: find(d, "questions", "uniform").update(answers=[{"value": "no", "label": "No"},
                                                             {"value": "maybe", "label": "Maybe"}]),
     "sensitive_roles.toml: question uniform: needs the answer 'yes'"),
    (lambda d: find(d, "questions", "uniform").update(id="role"),
     "sensitive_roles.toml: question role: this id is used by the form itself"),
])
def test_validation_names_file_item_and_problem(change, expected: str) -> None:  # noqa: ANN001
    problems = problems_after(sr, FILE, change)
    assert any(p.startswith(expected) for p in problems), problems


# --- the steps ----------------------------------------------------------------------------

def ask(model: sr.Model, action: str, answers: dict | None = None, state=None) -> dict:  # noqa: ANN001
    return sr.respond(model, CTX, {"action": action, "answers": answers or {}, "state": state,
                                   "seed": 1, "today": "2025-01-01"})


def test_no_role_answer_is_an_error_with_focus_on_the_summary(model: sr.Model) -> None:
    res = ask(model, "continue", {})
    assert res["focus"] == "#sensitive-roles-error-summary"
    html = to_html(res["view"])
    assert 'href="#sensitive-roles-role"' in html and 'id="sensitive-roles-role-error"' in html


def test_missing_items_are_each_an_error(model: sr.Model) -> None:
    answers = answers_with(model)
    del answers["vehicles"], answers["family"]
    res = ask(model, "continue", answers)
    html = to_html(res["view"])
    assert 'href="#sensitive-roles-vehicles"' in html and 'href="#sensitive-roles-family"' in html
    assert 'href="#sensitive-roles-employer"' not in html


def test_a_reader_who_says_no_sees_the_general_rules_and_can_carry_on(model: sr.Model) -> None:
    res = ask(model, "continue", {"role": ["no"]})
    assert res["focus"] == "#sensitive-roles-interim-title"
    text = text_of(res["view"])
    assert "What applies to all staff, and what is advice" in text and "never 'public'" in text
    assert 'value="carry-on"' in to_html(res["view"])
    res = ask(model, "carry-on", state=res["state"])
    html = to_html(res["view"])
    assert 'name="carry-on" value="yes"' in html and 'name="role" value="no" checked' in html
    # Carrying on, the items are now required.
    res = ask(model, "continue", {"role": ["no"], "carry-on": ["yes"]})
    assert res["focus"] == "#sensitive-roles-error-summary"


def test_a_reader_who_says_no_but_answers_everything_gets_the_result_with_general_rules(model: sr.Model) -> None:
    res = ask(model, "continue", answers_with(model, role="no", mobile="yes"))
    assert res["focus"] == "#sensitive-roles-check-title"
    res = ask(model, "confirm", state=res["state"])
    text = text_of(res["view"])
    assert "What applies to all staff, and what is advice" in text and "1 of 11" in text


def test_flow_to_result_then_start_again(model: sr.Model) -> None:
    res = ask(model, "continue", answers_with(model, employer="yes"))
    assert "Check your answers" in text_of(res["view"])
    res = ask(model, "confirm", state=res["state"])
    assert res["focus"] == "#sensitive-roles-result-title"
    assert 'data-client-action="print"' in to_html(res["view"])
    res = ask(model, "restart", state=res["state"])
    assert res["state"]["answers"] == {} and res["store"] is False
    assert " checked" not in to_html(res["view"])


def test_remember_then_forget(model: sr.Model) -> None:
    res = ask(model, "continue", {**answers_with(model), "remember": ["yes"]})
    assert res["store"] is True
    res = ask(model, "confirm", state=res["state"])
    assert res["store"] is True  # the result step is kept too, so a return visit resumes there
    assert "How exposed you are" in text_of(ask(model, "start", state=res["state"])["view"])
    res = ask(model, "forget", state=res["state"])
    assert res["store"] is False
    assert 'value="remember"' in to_html(res["view"])


def test_forget_on_the_form_keeps_the_answers_on_it(model: sr.Model) -> None:
    """Another tab forgot while this one shows the form: the answers given since are not lost."""
    res = ask(model, "continue", {**answers_with(model), "remember": ["yes"]})
    res = ask(model, "back", state=res["state"])
    on_the_form = {**answers_with(model, employer="yes"), "remember": ["yes"]}
    res = ask(model, "forget", on_the_form, state=res["state"])
    assert res["store"] is False and res["state"]["remember"] is False
    assert res["state"]["answers"]["employer"] == ["yes"]


def test_the_static_page_lists_every_item_with_guidance(model: sr.Model) -> None:
    html = to_html(sr.render(model, CTX))
    for q in model.items:
        assert f'id="sensitive-roles-{q.id}"' in html
    assert html.count("Where to look:") == 11 and " checked" not in html

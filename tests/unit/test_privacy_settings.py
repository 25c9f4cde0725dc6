"""The privacy-settings self-check: its rules, its data validation and its steps (CPython)."""
from __future__ import annotations

import copy

import pytest

from quiz.widgets import privacy_settings as ps
from quiz.selfcheck import views
from quiz.selfcheck.model import DONT_KNOW
from quiz.view import text_of, to_html
from tests.support.selfcheck_data import CTX, IDS, find, normalise, quoted_in, problems_after, raw, sources_text

FILE = "privacy_settings.toml"


@pytest.fixture(scope="module")
def model() -> ps.Model:
    m, problems = ps.load(raw(FILE), FILE, IDS)
    assert problems == []
    return m


def good_answers(model: ps.Model, platforms: list[str]) -> dict[str, list[str]]:
    """Every question answered with its first (safe) answer."""
    answers = {"platforms": platforms}
    for q in model.questions_for(platforms):
        answers[q.id] = [q.choices[0][0]]
    return answers


def action_ids(model: ps.Model, answers: dict) -> list[str]:
    actions, _ = ps.plan(model, answers)
    return [a.question.id + "/" + a.rule.id for a in actions]


# --- the data file ------------------------------------------------------------------------

def test_data_file_loads_against_the_sites_clauses(clause_ids: set[str]) -> None:
    if not clause_ids:
        pytest.skip("docs/ has no clause anchors yet")
    _, problems = ps.load(raw(FILE), FILE, clause_ids)
    assert problems == []


def test_every_question_offers_i_do_not_know(model: ps.Model) -> None:
    for q in model.questions_for([p for p, _ in model.platforms]):
        assert q.choices[-1] == (DONT_KNOW, "I do not know"), q.id


def test_the_five_platforms_are_offered(model: ps.Model) -> None:
    assert {n for _, n in model.platforms} >= {"Facebook", "Instagram", "X (Twitter)", "LinkedIn", "TikTok"}


def test_every_quote_is_the_sources_exact_words() -> None:
    sources = normalise(sources_text("policy", "procedure"))
    data = raw(FILE)
    quotes = [r["quote"] for r in data["rules"] if r.get("quote")] + [r["quote"] for r in data["reminders"] if r.get("quote")]
    assert quotes
    for quote in quotes:
        assert quoted_in(quote, sources), quote


def test_policy_quotes_cite_a_policy_clause_first() -> None:
    policy = normalise(sources_text("policy"))
    for r in raw(FILE)["rules"]:
        if r.get("quote"):
            in_policy = normalise(r["quote"]) in policy
            assert r["clauses"][0].startswith("policy-" if in_policy else "procedure-"), r["id"]


# --- one scenario per rule ----------------------------------------------------------------

@pytest.mark.parametrize("question, answer, rule, risk, clause", [
    ("service-users", "yes", "service-users-remove", "high", "procedure-3-4-2"),
    ("password", "some", "password-strengthen", "high", "procedure-appendix-2-use-secure-passwords"),
    ("password", "none", "password-strengthen", "high", "procedure-appendix-2-use-secure-passwords"),
    ("strangers", "sometimes", "strangers-ignore", "medium", "procedure-appendix-2-stranger-danger"),
    ("strangers", "usually", "strangers-ignore", "medium", "procedure-appendix-2-stranger-danger"),
    ("two-step", "none", "two-step-on", "medium", None),
    ("facebook--audience-new", "public", "audience-new-public", "high", "policy-2-3"),
    ("facebook--audience-new", "varies", "audience-new-varies", "medium", "policy-2-3"),
    ("facebook--audience-old", "some-public", "audience-old-public", "high", "policy-2-3"),
    ("facebook--find-by-contact", "yes", "find-by-contact-restrict", "medium", "procedure-appendix-2-check-default-settings"),
    ("facebook--search-engines", "yes", "search-engines-off", "medium", "policy-2-3"),
    ("role", "yes", "role-sensitive-check", "high", "policy-2-3"),
    ("facebook--location", "usually", "location-off", "medium", "policy-2-3"),
    ("facebook--friends-list", "public", "friends-list-hide", "medium", "policy-2-3"),
    ("facebook--tag-review", "no", "tag-review-on", "low", None),
])
def test_each_rule_fires_for_its_answer(model: ps.Model, question: str, answer: str, rule: str, risk: str,
                                        clause: str | None) -> None:
    answers = good_answers(model, ["facebook"])
    assert action_ids(model, answers) == []
    answers[question] = [answer]
    actions, _ = ps.plan(model, answers)
    assert [(a.question.id, a.rule.id, a.rule.risk) for a in actions] == [(question, rule, risk)]
    if clause is None:
        assert actions[0].rule.good_practice
        assert "Good practice, not a clause." in text_of(views.action_item(actions[0], CTX))
    else:
        assert clause in actions[0].rule.clauses and not actions[0].rule.good_practice


def test_every_rule_in_the_file_has_a_scenario_above() -> None:
    tested = {"service-users-remove", "password-strengthen", "strangers-ignore", "two-step-on", "audience-new-public",
              "audience-new-varies", "audience-old-public", "find-by-contact-restrict", "search-engines-off",
              "employer-hide", "location-off", "friends-list-hide", "tag-review-on", "role-sensitive-check"}
    assert {r["id"] for r in raw(FILE)["rules"]} == tested


def test_i_do_not_know_asks_the_reader_to_check_that_setting(model: ps.Model) -> None:
    answers = good_answers(model, ["instagram"])
    answers["instagram--audience-new"] = [DONT_KNOW]
    actions, right = ps.plan(model, answers)
    assert len(actions) == 1
    a = actions[0]
    assert a.rule.action == "Check who can see your new posts"
    assert a.rule.risk == "high"  # as urgent as the worst answer could be
    assert "policy-2-3" in a.rule.clauses
    assert "Account privacy" in (a.rule.where or a.question.where)  # Instagram's own place to look
    assert a.question.id not in {q.id for q in right}


def test_actions_are_ranked_by_risk_and_right_settings_acknowledged(model: ps.Model) -> None:
    answers = good_answers(model, ["facebook", "x"])
    answers["x--tag-review"] = ["no"]  # low
    answers["facebook--location"] = ["sometimes"]  # medium
    answers["service-users"] = ["yes"]  # high
    actions, right = ps.plan(model, answers)
    assert [a.rule.risk for a in actions] == ["high", "medium", "low"]
    view = text_of(ps.result_view(model, CTX, answers, False))
    assert "X (Twitter): Turn on review of tags" in view
    assert "Already right" in view and "Facebook: Only people you have accepted can see your new posts." in view


def test_only_chosen_platforms_are_asked_and_judged(model: ps.Model) -> None:
    answers = good_answers(model, ["linkedin"])
    answers["facebook--audience-new"] = ["public"]  # a leftover answer for a platform not chosen
    assert action_ids(model, answers) == []
    assert "linkedin--employer" not in answers  # LinkedIn is not asked about showing the employer


# --- validation: each broken input and the problem it gives -----------------------------

@pytest.mark.parametrize("change, expected", [
    (lambda d: find(d, "rules", "audience-new-public").update(clauses=["policy-9-9"]),
     "privacy_settings.toml: rule audience-new-public: unknown clause id 'policy-9-9'"),
    (lambda d: d["rules"].append(copy.deepcopy(find(d, "rules", "tag-review-on"))),
     "privacy_settings.toml: tag-review-on: duplicate id"),
    (lambda d: d["questions"].append(copy.deepcopy(find(d, "questions", "location"))),
     "privacy_settings.toml: location: duplicate id"),
    (lambda d: find(d, "questions", "password").update(text="  "),
     "privacy_settings.toml: question password: 'text' is missing or empty"),
    (lambda d: find(d, "rules", "location-off").update(action=""),
     "privacy_settings.toml: rule location-off: 'action' is missing or empty"),
    (lambda d: find(d, "rules", "location-off").update(risk="severe"),
     "privacy_settings.toml: rule location-off: unknown risk level 'severe' (use one of: high, medium, low)"),
    (lambda d: find(d, "rules", "location-off").update(answers=["always"]),
     "privacy_settings.toml: rule location-off: answer 'always' is not one of question 'location''s answers"),
    (lambda d: find(d, "rules", "location-off").update(question="locations"),
     "privacy_settings.toml: rule location-off: names question 'locations', which does not exist"),
    (lambda d: find(d, "rules", "search-engines-off").update(clauses=[]),
     "privacy_settings.toml: rule search-engines-off: no clauses"),
    (lambda d: find(d, "questions", "tag-review")["where"].pop("tiktok"),
     "privacy_settings.toml: question tag-review: 'where' has no text for platform 'tiktok'"),
    (lambda d: find(d, "questions", "tag-review").update(platforms=["myspace"]),
     "privacy_settings.toml: question tag-review: unknown platform 'myspace'"),
    (lambda d: find(d, "questions", "tag-review").update(platforms=[]),
     "privacy_settings.toml: question tag-review: 'platforms' is empty: name the platforms to ask on, "
     "or leave it out to ask on all"),
    (lambda d: find(d, "questions", "password").update(scope="everywhere"),
     "privacy_settings.toml: question password: 'scope' must be \"account\" or \"platform\""),
    (lambda d: find(d, "questions", "password")["answers"].append({"value": "dont-know", "label": "Not sure"}),
     "privacy_settings.toml: question password: answer 'dont-know' is added to every question"),
    (lambda d: d.update(rules=[x for x in d["rules"] if x["question"] != "two-step"]),
     "privacy_settings.toml: question two-step: no rule uses this question"),
    (lambda d: d["reminders"][0].update(clauses=["policy-23"]),
     "privacy_settings.toml: reminder 1: unknown clause id 'policy-23'"),
])
def test_validation_names_file_item_and_problem(change, expected: str) -> None:  # noqa: ANN001
    problems = problems_after(ps, FILE, change)
    assert any(p.startswith(expected) for p in problems), problems


def test_validation_reports_every_problem_at_once() -> None:
    def two(d: dict) -> None:
        find(d, "rules", "location-off").update(risk="severe")
        find(d, "questions", "password").update(text="")
    assert len(problems_after(ps, FILE, two)) == 2


# --- the steps (respond) ------------------------------------------------------------------

def ask(model: ps.Model, action: str, answers: dict | None = None, state=None) -> dict:  # noqa: ANN001
    return ps.respond(model, CTX, {"action": action, "answers": answers or {}, "state": state,
                                   "seed": 1, "today": "2025-01-01"})


def test_start_with_nothing_stored_leaves_the_page(model: ps.Model) -> None:
    assert ask(model, "start") == {"view": None, "state": None, "focus": None, "announce": "", "store": None}


def test_missing_answers_give_an_error_summary_with_focus(model: ps.Model) -> None:
    answers = good_answers(model, ["facebook"])
    del answers["facebook--location"], answers["password"]
    res = ask(model, "continue", answers)
    assert res["focus"] == "#privacy-settings-error-summary"
    html = to_html(res["view"])
    assert 'href="#privacy-settings-password"' in html and 'href="#privacy-settings-facebook--location"' in html
    assert 'id="privacy-settings-facebook--location-error"' in html  # the inline message too
    assert "There are 2 problems" in res["announce"]
    assert 'value="public" checked' not in html  # nothing chosen for the reader


def test_no_platform_chosen_is_an_error(model: ps.Model) -> None:
    res = ask(model, "continue", {})
    assert 'href="#privacy-settings-platforms"' in to_html(res["view"])


def test_the_static_page_shows_every_platform_and_pre_selects_nothing(model: ps.Model) -> None:
    html = to_html(ps.render(model, CTX))
    for pid, _ in model.platforms:
        assert f'id="privacy-settings-part-{pid}"' in html
    assert " checked" not in html
    assert "Where to look:" in html
    assert 'class="form-checkbox js-only"' in html and 'id="privacy-settings-remember"' in html


def test_continue_then_check_answers_then_result(model: ps.Model) -> None:
    answers = good_answers(model, ["facebook"])
    answers["facebook--audience-new"] = ["public"]
    res = ask(model, "continue", answers)
    assert res["focus"] == "#privacy-settings-check-title"
    assert res["store"] is False  # the reader did not ask to be remembered
    view = to_html(res["view"])
    assert "Check your answers" in view and 'value="change:facebook--audience-new"' in view
    res = ask(model, "confirm", state=res["state"])
    assert res["focus"] == "#privacy-settings-result-title"
    view = text_of(res["view"])
    assert "Facebook: Set the audience for new posts to friends (or fewer), never public" in view
    assert "at most only 'friends' and never 'public'" in view
    assert 'data-client-action="print"' in to_html(res["view"])


def test_change_returns_to_the_form_with_answers_kept(model: ps.Model) -> None:
    answers = good_answers(model, ["facebook"])
    res = ask(model, "continue", answers)
    res = ask(model, "change:facebook--employer", state=res["state"])
    assert res["focus"] == "#privacy-settings-facebook--employer"
    assert 'name="facebook--employer" value="no" checked' in to_html(res["view"])


def test_refresh_shows_only_the_chosen_platforms(model: ps.Model) -> None:
    res = ask(model, "refresh", {"platforms": ["tiktok"]})
    html = to_html(res["view"])
    assert 'id="privacy-settings-part-tiktok"' in html and 'id="privacy-settings-part-facebook"' not in html


def test_start_again_clears_every_answer(model: ps.Model) -> None:
    answers = good_answers(model, ["facebook"])
    res = ask(model, "continue", {**answers, "remember": ["yes"]})
    res = ask(model, "restart", state=res["state"])
    assert res["state"]["answers"] == {} and res["store"] is False
    assert " checked" not in to_html(res["view"])


def test_remember_stores_and_forget_removes(model: ps.Model) -> None:
    answers = good_answers(model, ["x"])
    res = ask(model, "continue", {**answers, "remember": ["yes"]})
    assert res["store"] is True and res["state"]["remember"] is True
    assert "remember" not in res["state"]["answers"]
    restored = ask(model, "start", state=res["state"])
    assert restored["view"] is not None and "Check your answers" in text_of(restored["view"])
    res = ask(model, "forget", state=res["state"])
    assert res["store"] is False and res["state"]["remember"] is False
    assert "removed from this device" in res["announce"]

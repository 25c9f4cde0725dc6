"""What the self-checks and the quiz tell a reader is faithful to the two documents (issue #12).

Every test reads the data files and the source texts themselves: none lists question or rule ids.
"""
from __future__ import annotations

import re
import statistics
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest
from quiz.widgets import quiz as training
from quiz.widgets import privacy_settings as ps
from quiz.widgets import sensitive_roles as sr
from quiz.widgets.quiz.bank import Bank
from quiz.widgets.quiz.draw import attempt_seed, draw
from quiz.view import text_of
from tests.support.selfcheck_data import CTX, IDS, ROOT, normalise, quoted_in, raw, sources_text

SELF_CHECKS = ("privacy_settings.toml", "sensitive_roles.toml")

# Who each document says to report to, and the clause that says it. A text naming a route
# must cite that clause, so the reader can see which council's document the route is from.
ROUTES = {
    "safeguarding lead": "policy-2-2-h",
    "Safeguarding Children": "procedure-3-1-1",
    "Safeguarding Adults": "procedure-3-1-1",
    "Head of Service": "procedure-3-2-4",
}
# Words that make a clause's sentence advice rather than a rule.
PERMISSIVE = ("may wish", "we recommend", "we advise", "encourage", "it is reasonable")
# An action that keeps an item but shows it to fewer people: less than "do not post".
LESSER_STEP = re.compile(r"friends only|to friends|private|hide", re.IGNORECASE)


def items(file_name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every rule, reminder and general reminder of a self-check file, with where it is."""
    data = raw(file_name)
    for key in ("rules", "reminders"):
        for i, item in enumerate(data.get(key, [])):
            yield f"{file_name} {key} {item.get('id', i + 1)}", item
    for i, item in enumerate(data.get("general", {}).get("reminders", [])):
        yield f"{file_name} general reminder {i + 1}", item
    for platform in data.get("platforms", []):
        for i, item in enumerate(platform.get("notes", [])):
            yield f"{file_name} {platform['id']} note {i + 1}", item


def all_items() -> list[tuple[str, dict[str, Any]]]:
    return [pair for f in SELF_CHECKS for pair in items(f)]


def words(item: dict[str, Any]) -> str:
    """What the reader reads of an item, in the site's words."""
    return " ".join(item.get(k, "") for k in ("text", "action", "why"))


def document_of(clause_id: str) -> str:
    return clause_id.split("-", 1)[0]


@pytest.fixture(scope="module")
def bank() -> Bank:
    data = tomllib.loads((ROOT / "quiz" / "data" / "quiz.toml").read_text(encoding="utf-8"))
    model, problems = training.load(data, "quiz.toml", {c for q in data["questions"] for c in q["clauses"]})
    assert problems == []
    return model


# --- quotes -------------------------------------------------------------------------------

@pytest.mark.parametrize("where, item", all_items(), ids=[w for w, _ in all_items()])
def test_a_quote_is_its_first_clauses_own_words_and_starts_where_a_sentence_starts(where: str, item: dict) -> None:
    quote = item.get("quote")
    if not quote:
        return
    assert quoted_in(quote, normalise(sources_text(document_of(item["clauses"][0])))), \
        f"{where}: not the words of {item['clauses'][0]}'s document"
    assert quote[0].isupper() or quote.startswith("…"), f"{where}: starts mid-sentence without an ellipsis"


def test_every_sensitive_role_action_quotes_the_item_it_is_about() -> None:
    model, problems = sr.load(raw("sensitive_roles.toml"), "sensitive_roles.toml", IDS)
    assert problems == []
    answers = {"role": ["yes"], **{q.id: ["yes"] for q in model.items}}
    actions, _ = sr.plan(model, answers)
    assert len(actions) == len(model.items)
    for action in actions:
        assert action.question.topic in action.rule.quote, \
            f"{action.rule.id}: 'What the rules say' does not quote {action.question.topic!r}"
    text = text_of(sr.result_view(model, CTX, answers, False))
    for q in model.items:
        assert f"sites: … {q.topic}" in text or f"sites: {q.topic}" in text


# --- routes ---------------------------------------------------------------------------------

def route_texts(bank: Bank) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(where, what the reader is told, the clauses it cites) for every self-check item and quiz explanation."""
    for where, item in all_items():
        yield where, words(item) + " " + item.get("quote", ""), tuple(item.get("clauses", ()))
    for q in bank.questions:
        yield f"quiz {q.id}", q.explanation, q.clauses


def test_every_route_is_cited_to_the_document_it_comes_from(bank: Bank) -> None:
    checked = 0
    for where, text, clauses in route_texts(bank):
        for route, clause in ROUTES.items():
            if route in text:
                checked += 1
                assert clause in clauses, f"{where} names '{route}' but does not cite {clause}"
    assert checked >= 5


def test_both_safeguarding_routes_say_which_council_is_which() -> None:
    for where, item in all_items():
        text = words(item)
        if "safeguarding lead" in text and "Safeguarding Children" in text:
            assert "Dacorum" in text and "Luton" in text, f"{where}: does not say which route is whose"


# --- rules, advice and the site's own suggestions ---------------------------------------------

@pytest.mark.parametrize("where, item", all_items(), ids=[w for w, _ in all_items()])
def test_advice_and_the_sites_suggestions_are_labelled(where: str, item: dict) -> None:
    if item.get("good_practice"):
        return  # shown as "Good practice, not a clause" by the view
    clauses, quote, said = item.get("clauses", []), item.get("quote", ""), words(item)
    first = clauses[0] if clauses else ""
    if first == "policy-2-3":
        assert "staff in sensitive positions" in said, f"{where}: policy 2.3 is advice for staff in sensitive positions"
    if first.startswith("procedure-appendix-2"):
        assert "tip" in said, f"{where}: the procedure's top tips are tips, not rules"
    if any(p in quote.lower() for p in PERMISSIVE):
        assert any(w in said.lower() for w in ("advice", "recommend", "encourage", "may wish")), \
            f"{where}: the quote is advice, and the site's words must not make it a rule"
    if "do not post" in quote:
        assert not LESSER_STEP.search(item.get("action", "")), \
            f"{where}: the action offers less than the policy's 'do not post' as if it were the policy's"
        if LESSER_STEP.search(item.get("why", "")):
            assert "the site's suggestion" in item["why"], f"{where}: a lesser step must be labelled the site's"


@pytest.mark.parametrize("where, item", [p for p in all_items() if " general reminder " in p[0]])
def test_each_general_reminder_says_whether_it_is_a_rule_or_advice(where: str, item: dict) -> None:
    advice = item["clauses"][0] == "policy-2-3" or any(p in item.get("quote", "").lower() for p in PERMISSIVE)
    label = "Advice" if advice else "Rule"
    assert item["text"].startswith(label), f"{where}: should start with {label!r}"


# --- small things a reader notices --------------------------------------------------------------

def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


@pytest.mark.parametrize("file_name", [*SELF_CHECKS, "quiz.toml"])
def test_no_doubled_closing_parenthesis(file_name: str) -> None:
    doubled = [s for s in strings(raw(file_name)) if "))" in s]
    assert doubled == []


# --- the members track ----------------------------------------------------------------------------

def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{5,}", text.lower())}


def test_every_sentence_for_members_is_asked_on_the_members_track(bank: Bank) -> None:
    """Each sentence of policy 2.7 and of the footnote to 3.2 is the basis of a members-track question."""
    policy = sources_text("policy")
    start = policy.index("2.7 Members' use of social media\n\nMembers")  # the section, not the contents list
    section = policy[start:policy.index("3.0 Social media management", start)]
    footnote = next(line for line in policy.splitlines() if line.startswith("¹ This does not apply to Members"))
    sentences = [s for s in re.split(r"(?<=\.)\s+", (section.split("\n", 1)[1] + " " + footnote[2:]).strip()) if s]
    assert len(sentences) == 9
    asked = [content_words(" ".join([q.text, q.explanation, *(o.text for o in q.options)]))
             for q in bank.for_track("members")]
    for sentence in sentences:
        wanted = content_words(sentence)
        best = max(len(wanted & a) / len(wanted) for a in asked)
        assert best >= 0.7, f"no members-track question rests on: {sentence}"


def test_members_questions_are_about_members(bank: Bank) -> None:
    """Every members-track question is either about members or general advice for everyone."""
    for q in bank.for_track("members"):
        about_members = "member" in (q.text + q.explanation).lower() or q.topic.startswith("members")
        assert about_members or q.topic in ("top-tips", "internal-use"), q.id


# Measured with this bank and quiz/widgets/quiz/draw.py over 500 readers' first three attempts:
# consecutive attempts share no question on either track (both tracks hold at least twice draw_size).
MAX_REPEATS = {"staff": 0, "members": 0}


@pytest.mark.parametrize("track", sorted(MAX_REPEATS))
def test_consecutive_attempts_repeat_at_most_the_stated_figure(bank: Bank, track: str) -> None:
    questions = bank.for_track(track)
    repeats, on_members = [], []
    for seed in range(500):
        previous: list[str] = []
        for attempt in (1, 2, 3):
            drawn = [i["q"] for i in draw(questions, bank.settings.draw_size, attempt_seed(seed, attempt), previous)]
            if previous:
                repeats.append(len(set(drawn) & set(previous)))
            on_members.append(sum(bank.question(q).topic.startswith("members") for q in drawn))
            previous = drawn
    print(f"{track}: repeats mean {statistics.mean(repeats):.2f}, max {max(repeats)}")
    assert max(repeats) <= MAX_REPEATS[track]
    if track == "members":
        assert min(on_members) >= 5, "fewer than half of a members attempt is about members"


# --- what the reader reads on the page ---------------------------------------------------------------

def test_error_messages_begin_with_a_capital_letter() -> None:
    """Every message for an unanswered question, with one platform ticked and with none."""
    privacy, problems = ps.load(raw("privacy_settings.toml"), "privacy_settings.toml", IDS)
    assert problems == []
    sensitive, problems = sr.load(raw("sensitive_roles.toml"), "sensitive_roles.toml", IDS)
    assert problems == []
    messages = [*ps.validate(privacy, {}).values(), *ps.validate(privacy, {"platforms": ["facebook"]}).values(),
                *sr.validate(sensitive, {}).values(), *sr.validate(sensitive, {"role": ["yes"]}).values()]
    assert len(messages) > 10
    assert [m for m in messages if not m[0].isupper()] == []


def test_a_quote_is_credited_to_its_own_clause_without_doubled_brackets() -> None:
    """The result of each check, with every action showing: no "(Procedure 3.1 c))"."""
    model, _ = sr.load(raw("sensitive_roles.toml"), "sensitive_roles.toml", IDS)
    answers = {"role": ["no"], **{q.id: ["yes"] for q in model.items}}
    text = text_of(sr.result_view(model, CTX, answers, False))
    assert "))" not in text
    assert "sites: … Images in any uniform — policy-2-3. See also procedure-appendix-2-be-picture-prudent." in text


# --- the privacy-settings check's plan ------------------------------------------------------------------

@pytest.fixture(scope="module")
def privacy() -> ps.Model:
    model, problems = ps.load(raw("privacy_settings.toml"), "privacy_settings.toml", IDS | {"policy-2-7"})
    assert problems == []
    return model


def answered(model: ps.Model, platforms: list[str], pick: int) -> dict[str, list[str]]:
    """Every question answered with its first real answer (pick=0) or its last (pick=-2: before "I do not know")."""
    answers = {"platforms": platforms}
    for q in model.questions_for(platforms):
        answers[q.id] = [q.choices[pick][0]]
    return answers


def test_a_linkedin_only_reader_gets_policy_2_2s_linkedin_advice(privacy: ps.Model) -> None:
    answers = answered(privacy, ["linkedin"], 0)
    actions, _ = ps.plan(privacy, answers)
    assert actions == []
    text = text_of(ps.result_view(privacy, CTX, answers, False))
    assert "About LinkedIn" in text
    assert "encourages staff to use LinkedIn" in text and "use a meaningful job title" in text
    assert "not to reveal confidential information about the Council" in text
    assert "staff in sensitive positions" in text and "Sensitive-role check" in text


def test_no_answer_scolds_a_job_title_on_linkedin(privacy: ps.Model) -> None:
    for pick in (0, -2, -1):
        actions, _ = ps.plan(privacy, answered(privacy, ["linkedin"], pick))
        assert not [a.rule.action for a in actions if "job" in a.rule.action.lower()]


@pytest.mark.parametrize("pick", (-2, -1))
def test_one_setting_is_one_action(privacy: ps.Model, pick: int) -> None:
    platforms = [pid for pid, _ in privacy.platforms]
    actions, _ = ps.plan(privacy, answered(privacy, platforms, pick))
    fixes = [(a.question.topic, a.rule.where or a.question.where) for a in actions]
    assert len(fixes) == len(set(fixes)), "two actions send the reader to the same setting"
    instagram = [a for a in actions if a.question.topic == "Instagram" and "Private account" in a.question.where]
    assert len(instagram) == 1 and len(instagram[0].also) >= 1


def test_the_readers_role_shapes_the_plan(privacy: ps.Model) -> None:
    """Asked once: a sensitive reader is sent to the Sensitive-role check and gets policy 2.3's employer point."""
    for role, expected in (("no", []), ("not-sure", ["role-sensitive-check", "employer-hide"]),
                           ("yes", ["role-sensitive-check", "employer-hide"])):
        answers = answered(privacy, ["facebook"], 0)
        answers.update({"role": [role], "facebook--employer": ["yes"]})
        actions, right = ps.plan(privacy, answers)
        assert [a.rule.id for a in actions] == expected, role
        assert "facebook--employer" not in [q.id for q in right]  # not "already right" when it shows

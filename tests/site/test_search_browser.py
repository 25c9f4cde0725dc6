"""Search in Chromium, typed into the real search box of the built site as a reader would."""
import json
import tomllib

import pytest
from playwright.sync_api import expect

from tests.support import ROOT
from tests.support.axe import violations
from tests.support.search import SEARCH_INPUT, TRACE, answers, ask, open_search, reader_queries

LEAST_TOP3 = 0.9


@pytest.fixture()
def searching(page, site_url):  # noqa: ANN001, ANN201
    """A page of the site with its search box open and ready."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
    page.add_init_script(TRACE)
    page.goto(site_url + "glossary/")
    open_search(page)
    yield page
    assert errors == []


def test_reader_queries_land_on_their_clauses(searching):
    queries = reader_queries()
    assert len(queries) >= 50
    misses = []
    for query in queries:
        found = ask(searching, query.text)
        if not any(answers(query, clause) for clause in found[:3]):
            misses.append(f"{query.text!r} -> {found[:3]}")
    rate = 1 - len(misses) / len(queries)
    print(f"\nreader queries with an answer in the first three results: {rate:.0%}; missed: {misses}")
    assert rate >= LEAST_TOP3, misses


def test_footnotes_are_found_under_the_clause_citing_them(searching):
    assert ask(searching, "lunchtimes")[0] == "policy-2-2"
    assert ask(searching, "choose to comment and act as spokesperson")[0] == "policy-3-2"


def test_a_lettered_item_result_opens_at_the_item(searching, site_url):
    assert ask(searching, "retweet")[0] == "policy-2-2-e"
    searching.keyboard.press("ArrowDown")
    searching.keyboard.press("ArrowDown")
    searching.keyboard.press("Enter")
    searching.wait_for_url("**#policy-2-2-e")
    expect(searching.locator("[id='policy-2-2-e']")).to_be_in_viewport()


def test_no_result_says_so_and_offers_ways_on(searching):
    assert ask(searching, "zzyzx quokka") == []
    assert "No matching" in searching.locator(".md-search-result__meta").inner_text()
    help_links = searching.locator(".search-help a")
    assert [help_links.nth(i).inner_text() for i in range(help_links.count())] == [
        "the glossary", "the policy's contents", "the procedure", "the self-checks"]
    assert help_links.first.is_visible()
    # Once something is found, the offer goes away.
    ask(searching, "uniform")
    assert not help_links.first.is_visible()


@pytest.mark.parametrize("words", [
    "what is the of and",
    "<img src=x onerror=alert(1)>",
    "social media policy for councillors and staff " * 12,
    '"unclosed quote +mandatory -excluded ~1 ^2 *',
])
def test_odd_queries_show_as_text_and_break_nothing(searching, words):
    ask(searching, words, paste=len(words) > 100)  # a very long query is pasted, not typed
    assert searching.input_value(SEARCH_INPUT) == words
    assert searching.locator(".md-search-result img, .md-search-result script").count() == 0
    # The search box still answers the next reader.
    assert ask(searching, "uniform")[0] == "policy-2-3"


def _strings(data: object, keys: set[str]) -> list[str]:
    """Every string under one of keys, anywhere in parsed TOML."""
    if isinstance(data, dict):
        return [v for k, v in data.items() if k in keys and isinstance(v, str)] + [
            s for v in data.values() for s in _strings(v, keys)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v, keys)]
    return []


def test_quiz_answers_and_self_check_forms_stay_out_of_the_index(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    quiz = tomllib.loads((ROOT / "quiz/data/quiz.toml").read_text(encoding="utf-8"))
    checks = tomllib.loads((ROOT / "quiz/data/privacy_settings.toml").read_text(encoding="utf-8"))
    hidden = _strings(quiz, {"feedback", "explanation"}) + _strings(checks, {"why", "text"})
    assert len(hidden) > 20
    assert [s for s in hidden if s[:60] in indexed] == []


def test_search_works_after_instant_navigation(searching, site_url):
    searching.keyboard.press("Escape")
    searching.click("a[href$='policy/']")
    searching.wait_for_url("**/policy/")
    open_search(searching)
    assert ask(searching, "council logo")[0] == "procedure-3-4-3"


@pytest.mark.parametrize("scheme", ("light", "dark"))
@pytest.mark.parametrize("width", (1280, 320))
def test_results_and_no_result_offer_have_no_violations(browser, site_url, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                  reduced_motion="reduce")
    page = context.new_page()
    page.add_init_script(TRACE)
    page.goto(site_url + "policy/")
    open_search(page)
    ask(page, "can I post photos of residents")
    found = violations(page)
    ask(page, "zzyzx quokka")
    expect(page.locator(".search-help")).to_be_visible()
    found += violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert found == [] and overflow <= 0

"""The glossary file drives every page's abbreviations and the glossary page (read by quiz.glossary)."""
from sitebuild import glossary
from quiz.content import load_other
from quiz.glossary import Term


def test_every_term_loads_and_is_defined_once():
    terms, problems = load_other("glossary.toml", set())
    assert problems == []
    abbrs = [t.abbr for t in terms]
    assert len(abbrs) == len(set(abbrs))
    assert {"CCHQ", "CMT", "DBC", "HR", "ICT", "IETF", "LBC"} <= set(abbrs)


def test_apply_expands_marker_and_appends_abbreviations():
    terms = [Term("HR", "Human Resources")]
    out = glossary.apply("Intro\n\n<!-- glossary -->\n\nHR issues", terms)
    assert "<!-- glossary -->" not in out
    assert "**HR**{#term-hr}\n:   Human Resources" in out
    assert out.endswith("*[HR]: Human Resources\n")


def test_first_use_of_each_abbreviation_takes_focus():
    html = '<abbr title="Human Resources">HR</abbr> and <abbr title="Human Resources">HR</abbr>'
    out = glossary.make_focusable(html)
    assert out.count('tabindex="0"') == 1

"""Widget markers in Markdown become the widget's static HTML."""
import pytest

from sitebuild.widgets import MarkerError, expand, relative_root
from quiz.content import load_all


@pytest.mark.parametrize("url,root", [("", ""), ("training/quiz/", "../../"), ("glossary/", "../")])
def test_relative_root(url, root):
    assert relative_root(url) == root


def test_marker_becomes_the_widget_root(clause_ids, clause_map):
    models, _ = load_all(clause_ids)
    out = expand("Intro\n\n<!-- widget: quiz -->\n\nAfter", "../../", models, clause_map)
    assert '<div class="widget" data-widget="quiz" data-state="static" data-root="../../">' in out
    assert '<div class="widget-body"><widget-static data-search-exclude>' in out
    assert '<p class="widget-status" role="status" aria-live="polite"></p>' in out
    assert out.startswith("Intro") and out.rstrip().endswith("After")


def test_unknown_widget_is_named(clause_ids, clause_map):
    with pytest.raises(MarkerError, match="there is no widget 'quizz'; write '<!-- widget: quiz -->'"):
        expand("<!-- widget: quizz -->", "", {}, clause_map)

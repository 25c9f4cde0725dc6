"""The site's Markdown extension and settings: Markdown in, HTML out, as any generator would run them."""
import sys

import markdown
import pytest

from sitebuild import lms_manifests, settings
from sitebuild.widgets import ROOT_MARK, resolve_root

pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="the build runs on the host, not in Pyodide")
# As mkdocs.yml lists them: the site's extension before the ones that read what it writes.
EXTENSIONS = ["sitebuild.extension", "abbr", "attr_list", "md_in_html"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_a_widget_marker_becomes_the_widget_with_links_from_the_root_mark():
    html = render("Intro\n\n<!-- widget: quiz -->\n\nAfter\n")
    assert f'<div class="widget" data-widget="quiz" data-state="static" data-root="{ROOT_MARK}">' in html
    assert f'href="{ROOT_MARK}policy/#policy-' in html
    finished = resolve_root(html, "training/quiz/")
    assert ROOT_MARK not in finished and 'href="../../policy/#policy-' in finished


def test_every_page_gets_the_glossary_abbreviations_the_first_focusable():
    html = render("CMT met. CMT agreed.\n")
    assert html.count('<abbr title="Corporate Management Team') == 2
    assert html.count('tabindex="0"') == 1


def test_a_search_exclusion_from_an_attribute_list_stays_in_the_page():
    html = render("## Contents {#contents data-search-exclude=\"true\"}\n")
    assert '<h2 data-search-exclude id="contents">' in html


def test_settings_come_from_extra_with_a_default_for_each(tmp_path):
    config = {"extra": {"sitebuild": {"lms_launch": "learn/index.html"}}}
    chosen = settings.from_config(config, tmp_path)
    assert chosen.lms_launch == "learn/index.html" and chosen.docs_dir == tmp_path / "docs"
    assert chosen.lms_title == settings.Settings().lms_title and chosen.wheel_name == "quiz-1.0.0-py3-none-any.whl"
    with pytest.raises(ValueError, match="unknown setting.*lms_lunch"):
        settings.from_config({"extra": {"sitebuild": {"lms_lunch": "x"}}}, tmp_path)


def test_the_learning_system_description_says_how_many_questions_are_drawn():
    assert b"12 questions on the council" in lms_manifests.cmi5_course(80, "v", 12)
    custom = settings.Settings(lms_launch="learn/index.html", lms_title="Our quiz")
    manifest = lms_manifests.scorm_manifest(["learn/index.html"], 80, "v", custom)
    assert b'href="learn/index.html"' in manifest and b"<title>Our quiz</title>" in manifest

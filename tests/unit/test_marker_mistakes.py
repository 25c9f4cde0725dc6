"""Authors' mistakes in widget markers and clause anchors either work or are named (issue 14, item 11)."""
from pathlib import Path

import pytest

from sitebuild.clauses import scan
from sitebuild.widgets import MarkerError, expand, widget_names


@pytest.mark.parametrize("marker, expected", [
    ("<!-- widget: Quiz -->", ["line 3", "'Quiz'", "<!-- widget: quiz -->"]),
    ("<!-- widget: quiz_2 -->", ["line 3", "'quiz_2'", "<!-- widget: quiz -->"]),
    ("<!-- Widget: quiz -->", ["line 3", "<!-- widget: quiz -->"]),
    ("<!--widget:quiz-->", ["line 3", "<!-- widget: quiz -->"]),
    ("Take the quiz: <!-- widget: quiz -->", ["line 3", "line of its own", "<!-- widget: quiz -->"]),
    ("    <!-- widget: quiz -->", ["line 3", "line of its own"]),
], ids=["capital", "underscore", "capital keyword", "no spaces", "inside a paragraph", "indented"])
def test_a_marker_the_build_would_ignore_is_named(marker, expected, clause_map):
    with pytest.raises(MarkerError) as raised:
        expand(f"Intro\n\n{marker}\n", "../../", {}, clause_map)
    for needle in expected:
        assert needle in str(raised.value)


def test_a_second_copy_of_a_widget_is_refused_with_both_lines(clause_map):
    with pytest.raises(MarkerError, match=r"lines 1 and 5.*'quiz'.*once"):
        expand("<!-- widget: quiz -->\n\ntext\n\n<!-- widget: quiz -->\n", "../../", {}, clause_map)


@pytest.mark.parametrize("page", [
    "Write this:\n\n```markdown\n<!-- widget: quiz -->\n```\n",
    "Write this:\n\n~~~~\n```\n<!-- widget: Quiz -->\n```\n~~~~\n",
    "Write `<!-- widget: quiz -->` on a line of its own.\n",
], ids=["fenced", "fence inside a longer fence", "inline code"])
def test_a_marker_shown_as_code_stays_code(page, clause_map):
    assert expand(page, "", {}, clause_map) == page
    assert widget_names(page) == []


def test_widget_names_are_the_real_markers_only():
    page = "<!-- widget: quiz -->\n\n```\n<!-- widget: privacy-settings -->\n```\n"
    assert widget_names(page) == ["quiz"]


def anchors_page(tmp_path: Path, text: str) -> Path:
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "index.md").write_text(f"# Policy\n\n{text}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("anchor, expected", [
    ("{#policy-x}", ["policy/index.md line 3", "'policy-x'", "policy-2-2-d"]),
    ("{#procedure-appendix}", ["policy/index.md line 3", "'procedure-appendix'", "procedure-appendix-2"]),
    ("{#policy-2--3}", ["'policy-2--3'"]),
    ("{#policy-2-3-}", ["'policy-2-3-'"]),
    ("{#policy-2-ab}", ["'policy-2-ab'"]),
    ("{#Policy-2-3}", ["'Policy-2-3'", "lower case"]),
], ids=["letters only", "appendix without number", "double hyphen", "trailing hyphen", "two letters", "capital"])
def test_a_malformed_clause_anchor_is_named(tmp_path, anchor, expected):
    docs = anchors_page(tmp_path, f"## 2.3 Something {anchor}")
    with pytest.raises(ValueError) as raised:
        scan(docs)
    for needle in expected:
        assert needle in str(raised.value)


def test_an_anchor_shown_as_code_is_not_a_clause(tmp_path):
    docs = anchors_page(tmp_path, "## 2.3 Real {#policy-2-3}\n\n```\n## 2.3 Example {#policy-2-3}\n```\n")
    assert sorted(scan(docs)) == ["policy-2-3"]


def test_markdown_that_is_not_utf8_names_file_and_line(tmp_path):
    docs = anchors_page(tmp_path, "")
    (docs / "policy" / "index.md").write_bytes(b"# Policy\n\nCaf\xe9 {#policy-1}\n")
    with pytest.raises(ValueError, match=r"policy/index.md line 3: byte 0xe9 is not UTF-8.*save the file as UTF-8"):
        scan(docs)

"""The build refuses bad input, naming the file, the item and the problem."""
import re
from pathlib import Path

import pytest

from tests.support.build import copy_project, mkdocs_build


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the project to break."""
    return copy_project(tmp_path)


def build(project: Path):
    return mkdocs_build(project / "site", project / "mkdocs.yml")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def first_question_id(project: Path) -> str:
    return re.search(r'^id = "([^"]+)"', (project / "quiz/data/quiz.toml").read_text(), re.M).group(1)


def test_unbroken_copy_builds(project: Path):
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site/assets/pyodide/pyodide.asm.wasm").exists()
    assert (project / "site/assets/python/manifest.json").exists()


def test_unknown_clause_id_names_file_and_item(project: Path):
    data = project / "quiz/data/quiz.toml"
    qid = first_question_id(project)
    text = data.read_text()
    text = re.sub(r'(\nclauses = \[\s*)"[^"]+"', r'\1"policy-9-9"', text, count=1)
    data.write_text(text)
    result = build(project)
    assert result.returncode != 0
    assert "quiz.toml" in result.stderr and qid in result.stderr and "policy-9-9" in result.stderr


def test_duplicate_question_id_is_named(project: Path):
    data = project / "quiz/data/quiz.toml"
    qid = first_question_id(project)
    second = re.findall(r'^id = "([^"]+)"', data.read_text(), re.M)[1]
    edit(data, f'id = "{second}"', f'id = "{qid}"')
    result = build(project)
    assert result.returncode != 0
    assert "quiz.toml" in result.stderr and qid in result.stderr and "duplicate" in result.stderr.lower()


def test_toml_syntax_error_names_file(project: Path):
    (project / "quiz/data/sensitive_roles.toml").write_text("this is = = not toml\n")
    result = build(project)
    assert result.returncode != 0
    assert "sensitive_roles.toml" in result.stderr and "not valid TOML" in result.stderr


@pytest.mark.parametrize("added, expected", [
    ("See [the missing page](no-such-page.md).", ["no-such-page.md"]),
    ("See [clause 9.9](policy/index.md#policy-9-9).", ["policy-9-9"]),
    ("## Again {#policy-2-3}", ["policy-2-3", "defined twice"]),
    ("<!-- widget: no-such-widget -->", ["privacy.md", "no-such-widget"]),
    ("<!-- widget: Quiz -->", ["privacy.md line", "'Quiz'", "write '<!-- widget: quiz -->'"]),
    ("<!-- widget: quiz_2 -->", ["privacy.md line", "'quiz_2'", "write '<!-- widget: quiz -->'"]),
    ("<!-- widget: quiz -->\n\n<!-- widget: quiz -->", ["privacy.md lines", "'quiz' is placed twice"]),
    ("## Contact {#policy-x}", ["privacy.md line", "'policy-x' is not a clause id", "policy-2-2-d"]),
    ("## Appendix {#procedure-appendix}", ["privacy.md line", "'procedure-appendix' is not a clause id"]),
    ("## One {#contact}\n\n## Two {#contact}", ["privacy.md", "'contact' (2 times)"]),
], ids=["broken link", "link to a missing clause", "duplicate clause anchor", "unknown widget", "widget in capitals",
        "widget with underscore", "widget twice", "anchor without number", "appendix without number", "repeated id"])
def test_bad_markdown_fails_and_says_where(project: Path, added: str, expected: list[str]):
    with (project / "docs/privacy.md").open("a") as f:
        f.write(f"\n{added}\n")
    result = build(project)
    assert result.returncode != 0
    for needle in expected:
        assert needle in result.stderr


def test_markers_shown_as_code_stay_code(project: Path):
    with (project / "docs/privacy.md").open("a") as f:
        f.write("\n```markdown\n<!-- widget: Quiz -->\n<!-- widget: quiz -->\n## 2.3 Example {#policy-x}\n```\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/privacy/index.html").read_text(encoding="utf-8")
    assert "&lt;!-- widget: quiz --&gt;" in page and "data-widget" not in page


def test_a_page_that_is_not_utf8_is_named(project: Path):
    with (project / "docs/privacy.md").open("ab") as f:
        f.write(b"\nCaf\xe9\n")
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "privacy.md line" in result.stderr and "is not UTF-8" in result.stderr


def test_empty_vocabulary_entry_names_file_and_entry(project: Path):
    with (project / "quiz/data/vocabulary.toml").open("a", encoding="utf-8") as data:
        data.write('\n[[entry]]\nreader = ["brolly"]\ndocument = []\n')
    result = build(project)
    assert result.returncode != 0
    assert "vocabulary.toml" in result.stderr and "(brolly)" in result.stderr


def test_vocabulary_unknown_clause_id_names_file_and_entry(project: Path):
    with (project / "quiz/data/vocabulary.toml").open("a", encoding="utf-8") as data:
        data.write('\n[[entry]]\nreader = ["brolly"]\nclauses = ["policy-9-9"]\n')
    result = build(project)
    assert result.returncode != 0
    assert "vocabulary.toml" in result.stderr and "(brolly)" in result.stderr and "policy-9-9" in result.stderr

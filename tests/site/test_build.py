"""The build refuses bad input, naming the file, the item and the problem."""
import re
import shutil
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.build import mkdocs_build

COPIED = ("mkdocs.yml", "docs", "quiz", "hooks", "overrides", "sources")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the project to break, sharing the installed node_modules."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


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
], ids=["broken link", "link to a missing clause", "duplicate clause anchor", "unknown widget"])
def test_bad_markdown_fails_and_says_where(project: Path, added: str, expected: list[str]):
    with (project / "docs/privacy.md").open("a") as f:
        f.write(f"\n{added}\n")
    result = build(project)
    assert result.returncode != 0
    for needle in expected:
        assert needle in result.stderr

"""The precompiled Python the build makes, checked in the real Pyodide runtime under Node."""
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from sitebuild.bytecode import Bytecode, compile_for_pyodide
from sitebuild.runtime import build_wheel

ROOT = Path(__file__).resolve().parents[2]
# Used by no widget (and so left as source): it must still import, compiled on first use.
OUTSIDE_THE_SET = "difflib"


@pytest.fixture(scope="module")
def two_fresh_compiles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Bytecode, Bytecode]:
    """Two compiles from nothing, each with its own empty cache."""
    return tuple(compile_for_pyodide(ROOT / "quiz", tmp_path_factory.mktemp(name)) for name in ("a", "b"))


def _contents(bytecode: Bytecode) -> dict[str, bytes]:
    files = {p.relative_to(bytecode.pyc_root).as_posix(): p.read_bytes() for p in bytecode.pyc_root.rglob("*.pyc")}
    return {**files, "stdlib.zip": bytecode.stdlib_zip.read_bytes()}


def test_same_input_gives_the_same_bytes(two_fresh_compiles):
    first, second = (_contents(b) for b in two_fresh_compiles)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_stdlib_holds_bytecode_for_the_set_and_source_for_the_rest(two_fresh_compiles):
    bytecode = two_fresh_compiles[0]
    with zipfile.ZipFile(bytecode.stdlib_zip) as zf:
        names = set(zf.namelist())
        assert {info.compress_type for info in zf.infolist()} == {zipfile.ZIP_STORED}
    assert {f"{m}c" for m in bytecode.stdlib_modules} <= names
    assert not {m for m in bytecode.stdlib_modules} & names
    assert f"{OUTSIDE_THE_SET}.py" in names and f"{OUTSIDE_THE_SET}.py" not in bytecode.stdlib_modules


@pytest.fixture(scope="module")
def facts_in_pyodide(two_fresh_compiles, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What precompiled_facts.mjs finds when Pyodide starts as the site's worker starts it."""
    bytecode = two_fresh_compiles[0]
    wheel = build_wheel(ROOT / "quiz", tmp_path_factory.mktemp("wheel"), bytecode)
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "site" / "precompiled_facts.mjs"), str(bytecode.stdlib_zip), str(wheel),
         bytecode.site_packages, OUTSIDE_THE_SET],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_in_pyodide_modules_outside_the_set_import_and_quiz_errors_name_file_and_line(facts_in_pyodide):
    facts = facts_in_pyodide
    assert facts["json_origin"].endswith("/json/__init__.pyc")  # in the set: bytecode
    assert facts["outside_origin"].endswith(f"/{OUTSIDE_THE_SET}.py") and facts["outside_works"]
    assert facts["quiz_bytecode_used"]
    widgets = (ROOT / "quiz" / "widgets" / "__init__.py").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(widgets, 1) if "raise KeyError(" in text)
    assert f'site-packages/quiz/widgets/__init__.py", line {line}, in get' in facts["traceback"], facts["traceback"]
    assert widgets[line - 1].strip() in facts["traceback"]  # the source line itself, read from the wheel


def test_in_pyodide_a_widget_start_imports_nothing_only_the_build_needs(facts_in_pyodide):
    """Each of these cost a widget's start in the browser time for nothing (bench/widget_start.py):
    the TOML parser (the wheel carries JSON copies), the html package's entity table (views become
    DOM there, not HTML) and the parsers of data files that belong to no widget."""
    started = set(facts_in_pyodide["start_imports"])
    assert {"quiz.browser", "quiz.widgets.sensitive_roles", "quiz.widgets.privacy_settings", "quiz.widgets.quiz"} <= started
    assert started & {"tomllib", "html", "html.entities", "quiz.glossary", "quiz.vocabulary"} == set()

"""The quiz wheel the build puts into the site."""
import json
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from sitebuild.runtime import build_wheel
from tests.support import ROOT
# The build compiles with Pyodide under Node, which a test run inside Pyodide cannot start.
pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="the build runs on the host, not in Pyodide")


def test_wheel_holds_code_and_data_and_a_valid_record(tmp_path: Path):
    wheel = build_wheel(ROOT / "quiz", tmp_path)
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        record = zf.read("quiz-1.0.0.dist-info/RECORD").decode().splitlines()
    assert {"quiz/__init__.py", "quiz/browser.py", "quiz/data/quiz.toml"} <= names
    recorded = {line.split(",")[0] for line in record}
    assert recorded == names


def test_wheel_holds_pyodides_bytecode_beside_every_module_and_no_other(tmp_path: Path):
    with zipfile.ZipFile(build_wheel(ROOT / "quiz", tmp_path)) as zf:
        names = set(zf.namelist())
    modules = {n for n in names if n.endswith(".py")}
    bytecode = {n for n in names if "__pycache__" in n}
    expected = {str(Path(m).parent / "__pycache__" / Path(m).stem) for m in modules}
    assert {n.rsplit(".", 2)[0] for n in bytecode} == expected
    assert {n.rsplit(".", 2)[1] for n in bytecode} == {"cpython-314"}  # Pyodide 314's Python, not the host's


def test_wheel_entries_are_stored_so_the_wire_compresses_them(tmp_path: Path):
    with zipfile.ZipFile(build_wheel(ROOT / "quiz", tmp_path)) as zf:
        assert {info.compress_type for info in zf.infolist()} == {zipfile.ZIP_STORED}


def test_json_copies_of_the_widget_data_hold_exactly_the_toml(tmp_path: Path):
    with zipfile.ZipFile(build_wheel(ROOT / "quiz", tmp_path)) as zf:
        copies = [n for n in zf.namelist() if n.startswith("quiz/data/") and n.endswith(".json")]
        assert copies
        for name in copies:
            toml = tomllib.loads((ROOT / name).with_suffix(".toml").read_text(encoding="utf-8"))
            assert json.loads(zf.read(name)) == toml, name


def test_wheel_is_byte_identical_between_builds(tmp_path: Path):
    first = build_wheel(ROOT / "quiz", tmp_path / "a").read_bytes()
    second = build_wheel(ROOT / "quiz", tmp_path / "b").read_bytes()
    assert first == second

"""The quiz wheel the build puts into the site."""
import zipfile
from pathlib import Path

from hooks.runtime import build_wheel
from tests.support import ROOT


def test_wheel_holds_code_and_data_and_a_valid_record(tmp_path: Path):
    wheel = build_wheel(ROOT / "quiz", tmp_path)
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        record = zf.read("quiz-1.0.0.dist-info/RECORD").decode().splitlines()
    assert {"quiz/__init__.py", "quiz/browser.py", "quiz/data/quiz.toml"} <= names
    assert not any("__pycache__" in n for n in names)
    recorded = {line.split(",")[0] for line in record}
    assert recorded == names


def test_wheel_is_byte_identical_between_builds(tmp_path: Path):
    first = build_wheel(ROOT / "quiz", tmp_path / "a").read_bytes()
    second = build_wheel(ROOT / "quiz", tmp_path / "b").read_bytes()
    assert first == second

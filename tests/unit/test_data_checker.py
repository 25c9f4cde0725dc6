"""Every data file goes through one checker: a careless edit gives "file: item: what is wrong", never a traceback.

Each probe makes one edit to a copy of the real data files (as an editor would)
and loads the files the way the build does.
"""
from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest

from quiz.checker import Checker, Problem, check, read_toml
from quiz.content import DATA_DIR, OTHER_FILES, load_other, load_widget, parser_of
from quiz.widgets import registry

WIDGET_FILES = {w.data_file: name for name, w in registry().items()}
ALL_FILES = sorted([*WIDGET_FILES, *OTHER_FILES])


def problems_in(file_name: str, data_dir: Path, clause_ids: set[str]) -> list[Problem]:
    """Load one data file from data_dir as the build does; its model must be None when there are problems."""
    if file_name in WIDGET_FILES:
        model, problems = load_widget(WIDGET_FILES[file_name], clause_ids, data_dir)
    else:
        model, problems = load_other(file_name, clause_ids, data_dir)
    assert (model is None) == bool(problems)
    return problems


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """A copy of quiz/data/ to break."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text, f"{pattern!r} not found in {path.name}"
    path.write_text(changed, encoding="utf-8")


@pytest.mark.parametrize("file_name", ALL_FILES)
def test_every_real_data_file_is_clean(file_name: str, clause_ids: set[str]) -> None:
    assert problems_in(file_name, DATA_DIR, clause_ids) == []


# (file, pattern of the first line to change, what an editor wrote instead, what the build must say)
PROBES = [
    ("quiz.toml", r'^kind = "single"$', 'kind = ["single"]', "unknown kind ['single'] (known: single, multiple"),
    ("quiz.toml", r'^topic = "scope"$', 'topic = ["scope"]', "unknown topic ['scope'] (add it to [topics]"),
    ("quiz.toml", r'^clauses = \[.*\]$', "clauses = [23, {a = 1}]", "'clauses' holds 23: each entry must be text"),
    ("quiz.toml", r'^audiences = \[.*\]$', 'audiences = [["staff"]]',
     "'audiences' holds ['staff']: each entry must be text"),
    ("quiz.toml", r'^\[settings\]$', "[setting]", "unknown table 'setting' (known: settings, topics, questions)"),
    ("privacy_settings.toml", r'^platforms = \[.*\]$', 'platforms = [["facebook"]]',
     "'platforms' holds ['facebook']: each entry must be text"),
    ("privacy_settings.toml", r'^\[platform_question\]$', "[platform_questions]",
     "unknown table or setting 'platform_questions'"),
    ("privacy_settings.toml", r'^good_practice = true$', 'good_practice = "yes"', "'good_practice' must be true or false"),
    ("sensitive_roles.toml", r'^general_rules_for = \[.*\]$', "general_rules_for = [1]",
     "'general_rules_for' holds 1: each entry must be text"),
    ("sensitive_roles.toml", r'^\[role\]$', "[roles]", "unknown table or setting 'roles'"),
    ("glossary.toml", r"\A(?s:.*)\Z", 'term = "CMT"\n',
     "'term' must be a list of tables ([[term]])"),
    ("glossary.toml", r'^\[\[term\]\]$', "[[terms]]", "unknown table 'terms' (known: term)"),
    ("glossary.toml", r'^abbr = "DBC"$', 'abbr = "CMT"', "term CMT: is defined twice"),
    ("glossary.toml", r'^abbr = "DBC"$', 'abbr = "DBC"\nmeaning = "x"', "unknown field 'meaning' (known: abbr, expansion)"),
    ("glossary.toml", r'^abbr = "DBC"$', "abbr = 7", "'abbr' must be text in quotes, not 7"),
    ("glossary.toml", r'^expansion = "Dacorum Borough Council"$', 'expansion = " "',
     "term DBC: 'expansion' is missing or empty"),
    ("glossary.toml", r'^\[\[term\]\]$', "[[term]", "not valid TOML"),
]


@pytest.mark.parametrize("file_name, pattern, replacement, expected", PROBES,
                         ids=[f"{p[0]}: {p[2]}" for p in PROBES])
def test_a_careless_edit_is_named(data_dir: Path, clause_ids: set[str], file_name: str, pattern: str,
                                  replacement: str, expected: str) -> None:
    edit(data_dir / file_name, pattern, replacement)  # r"\A(?s:.*)\Z" replaces the whole file
    problems = problems_in(file_name, data_dir, clause_ids)
    assert problems, f"{file_name}: the edit {replacement!r} was accepted"
    assert all(p.file == file_name and p.item for p in problems)
    assert any(expected in p.message or expected in str(p) for p in problems), [str(p) for p in problems]


def test_an_empty_glossary_is_refused(data_dir: Path) -> None:
    (data_dir / "glossary.toml").write_text("# Glossary: each [[term]] becomes a tooltip.\n", encoding="utf-8")
    assert [str(p) for p in problems_in("glossary.toml", data_dir, set())] == [
        "glossary.toml: (file): there are no [[term]] entries"]


@pytest.mark.parametrize("file_name", ALL_FILES)
def test_bytes_that_are_not_utf8_name_the_file_and_line(data_dir: Path, file_name: str) -> None:
    path = data_dir / file_name
    lines = path.read_bytes().split(b"\n")
    lines[2] += b" # caf\xe9"  # Latin-1, as an old editor might save it
    path.write_bytes(b"\n".join(lines))
    [problem] = problems_in(file_name, data_dir, set())
    assert (problem.file, problem.item) == (file_name, "line 3")
    assert "byte 0xe9 is not UTF-8 text: save the file as UTF-8" in problem.message


@pytest.mark.parametrize("file_name", ALL_FILES)
def test_a_toml_syntax_error_names_the_file_and_line(data_dir: Path, file_name: str) -> None:
    path = data_dir / file_name
    path.write_text(path.read_text(encoding="utf-8") + '\ntitle = "unclosed\n', encoding="utf-8")
    [problem] = problems_in(file_name, data_dir, set())
    line = path.read_text(encoding="utf-8").count("\n")
    assert problem.file == file_name and problem.item.startswith(f"line {line},")
    assert problem.message.startswith("not valid TOML")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert read_toml(tmp_path / "vocabulary.toml") == ({}, [Problem("vocabulary.toml", "(file)", "the file is missing")])


def test_every_problem_in_a_file_is_reported_at_once(data_dir: Path, clause_ids: set[str]) -> None:
    path = data_dir / "quiz.toml"
    edit(path, r'^kind = "single"$', 'kind = ["single"]')
    edit(path, r'^audiences = \[.*\]$', 'audiences = [["staff"]]')
    edit(path, r'^clauses = \[.*\]$', "clauses = [23]")
    messages = [p.message for p in problems_in("quiz.toml", data_dir, clause_ids)]
    assert any("unknown kind" in m for m in messages)
    assert any("'audiences' holds" in m for m in messages)
    assert any("'clauses' holds 23" in m for m in messages)


def test_a_new_file_needs_only_a_parser() -> None:
    """The checker's whole API, as a new data file (a search vocabulary, say) would use it."""
    def parse(raw: dict, chk: Checker) -> list[str]:
        chk.known(raw, ("word",), "(file)", "table")
        return [chk.text(w, "text", f"word {i}") for i, w in enumerate(chk.items(raw, "word", "(file)"), 1)]

    assert check({"word": [{"text": "tweet"}]}, parse, "vocabulary.toml") == (["tweet"], [])
    model, problems = check({"word": [{"text": 5}], "words": []}, parse, "vocabulary.toml")
    assert model is None
    assert [str(p) for p in problems] == [
        "vocabulary.toml: (file): unknown table 'words' (known: word)",
        "vocabulary.toml: word 1: 'text' must be text in quotes, not 5",
    ]


def field_paths(data: object, path: tuple = ()) -> list[tuple]:
    """The path to every value in a data file, following the first entry of each list."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in [(*path, key), *field_paths(value, (*path, key))]]
    if isinstance(data, list) and data:
        return [(*path, 0), *field_paths(data[0], (*path, 0))]
    return []


WRONG_TYPES = {"a list of lists": [["x"]], "a table": {"a": 1}, "a number": 7, "a list of numbers": [23]}


@pytest.mark.parametrize("file_name", ALL_FILES)
def test_a_wrong_type_anywhere_is_named_never_a_traceback(file_name: str, clause_ids: set[str]) -> None:
    """Every field of the real file (first entry of each list), given each wrong type in turn."""
    raw, _ = read_toml(DATA_DIR / file_name)
    accepted = []
    for path in field_paths(raw):
        for label, value in WRONG_TYPES.items():
            data = copy.deepcopy(raw)
            parent = data
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = value
            if file_name in WIDGET_FILES:
                model, problems = registry()[WIDGET_FILES[file_name]].module.load(data, file_name, clause_ids)
            else:
                model, problems = check(data, parser_of(file_name), file_name, clause_ids)
            if model is not None:
                accepted.append((path, label))
            assert all(p.file == file_name and p.item and p.message for p in problems)
    # A number is a right answer only where a number is asked for.
    assert accepted == [(("settings", key), "a number") for key in ("draw_size", "pass_mark", "review_months")
                        if file_name == "quiz.toml"]

"""Every data file x every field x {markup, wrong type, empty, not UTF-8} (issue 14).

Each probe breaks one field of one data file (the first place that field occurs) and reads the
data as the build does: the result is either problems that name the file, or data whose static
HTML shows the markup as text. Any other exception fails the probe: an author must never see a
traceback. The markup the data files accept then goes through one real build and a browser.
"""
from __future__ import annotations

import html
import tomllib
from pathlib import Path
from typing import Any, Iterator

import pytest

from sitebuild import glossary
from sitebuild.clauses import scan
from sitebuild.widgets import expand
from quiz.checker import DataError
from quiz.content import DATA_DIR, load_other, load_widget
from quiz.widgets import registry
from tests.support import ROOT
from tests.support.build import copy_project, mkdocs_build, site_pages
from tests.support.search import search
from tests.support.server import serve
from tests.support.widget import READY
from tests.support.toml_text import dumps

DATA_FILES = sorted(path.name for path in DATA_DIR.glob("*.toml"))
CLAUSES = {c.id: {"label": c.label, "url": c.url} for c in scan(ROOT / "docs").values()}
KINDS = ("markup", "number", "text", "list", "table", "empty", "not UTF-8")
NOT_UTF8 = "not-utf8-here"  # replaced by bytes that are not UTF-8 once the file is written


def probe_markup(number: int) -> str:
    """Markup that, if it ever became HTML, would make elements and run a script (a 404 image's onerror)."""
    return f'<b data-probe="{number}">probe {number}</b><img data-probe="{number}" src="x" onerror="alert({number})">'


def field_paths(data: Any, path: tuple = ()) -> Iterator[tuple]:
    """The path of the first occurrence of every field (a list of tables counts its first table)."""
    seen: set[tuple] = set()
    for field_path in _leaves(data, path):
        shape = tuple("#" if isinstance(step, int) else step for step in field_path)
        if shape not in seen:
            seen.add(shape)
            yield field_path


def _leaves(data: Any, path: tuple) -> Iterator[tuple]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list) and data and all(isinstance(v, dict) for v in data):
        for i, value in enumerate(data):
            yield from _leaves(value, (*path, i))
    else:
        yield path


def broken(value: Any, kind: str, number: int) -> Any:
    """The field's value broken in the way `kind` names; None where that is not a break (text for text)."""
    many = isinstance(value, list)
    if kind == "markup":
        return [probe_markup(number)] if many else probe_markup(number)
    if kind == "not UTF-8":
        return NOT_UTF8
    if kind == "empty":
        return [] if many else ""
    if kind == "number":
        return [42] if many else None if type(value) in (int, float) else 42
    if kind == "text":
        return None if isinstance(value, str) else "ten"
    if kind == "list":
        return [value]  # a list holding the value: a list in a list, or a list where one value belongs
    return [{"a": 1}] if many else {"a": 1}  # a table


def value_at(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


def with_value(data: Any, path: tuple, value: Any) -> Any:
    """A deep copy of data with the value at path replaced."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, list):
        return [with_value(v, rest, value) if i == head else v for i, v in enumerate(data)]
    return {k: with_value(v, rest, value) if k == head else v for k, v in data.items()}


def write(data_dir: Path, file_name: str, data: dict) -> None:
    (data_dir / file_name).write_bytes(dumps(data).encode("utf-8").replace(NOT_UTF8.encode(), b"\xff\xfe"))


def cases() -> Iterator[Any]:
    number = 0
    for file_name in DATA_FILES:
        data = tomllib.loads((DATA_DIR / file_name).read_text(encoding="utf-8"))
        for path in field_paths(data):
            number += 1
            shown = ".".join(str(step) for step in path)
            for kind in KINDS:
                if broken(value_at(data, path), kind, number) is None:
                    continue
                yield pytest.param(file_name, path, kind, number, id=f"{file_name}:{shown}:{kind}")


WIDGET_OF_FILE = {entry.data_file: name for name, entry in registry().items()}


def read_as_the_build_does(data_dir: Path, file_name: str) -> Any:
    """The model the build reads from one data file in data_dir; DataError if the file has problems."""
    if file_name in WIDGET_OF_FILE:
        model, problems = load_widget(WIDGET_OF_FILE[file_name], set(CLAUSES), data_dir)
    else:
        model, problems = load_other(file_name, set(CLAUSES), data_dir)
    if problems:
        raise DataError(problems)
    return model


def static_html(file_name: str, model: Any) -> str:
    """What the build writes into pages from one data file: its widget's static HTML or the glossary."""
    if file_name in WIDGET_OF_FILE:
        name = WIDGET_OF_FILE[file_name]
        return expand(f"<!-- widget: {name} -->\n", "", {name: model}, CLAUSES)
    if file_name == "vocabulary.toml":
        # Written only into the search index, as each clause's hidden keywords (sitebuild/search_index.py).
        return " ".join(word for synonym in model for word in synonym.reader)
    return glossary.apply("<!-- glossary -->\n", model)


@pytest.mark.parametrize("file_name, path, kind, number", list(cases()))
def test_a_broken_field_is_named_or_shown_as_text(tmp_path: Path, file_name: str, path: tuple, kind: str,
                                                  number: int):
    data = tomllib.loads((DATA_DIR / file_name).read_text(encoding="utf-8"))
    write(tmp_path, file_name, with_value(data, path, broken(value_at(data, path), kind, number)))
    try:
        model = read_as_the_build_does(tmp_path, file_name)
    except DataError as error:
        assert error.problems and all(p.file == file_name and p.message for p in error.problems), error
        if kind == "not UTF-8":
            assert "not UTF-8" in str(error) and "line " in str(error), error
        return
    assert kind in ("markup", "empty"), f"a {kind} in {'.'.join(map(str, path))} was accepted without a word"
    made = static_html(file_name, model)
    assert f'<b data-probe="{number}">' not in made and f'<img data-probe="{number}"' not in made


def accepted_markup(data_dir: Path) -> dict[str, list[tuple[tuple, int]]]:
    """By file, every (field, probe number) whose markup the data files accept, one at a time."""
    accepted: dict[str, list[tuple[tuple, int]]] = {}
    for param in cases():
        file_name, path, kind, number = param.values
        if kind != "markup":
            continue
        data = tomllib.loads((DATA_DIR / file_name).read_text(encoding="utf-8"))
        write(data_dir, file_name, with_value(data, path, broken(value_at(data, path), kind, number)))
        try:
            read_as_the_build_does(data_dir, file_name)
            accepted.setdefault(file_name, []).append((path, number))
        except DataError:
            pass
    return accepted


def test_markup_the_data_files_accept_shows_as_text_in_the_built_site(tmp_path: Path, browser):  # noqa: ANN001
    accepted = accepted_markup(tmp_path)
    project = copy_project(tmp_path / "project")
    for file_name, probes in accepted.items():
        data = tomllib.loads((DATA_DIR / file_name).read_text(encoding="utf-8"))
        for path, number in probes:
            data = with_value(data, path, broken(value_at(data, path), "markup", number))
        write(project / "quiz" / "data", file_name, data)
    result = mkdocs_build(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    # The search index holds plain text, which the search worker escapes before the page shows it:
    # the search below proves that. Everything else the build writes must hold no live markup.
    index = site / "search" / "search_index.json"
    built = "".join(
        path.read_text(encoding="utf-8") for path in site.rglob("*")
        if path.suffix in (".html", ".json", ".xml") and "pyodide" not in path.parts and path != index
    )
    assert "<b data-probe" not in built and "<img data-probe" not in built
    numbers = [number for probes in accepted.values() for _, number in probes]
    shown = [n for n in numbers if f'data-probe="{n}"' in html.unescape(built + index.read_text(encoding="utf-8"))]
    print(f"{len(numbers)} fields accept markup; {len(shown)} of them are in the built pages, all as text")
    assert shown, "no probe reached the built pages: the probes did not go where the build reads them"
    # The session's browser: a second Playwright in the same run cannot start beside it.
    with serve(site) as url:
        page = browser.new_page()
        ran: list[str] = []  # the probes whose script ran (each an alert with its number)
        page.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
        for path in site_pages(site):
            page.goto(url + path)
            if page.locator("[data-widget]").count():
                page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
            assert page.locator("[data-probe]").count() == 0 and not ran, f"a data file's markup became HTML on /{path}"
        page.goto(url + "glossary/")
        for abbr in page.locator("abbr").all():
            abbr.hover()  # Material shows the title as a tooltip, through innerHTML
        page.wait_for_timeout(500)  # an injected image fails to load, then its onerror runs
        assert page.locator("[data-probe]").count() == 0 and not ran, f"a glossary tooltip ran probe(s) {ran}"
        search(page, "probe")
        page.wait_for_timeout(500)
        assert page.locator("[data-probe]").count() == 0 and not ran, f"a search result ran probe(s) {ran}"
        page.close()

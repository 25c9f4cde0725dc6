"""The one way every data file in quiz/data/ is read and checked.

A data file is read with ``read_toml`` (which names the file for a syntax error
or bytes that are not UTF-8) and then walked by its parser with a ``Checker``,
which collects every problem at once, each as "file: item: what is wrong, what
would be right", and never raises on a wrong type. A new data file needs only a
parser written with these helpers::

    def parse(raw: dict, chk: Checker) -> Model:
        chk.known(raw, ("title", "items"), "(file)", "table")
        title = chk.text(raw, "title", "(file)")
        ...
        return Model(title, ...)

    model, problems = check_file(DATA_DIR / "my_file.toml", parse, clause_ids)
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

Model = TypeVar("Model")
FILE = "(file)"  # the item for a problem with the file as a whole


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file: the file, the item, and what to fix."""

    file: str
    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.item}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so an author can fix them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")


def read_toml(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """A data file's contents, or the one problem that stops it being read (named by file and line)."""
    # Imported here, not at the top: in the browser, where data comes from the build's JSON copy
    # (quiz.content.read_built_copy), the TOML parser would only add to a widget's start.
    import tomllib

    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return {}, [Problem(path.name, FILE, "the file is missing")]
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return {}, [Problem(path.name, f"line {line}", f"byte 0x{error.object[error.start]:02x} is not UTF-8 text: "
                                                         "save the file as UTF-8")]
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = _TOML_POSITION.search(message)
        item = f"line {where.group(1)}, column {where.group(2)}" if where and where.group(1) else FILE
        reason = _TOML_POSITION.sub("", message)
        return {}, [Problem(path.name, item, f"not valid TOML ({reason}): check the quotes, brackets and "
                                             "'=' signs there")]


def fingerprint(raw: dict[str, Any]) -> str:
    """A short version id of a data file's contents (8 hex digits of a SHA-256): changes with any value in it."""
    canonical = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


def _shown(value: Any) -> str:
    """A value as an author wrote it, for messages."""
    return repr(value)


@dataclass
class Checker:
    """Collects every problem in one data file, each with the item it is about."""

    file: str
    clause_ids: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def add(self, item: str, message: str) -> None:
        self.problems.append(Problem(self.file, item, message))

    def result(self, model: Model) -> tuple[Model | None, list[Problem]]:
        """The model if nothing was wrong (else None), and every problem."""
        return (None if self.problems else model), self.problems

    def known(self, raw: dict, allowed: Iterable[str], item: str, what: str = "field") -> None:
        """Report any key that is not one of `allowed` (a misspelt name would otherwise be ignored)."""
        allowed = list(allowed)
        for key in raw:
            if key not in allowed:
                self.add(item, f"unknown {what} {key!r} (known: {', '.join(allowed)})")

    def text(self, raw: dict, key: str, item: str, required: bool = True) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            self.add(item, f"'{key}' must be text in quotes, not {_shown(value)}")
            return ""
        if required and not value.strip():
            self.add(item, f"'{key}' is missing or empty")
        return value.strip()

    def flag(self, raw: dict, key: str, item: str, default: bool = False) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            self.add(item, f"'{key}' must be true or false, not {_shown(value)}")
            return default
        return value

    def table(self, raw: dict, key: str, item: str) -> dict:
        """A sub-table such as [role]; a missing one is empty."""
        value = raw.get(key, {})
        if not isinstance(value, dict):
            self.add(item, f"must be a table [{key}], not {_shown(value)}")
            return {}
        return value

    def items(self, raw: dict, key: str, item: str) -> list[dict]:
        """A non-empty list of tables written [[key]]."""
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(item, f"'{key}' must be a list of tables ([[{key}]])")
            return []
        if not value:
            self.add(item, f"there are no [[{key}]] entries")
        return value

    def ident(self, raw: dict, item: str, seen: set[str]) -> str:
        value = raw.get("id", "")
        if not isinstance(value, str) or not value.strip():
            self.add(item, "'id' is missing or empty")
            return ""
        if value in seen:
            self.add(value, "duplicate id")
        seen.add(value)
        return value

    def one_of(self, value: Any, allowed: Iterable[str], item: str, what: str) -> str | None:
        """`value` if it is one of `allowed`; otherwise a problem naming what is allowed, and None."""
        allowed = list(allowed)
        if isinstance(value, str) and value in allowed:
            return value
        self.add(item, f"unknown {what} {_shown(value)} (known: {', '.join(allowed)})")
        return None

    def texts(self, value: Any, item: str, what: str) -> list[str]:
        """A list of text values; anything else in it (a number, a list, a table) is a problem and dropped."""
        if not isinstance(value, list):
            self.add(item, f"'{what}' must be a list in square brackets, not {_shown(value)}")
            return []
        out = []
        for entry in value:
            if isinstance(entry, str):
                out.append(entry)
            else:
                self.add(item, f"'{what}' holds {_shown(entry)}: each entry must be text in quotes")
        return out

    def clauses(self, raw: dict, item: str, required: bool) -> tuple[str, ...]:
        value = raw.get("clauses", [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(item, "'clauses' must be a list of clause ids, such as [\"policy-2-3\"]")
            return ()
        for clause_id in value:
            if clause_id not in self.clause_ids:
                self.add(item, f"unknown clause id {clause_id!r}")
        if required and not value:
            self.add(item, "no clauses: cite the clause that asks for this, or set good_practice = true")
        return tuple(c for c in value if c in self.clause_ids)


def check(raw: dict, parse: Callable[[dict, Checker], Model], file: str,
          clause_ids: Iterable[str] = ()) -> tuple[Model | None, list[Problem]]:
    """Parse a data file's contents with a Checker: the model, or None and every problem."""
    chk = Checker(file, set(clause_ids))
    model = parse(raw, chk)
    return chk.result(model)


def check_file(path: Path, parse: Callable[[dict, Checker], Model],
               clause_ids: Iterable[str] = ()) -> tuple[Model | None, list[Problem]]:
    """Read one data file and check it (see ``check``); a file that cannot be read is one problem."""
    raw, problems = read_toml(path)
    if problems:
        return None, problems
    return check(raw, parse, path.name, clause_ids)

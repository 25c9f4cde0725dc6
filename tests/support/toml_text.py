"""Writing data back as TOML, for tests that break one value of a data file and read it again.

Python reads TOML (tomllib) but does not write it; the data files use only tables, arrays of
tables, text, numbers, true/false and lists, so this writes just those.
"""
from __future__ import annotations

import json
from typing import Any


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        # JSON's string escapes are all TOML escapes; other characters are written as they are.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"TOML cannot hold {value!r}")


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() else json.dumps(key, ensure_ascii=False)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _table(table: dict[str, Any], path: list[str]) -> list[str]:
    nested = {k: v for k, v in table.items() if isinstance(v, dict) or _is_table_list(v)}
    lines = [f"{_key(k)} = {_value(v)}" for k, v in table.items() if k not in nested]
    for key, value in nested.items():
        name = ".".join(_key(k) for k in [*path, key])
        for entry in value if isinstance(value, list) else [value]:
            lines += ["", f"[[{name}]]" if isinstance(value, list) else f"[{name}]", *_table(entry, [*path, key])]
    return lines


def dumps(data: dict[str, Any]) -> str:
    """TOML text that tomllib reads back as `data`."""
    return "\n".join(_table(data, [])) + "\n"

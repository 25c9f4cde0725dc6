"""TypeScript declarations of the protocol, generated from its Python TypedDicts (quiz/protocol.py).

``python -m tests.support.protocol_types`` writes types/protocol.d.ts; the
browser code names these types in JSDoc and `tsc --noEmit` checks it against
them; tests/unit/test_protocol_types.py fails when the file is not what the
Python says, so a field added on one side and not the other fails a test.
"""
from __future__ import annotations

import types
import typing
from pathlib import Path

from quiz import protocol

OUT = Path(__file__).resolve().parents[2] / "types" / "protocol.d.ts"
# In the order they are declared; each becomes an exported interface of the same name.
NAMES = ("Launch", "Request", "Response", "Prepare", "Handle", "Answered", "Failed", "Loaded", "Progress",
         "Stage", "Step")
SCALARS = {str: "string", int: "number", float: "number", bool: "boolean", type(None): "null", typing.Any: "unknown"}
HEADER = """// Generated from quiz/protocol.py by `python -m tests.support.protocol_types`: do not edit.
// The request and response a widget exchanges with Python, and the worker's messages.

/** A view as plain data (quiz/view.py): text, or [tag, attributes, ...children]. */
export type ViewNode = string | [string, Record<string, string | number | boolean>, ...ViewNode[]];
"""


def ts(hint: object) -> str:
    """One annotation as TypeScript."""
    if hint in SCALARS:
        return SCALARS[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if {str, list} <= set(args):  # quiz.view.Node (str | list), written out by get_type_hints
            return " | ".join(["ViewNode", *(ts(a) for a in args if a not in (str, list))])
        return " | ".join(ts(a) for a in args)
    if origin is typing.Literal:
        return " | ".join("true" if a is True else "false" if a is False else repr(a) for a in args)
    if origin is list:
        return f"{ts(args[0])}[]"
    if origin is dict:
        return f"Record<{ts(args[0])}, {ts(args[1])}>"
    if isinstance(hint, type) and hint.__name__ in NAMES:
        return hint.__name__
    raise TypeError(f"no TypeScript for {hint!r}: add it to tests/support/protocol_types.py")


def interface(name: str) -> str:
    cls = getattr(protocol, name)
    lines = [f"/** {cls.__doc__.strip().splitlines()[0]} */", f"export interface {name} {{"]
    for field, hint in typing.get_type_hints(cls, include_extras=True).items():
        optional = typing.get_origin(hint) is typing.NotRequired
        if optional:
            hint = typing.get_args(hint)[0]
        lines.append(f"  {field}{'?' if optional else ''}: {ts(hint)};")
    return "\n".join(lines + ["}"])


def declarations() -> str:
    """The whole of types/protocol.d.ts."""
    return HEADER + "".join(f"\n{interface(n)}\n" for n in NAMES) + "\n/** Any message the worker posts. */\n" \
        "export type WorkerMessage = Answered | Failed | Progress | Step;\n"


if __name__ == "__main__":
    OUT.write_text(declarations(), encoding="utf-8")
    print(f"wrote {OUT}")

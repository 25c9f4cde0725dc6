"""The protocol is defined once: types/protocol.d.ts (which tsc checks the browser code against) is what
quiz/protocol.py's TypedDicts say, so a field added on one side and not the other fails here or in tsc."""
from __future__ import annotations

import typing

import pytest

from quiz import protocol
from tests.support.protocol_types import OUT, declarations, interface


def test_the_typescript_declarations_are_generated_from_the_python():
    assert OUT.read_text(encoding="utf-8") == declarations(), \
        "types/protocol.d.ts is out of date: run `.venv/bin/python -m tests.support.protocol_types`"


def test_a_field_added_in_python_changes_the_declarations(monkeypatch: pytest.MonkeyPatch):
    grown = typing.TypedDict("Launch", {"system": str, "learner": str, "course": str})
    grown.__doc__ = protocol.Launch.__doc__
    monkeypatch.setattr(protocol, "Launch", grown)
    assert "  course: string;" in interface("Launch")
    assert OUT.read_text(encoding="utf-8") != declarations()


def test_response_builds_exactly_the_declared_fields():
    declared = set(typing.get_type_hints(protocol.Response))
    assert set(protocol.response(None, None, report={}, lms_state={})) == declared
    assert set(protocol.response(None, None)) == declared - {"report", "lms_state"}

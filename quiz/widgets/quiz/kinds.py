"""The question kinds, one entry each: everything the bank, the draw, the views and the scoring need to know.

A new choice-type kind is one entry here (and its tests); quiz.toml's header
comment lists the kinds for editors.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """How one kind of question is asked, shown and marked."""

    label: str  # in the static bank: "Single answer"
    hint: str  # under the question
    multiple: bool  # checkboxes (several answers) rather than radios (one)
    shuffle: bool  # options shown in a new order in each draw
    one_right: bool  # the bank must mark exactly one option right (else at least one)
    true_false: bool = False  # written as answer = true/false with feedback.true/false, not options
    needs_scenario: bool = False  # the question has a situation to read first
    partly_right: str = ""  # feedback heading when some, not all, of the right options were chosen

    @property
    def missing_answer(self) -> str:
        """The error when the reader submits no answer."""
        return "Select at least one answer" if self.multiple else "Choose an answer"

    @staticmethod
    def is_correct(chosen: Iterable[str], right: frozenset[str]) -> bool:
        """Every kind scores the same way: exactly the right options, no more and no fewer (no part marks)."""
        return frozenset(chosen) == right

    def heading(self, chosen: Iterable[str], right: frozenset[str]) -> str:
        """The feedback heading after an answer."""
        chosen = frozenset(chosen)
        if self.is_correct(chosen, right):
            return "Correct"
        return self.partly_right if self.partly_right and chosen & right else "Incorrect"


KINDS: dict[str, Kind] = {
    "single": Kind("Single answer", "Choose one answer.", multiple=False, shuffle=True, one_right=True),
    "multiple": Kind("Select all that apply", "Select all that apply.", multiple=True, shuffle=True,
                     one_right=False, partly_right="Not quite"),
    "true-false": Kind("True or false", "Is this true or false?", multiple=False, shuffle=False, one_right=True,
                       true_false=True),
    "scenario": Kind("Scenario", "Choose one answer.", multiple=False, shuffle=True, one_right=True,
                     needs_scenario=True),
}

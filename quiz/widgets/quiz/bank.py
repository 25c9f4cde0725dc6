"""The training quiz's question bank: tracks, questions, options, settings (read by quiz.widgets.quiz.loading)."""
from __future__ import annotations

from dataclasses import dataclass

from .kinds import KINDS, Kind


@dataclass(frozen=True)
class Track:
    """One audience's way through the quiz (staff, members)."""

    name: str  # as the quiz names it: "Members (councillors) track", on results and certificates
    choice: str  # the label of its radio button when the reader chooses a track
    who: str  # the hint under that radio button (the bank's count is added)


TRACKS = {
    "staff": Track("Staff", "Staff", "For council employees: the whole policy and procedure"),
    "members": Track("Members (councillors)", "Members (elected councillors)",
                     "For councillors: the parts that apply to members"),
}


@dataclass(frozen=True)
class Option:
    """One answer a question offers, with whether it is right and why."""

    id: str  # "a", "b", ... in file order (or "true"/"false"): the value a form submits
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    """One question of the bank, with the clauses it tests."""

    id: str
    kind: str
    topic: str
    audiences: tuple[str, ...]
    clauses: tuple[str, ...]
    text: str
    scenario: str
    explanation: str
    options: tuple[Option, ...]

    @property
    def how(self) -> Kind:
        """What its kind means for showing, checking and scoring it (see quiz.widgets.quiz.kinds)."""
        return KINDS[self.kind]

    @property
    def multiple(self) -> bool:
        return self.how.multiple

    @property
    def right(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def documents(self) -> list[str]:
        """Which documents the question is about, from its clause ids, in order."""
        seen: list[str] = []
        for clause in self.clauses:
            doc = clause.split("-", 1)[0]
            if doc not in seen:
                seen.append(doc)
        return seen


@dataclass(frozen=True)
class Settings:
    """How an attempt runs: questions drawn, pass mark, when feedback shows."""

    draw_size: int
    pass_mark: int  # per cent
    feedback: str  # "after-each" or "at-end"
    review_months: int = 24  # a pass is due for review this many months after it


@dataclass(frozen=True)
class Bank:
    """The whole question bank, as quiz.toml holds it once checked."""

    settings: Settings
    topics: dict[str, str]  # id -> title, in the file's order
    questions: tuple[Question, ...]
    version: str  # first 8 hex chars of sha256 over the bank's canonical JSON

    def for_track(self, track: str) -> list[Question]:
        return [q for q in self.questions if track in q.audiences]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

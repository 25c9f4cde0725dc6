"""What a learning system records of the quiz: one rule, used by both adapters (SCORM 1.2 and cmi5).

- **The pass mark** is the learning system's mastery score when it gives one (cmi5
  ``LMS.LaunchData`` ``masteryScore``; SCORM 1.2 ``cmi.student_data.mastery_score``), the
  data file's ``pass_mark`` otherwise (cmi5 10.2.4; SCORM 1.2 RTE 3.4.4).
- **The best result stands.** Once a pass is on record (the learning system said so at
  launch, or an attempt in this record passed), every later attempt is practice: the page
  says so and nothing is sent, so a pass can never become a fail.
- **A counted result is reported the moment its last question is scored**, pass or fail,
  not when the certificate is made (closing the window on "You passed" loses nothing).
- **Browse and Review launches record nothing** (cmi5 10.2.2): the page says so.

Pure: the launch comes in each request as ``lms`` (see docs/javascripts/lms.js).
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

SYSTEMS = ("scorm", "cmi5")
MODES = ("Normal", "Browse", "Review")
PRACTICE = "You have already passed; this attempt is for practice and is not sent."


@dataclass(frozen=True)
class Launch:
    """A learning system's launch of the quiz, as the page's adapter read it."""

    system: str  # "scorm" or "cmi5"
    learner: str  # the name the learning system gave, tidied
    passed: bool  # a pass is already on record for this learner (this registration or attempt record)
    mastery: float | None  # the learning system's mastery score, 0 to 1, or None
    mode: str  # "Normal", "Browse" or "Review"
    exit: bool  # the learning system gave a place to return to (cmi5 returnURL)
    languages: tuple[str, ...] = ()  # the learner's language preferences, in order (cmi5 11.1)


def launch(request: dict[str, Any]) -> Launch | None:
    """The launch a request says it came from; None outside a learning system."""
    lms = request.get("lms")
    if not isinstance(lms, dict) or lms.get("system") not in SYSTEMS:
        return None
    learner = lms.get("learner")
    mastery = lms.get("mastery")
    valid_mastery = isinstance(mastery, (int, float)) and not isinstance(mastery, bool) and 0 <= mastery <= 1
    return Launch(
        system=lms["system"],
        learner=" ".join(learner.split()) if isinstance(learner, str) else "",
        passed=lms.get("passed") is True,
        mastery=float(mastery) if valid_mastery else None,
        mode=lms.get("mode") if lms.get("mode") in MODES else "Normal",
        exit=lms.get("exit") is True,
        languages=tuple(t for t in lms.get("languages") or () if isinstance(t, str)) if isinstance(
            lms.get("languages"), list) else (),
    )


def pass_mark(own: int, mastery: float | None) -> int | float:
    """The pass mark in per cent that judges an attempt: the learning system's, else the data file's."""
    if mastery is None:
        return own
    percent = Fraction(str(mastery)) * 100  # masteryScore has up to 4 decimals: exact, no float drift
    return int(percent) if percent.denominator == 1 else float(percent)


def judged(score: int, out_of: int, mark: int | float) -> bool:
    """At or above the pass mark, compared exactly (8 of 10 passes at 80, fails at 80.01)."""
    return out_of > 0 and Fraction(score * 100) >= Fraction(str(mark)) * out_of


def counts(launched: Launch | None, on_record: bool) -> bool:
    """Whether an attempt starting now is reported: launched normally, with no pass on record yet."""
    return launched is not None and launched.mode == "Normal" and not (launched.passed or on_record)


def language_note(launched: Launch) -> str | None:
    """The quiz is in British English only: said when the learner's preferences name no English (cmi5 11.1)."""
    if not launched.languages or any(t.lower().split("-")[0] == "en" for t in launched.languages):
        return None
    return "This quiz is available in English only."


def mode_note(launched: Launch) -> str | None:
    """What the page says when the learning system opened the quiz to look, not to record."""
    if launched.mode == "Normal":
        return None
    return (f"Your learning system opened this quiz in {launched.mode.lower()} mode: "
            "nothing from this attempt is recorded there.")

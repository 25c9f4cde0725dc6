"""The quiz inside a learning system: what it reports, and the box that says whether that worked.

The page says when a learning system launched the quiz: the request's ``lms`` is
``{"system": "scorm" | "cmi5", "learner": "<name the system gave>"}`` (see
docs/javascripts/lms.js). Then a finished attempt's response carries a
``report`` with only these facts: score, pass or fail, track, the question bank's
version, the versions of the policy and procedure, and the "review by" date. The
page adds the duration (it owns the clock). Never answers, never free text.
"""
from __future__ import annotations

from typing import Any

from ...context import Context
from ...view import Node, h
from .bank import Bank
from .dates import review_by
from .state import result, versions

SYSTEMS = ("scorm", "cmi5")


def launch(request: dict[str, Any]) -> dict[str, str] | None:
    """The learning system that launched the quiz, and the learner's name it gave; None outside one."""
    lms = request.get("lms")
    if not isinstance(lms, dict) or lms.get("system") not in SYSTEMS:
        return None
    learner = lms.get("learner")
    return {"system": lms["system"], "learner": " ".join(learner.split()) if isinstance(learner, str) else ""}


def report(bank: Bank, ctx: Context, state: dict) -> dict[str, Any]:
    """A finished attempt, as the learning system gets it."""
    outcome = result(bank, state)
    return {
        "score": outcome.score,
        "out_of": outcome.out_of,
        "percent": outcome.percent,
        "passed": outcome.passed,
        "track": state["track"],
        "question_bank_version": bank.version,
        "document_versions": versions(ctx, state),
        "review_by": review_by(state.get("date"), bank.settings.review_months) if outcome.passed else None,
    }


def status_box(passed: bool) -> Node:
    """Whether the result reached the learning system; the page shows the part that applies."""
    what_to_do = (
        "Your certificate is below. Download the completion record and send it to your learning team, "
        "and tell them the learning system did not record your result."
        if passed else
        "Your result is still on this page. Tell your learning team that the learning system did not record it."
    )
    return h(
        "div", {"class": "lms-status", "data-lms-status": True, "aria-live": "polite"},
        h("p", {"data-lms-when": "sending", "hidden": True}, "Recording your result in your learning system\u2026"),
        h("p", {"data-lms-when": "sent", "hidden": True, "class": "lms-status__sent"},
          "Your result has been recorded in your learning system."),
        h("div", {"data-lms-when": "failed", "hidden": True, "class": "lms-status__failed"},
          h("p", {}, h("strong", {}, "Your result could not be recorded in your learning system.")),
          h("p", {}, what_to_do),
          h("p", {"class": "lms-status__problem"}, "What went wrong: ", h("span", {"data-lms-problem": True}, "")),
          h("button", {"type": "button", "class": "md-button", "data-client-action": "lms-retry"},
            "Try to record it again")),
    )

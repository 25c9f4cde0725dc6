"""The quiz inside a learning system: what it reports, and the box that says whether that worked.

The page says when a learning system launched the quiz (the request's ``lms``, read by
quiz.widgets.quiz.record.launch; see docs/javascripts/lms.js). Then the response that scores
a counted attempt's last question carries a ``report`` with only these facts: score, pass
or fail, the pass mark that judged it, track, the question bank's version, the versions of
the policy and procedure, and the "review by" date. The page adds the duration (it owns
the clock). Never answers, never free text.
"""
from __future__ import annotations

from typing import Any

from ...context import Context
from ...view import Node, h
from .bank import Bank
from .dates import review_by
from .state import result, versions


def report(bank: Bank, ctx: Context, state: dict, today: Any) -> dict[str, Any]:
    """A finished attempt, as the learning system gets it; `today` dates the "review by"."""
    outcome = result(bank, state)
    return {
        "score": outcome.score,
        "out_of": outcome.out_of,
        "percent": outcome.percent,
        "passed": outcome.passed,
        "pass_mark": outcome.pass_mark,
        "track": state["track"],
        "question_bank_version": bank.version,
        "document_versions": versions(ctx, state),
        "review_by": review_by(state.get("date") or today, bank.settings.review_months) if outcome.passed else None,
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
        # cmi5 allows one pass-or-fail per session: a fail waits for the end of the session, so that a
        # pass on a new try in the same session can still be recorded (see docs/javascripts/lms-cmi5.js).
        h("p", {"data-lms-when": "held", "hidden": True, "class": "lms-status__held"},
          "Your learning system gets this result when you leave the quiz. "
          "If you pass on a new try before then, it gets the pass instead."),
        h("div", {"data-lms-when": "failed", "hidden": True, "class": "lms-status__failed"},
          h("p", {}, h("strong", {}, "Your result could not be recorded in your learning system.")),
          h("p", {}, what_to_do),
          h("p", {"class": "lms-status__problem"}, "What went wrong: ", h("span", {"data-lms-problem": True}, "")),
          h("button", {"type": "button", "class": "md-button", "data-client-action": "lms-retry"},
            "Try to record it again")),
    )

"""The training quiz's certificate and the completion record a reader sends to their manager."""
from __future__ import annotations

import datetime
import json
from typing import Any

from ...view import Node, h
from .bank import TRACKS, Bank
from .parts import again_form, heading, honesty
from ...documents import DOCUMENTS
from .dates import review_by
from .state import result

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def format_date(today: Any) -> str:
    try:
        d = datetime.date.fromisoformat(str(today))
    except ValueError:
        return "(date not given)"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def completion_record(bank: Bank, state: dict) -> dict:
    """The plain-data record a reader sends to their manager."""
    outcome = result(bank, state)
    return {
        "record": "Social media policy training quiz: completion",
        "name": state["name"],
        "date": state["date"],
        "track": state["track"],
        "score": outcome.score,
        "out_of": outcome.out_of,
        "percent": outcome.percent,
        "pass_mark": outcome.pass_mark,
        "passed": outcome.passed,
        "question_bank_version": bank.version,
        "policy_version": state["acknowledged"]["policy"],
        "procedure_version": state["acknowledged"]["procedure"],
        "review_by": review_by(state["date"], bank.settings.review_months),
        "note": "Made by a static website on the reader's device: it does not prove who took the quiz.",
    }


def certificate_view(bank: Bank, state: dict, launched: bool = False) -> tuple[Node, str]:
    outcome = result(bank, state)
    seen = state["acknowledged"]
    record = json.dumps(completion_record(bank, state), indent=2, ensure_ascii=False)
    view = h(
        "div", {"class": "quiz-certificate-step"},
        h("div", {"class": "quiz-certificate"},
          heading("certificate", "Certificate of completion"),
          h("p", {}, "Social media policy and procedure: training quiz"),
          h("p", {}, "This records that"),
          h("p", {"class": "quiz-certificate__name"}, state["name"]),
          h("p", {}, f"passed the quiz on the {TRACKS[state['track']].name.lower()} track on "
                     f"{format_date(state['date'])}, scoring {outcome.score} out of {outcome.out_of} "
                     f"({outcome.percent}%; the pass mark is {outcome.pass_mark}%)."),
          h("p", {}, f"They confirmed that they have read and understood the {DOCUMENTS['policy'].title} "
                     f"(version {seen['policy']}) and the {DOCUMENTS['procedure'].title} (version {seen['procedure']})."),
          h("p", {"class": "quiz-certificate__review"},
            f"Review by: {format_date(review_by(state['date'], bank.settings.review_months))}"),
          h("p", {"class": "quiz-certificate__version"}, f"Question bank version: {bank.version}"),
          h("p", {"class": "quiz-honesty"}, honesty(launched))),
        h("div", {"class": "quiz-actions js-only"},
          h("button", {"type": "button", "class": "md-button md-button--primary", "data-client-action": "print"},
            "Print the certificate")),
        h("h3", {}, "Send a completion record to your manager"),
        h("p", {}, "Download this small file and send it to your manager by email. It holds the same facts as "
                   "the certificate, as plain text."),
        h("pre", {"class": "completion-record", "id": "quiz-completion-record"}, record),
        h("div", {"class": "quiz-actions js-only"},
          h("button", {"type": "button", "class": "md-button", "data-client-action": "download",
                       "data-filename": "quiz-completion.json", "data-source": "#quiz-completion-record"},
            "Download the record (quiz-completion.json)")),
        again_form(state, primary=False),
    )
    return view, "Your certificate is ready"

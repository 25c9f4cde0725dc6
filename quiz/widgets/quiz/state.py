"""An attempt's state: plain JSON the page keeps (on the device only if the reader asks), never trusted.

``checked`` accepts only a state this version of the code wrote for this
version of the bank (``v`` is the bank's version); anything else makes the quiz
start again (see quiz.protocol.restore).
"""
from __future__ import annotations

import datetime
from typing import Any

from ...protocol import STATE_VERSION_KEY
from .bank import TRACKS, Bank
from .draw import attempt_seed, draw
from .names import certificate_name
from .scoring import Result, score

STAGES = ("choose", "question", "feedback", "result", "certificate")


def fresh(bank: Bank, remember: bool = False, attempt: int = 0) -> dict:
    return {STATE_VERSION_KEY: bank.version, "stage": "choose", "track": None, "remember": remember,
            "attempt": attempt, "seed": 0, "draw": [], "index": 0, "answers": {}, "name": None, "date": None,
            "acknowledged": None}


def result(bank: Bank, state: dict) -> Result:
    return score(bank, [item["q"] for item in state["draw"]], state["answers"])


def checked(bank: Bank, state: Any) -> dict | None:
    """The state if it is whole and belongs to this version of the bank; otherwise None."""
    if not isinstance(state, dict) or state.get(STATE_VERSION_KEY) != bank.version:
        return None
    stage = state["stage"]
    if stage not in STAGES:
        return None
    if not isinstance(state["remember"], bool) or not isinstance(state["attempt"], int):
        return None
    if stage == "choose":
        return fresh(bank, state["remember"], state["attempt"])
    if state["track"] not in TRACKS:
        return None
    drawn = state["draw"]
    if not isinstance(drawn, list) or not drawn:
        return None
    for item in drawn:
        q = bank.question(item["q"])
        if q is None or state["track"] not in q.audiences or sorted(item["o"]) != sorted(o.id for o in q.options):
            return None
    index, answers = state["index"], state["answers"]
    if not isinstance(index, int) or not 0 <= index < len(drawn) or not isinstance(answers, dict):
        return None
    ids = {item["q"] for item in drawn}
    for qid, chosen in answers.items():
        if qid not in ids or not isinstance(chosen, list) or not all(isinstance(c, str) for c in chosen):
            return None
    if stage in ("result", "certificate") and len(answers) != len(drawn):
        return None
    if stage == "feedback" and drawn[index]["q"] not in answers:
        return None
    if stage == "certificate":
        name = state["name"]
        if not isinstance(name, str) or not name or certificate_name(name) != name or not result(bank, state).passed:
            return None
        if state["date"] != record_date(state["date"]):
            return None
        # The policy and procedure versions the reader confirmed having read.
        seen = state["acknowledged"]
        if not isinstance(seen, dict) or not all(isinstance(seen.get(d), str) for d in ("policy", "procedure")):
            return None
    return dict(state)


def record_date(today: Any) -> str:
    """The day the browser gave, as an ISO date (2025-11-23), or '' for anything else."""
    try:
        return datetime.date.fromisoformat(today).isoformat() if isinstance(today, str) else ""
    except ValueError:
        return ""


def new_attempt(bank: Bank, state: dict, track: str, seed: int) -> dict:
    attempt = state["attempt"] + 1
    avoid = [item["q"] for item in state["draw"]] if state.get("track") == track else []
    attempt_draw = draw(bank.for_track(track), bank.settings.draw_size, attempt_seed(seed, attempt), avoid)
    return {**fresh(bank, state["remember"], attempt), "stage": "question", "track": track,
            "seed": seed, "draw": attempt_draw}


def advance(state: dict) -> dict:
    index = state["index"] + 1
    if index >= len(state["draw"]):
        return {**state, "stage": "result"}
    return {**state, "stage": "question", "index": index}

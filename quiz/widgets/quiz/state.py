"""An attempt's state: plain JSON the page keeps (on the device only if the reader asks), never trusted.

``checked`` accepts only a state this version of the code could have written for
this version of the bank (the engine checks ``v``, the stage and ``remember``);
anything else makes the quiz start again (see quiz.engine).
"""
from __future__ import annotations

from ...context import Context
from ...documents import current_versions
from ...engine import Ask
from ...protocol import STATE_VERSION_KEY
from .bank import TRACKS, Bank
from .dates import record_date, review_by
from .draw import attempt_seed, draw
from .names import certificate_name
from .record import pass_mark
from .scoring import Result, score

STAGES = ("choose", "question", "feedback", "result", "certificate")


# Inside a learning system (quiz.widgets.quiz.record): the mastery score it set, whether a pass is on
# record, whether this attempt is practice, and the questions answered in an earlier session
# (resumed from what the learning system kept: right or wrong, never the option chosen).
LEARNING_SYSTEM_KEYS = {"mastery": None, "on_record": False, "practice": False, "recalled": []}


def fresh(bank: Bank, remember: bool = False, attempt: int = 0, carried: dict | None = None) -> dict:
    """A new state at the first step; `carried` keeps the learning system's facts across attempts."""
    kept = {k: (carried or {}).get(k, v) for k, v in LEARNING_SYSTEM_KEYS.items() if k in ("mastery", "on_record")}
    return {STATE_VERSION_KEY: bank.version, "stage": "choose", "track": None, "remember": remember,
            "attempt": attempt, "seed": 0, "draw": [], "index": 0, "answers": {}, "name": None, "date": None,
            "acknowledged": None, "avoid": [], **LEARNING_SYSTEM_KEYS, **kept}


def result(bank: Bank, state: dict) -> Result:
    mark = pass_mark(bank.settings.pass_mark, state.get("mastery"))
    return score(bank, [item["q"] for item in state["draw"]], state["answers"], mark)


def _learning_system_facts_checked(state: dict) -> bool:
    """The learning-system keys of a saved state (a state without them gets the defaults)."""
    for key, default in LEARNING_SYSTEM_KEYS.items():
        state.setdefault(key, default)
    mastery = state["mastery"]
    if mastery is not None and (isinstance(mastery, bool) or not isinstance(mastery, (int, float))
                                or not 0 <= mastery <= 1):
        return False
    if not isinstance(state["on_record"], bool) or not isinstance(state["practice"], bool):
        return False
    recalled, answers = state["recalled"], state.get("answers")
    return isinstance(recalled, list) and isinstance(answers, dict) and all(q in answers for q in recalled)


def checked(bank: Bank, ctx: Context, state: dict, ask: Ask) -> bool:
    """Whether a saved state (of this bank's version, a known stage: see quiz.engine) is whole and could
    have been made here: its draw is the one its seed gives, its certificate is for the documents on the
    site now, dated no later than today and not past its review date."""
    if not isinstance(state["attempt"], int) or isinstance(state["attempt"], bool):
        return False
    if not _learning_system_facts_checked(state):
        return False
    if state["stage"] == "choose":
        return True
    return _attempt_checked(bank, state) and (state["stage"] != "certificate" or _certificate_checked(bank, ctx, state, ask))


def _attempt_checked(bank: Bank, state: dict) -> bool:
    track, seed, avoid = state["track"], state["seed"], state["avoid"]
    if track not in TRACKS or not isinstance(seed, int) or isinstance(seed, bool) or state["attempt"] < 1:
        return False
    if not isinstance(avoid, list) or not all(isinstance(a, str) for a in avoid):
        return False
    # The draw must be exactly what this seed, attempt and avoided questions give (size, questions, option order).
    if state["draw"] != draw(bank.for_track(track), bank.settings.draw_size, attempt_seed(seed, state["attempt"]), avoid):
        return False
    drawn = state["draw"]
    index, answers = state["index"], state["answers"]
    if not isinstance(index, int) or not 0 <= index < len(drawn) or not isinstance(answers, dict):
        return False
    ids = {item["q"] for item in drawn}
    for qid, chosen in answers.items():
        if qid not in ids or not isinstance(chosen, list) or not all(isinstance(c, str) for c in chosen):
            return False
    if state["stage"] in ("result", "certificate") and len(answers) != len(drawn):
        return False
    return state["stage"] != "feedback" or drawn[index]["q"] in answers


def _certificate_checked(bank: Bank, ctx: Context, state: dict, ask: Ask) -> bool:
    name = state["name"]
    if not isinstance(name, str) or not name or certificate_name(name) != name or not result(bank, state).passed:
        return False
    # The versions the reader confirmed must be the documents on the site now: a newer policy needs a new read.
    if state["acknowledged"] != current_versions(ctx):
        return False
    date, today = record_date(state["date"]), record_date(ask.today)
    if not date or date != state["date"] or not today or date > today:
        return False
    return today < (review_by(date, bank.settings.review_months) or "")


def new_attempt(bank: Bank, state: dict, track: str, seed: int, practice: bool = False) -> dict:
    """The next attempt's first question; `practice`: a pass is on record, so it is not sent."""
    attempt = state["attempt"] + 1
    avoid = [item["q"] for item in state["draw"]] if state.get("track") == track else []
    attempt_draw = draw(bank.for_track(track), bank.settings.draw_size, attempt_seed(seed, attempt), avoid)
    return {**fresh(bank, state["remember"], attempt, state), "stage": "question", "track": track,
            "seed": seed, "draw": attempt_draw, "avoid": avoid, "practice": practice}


def advance(state: dict) -> dict:
    index = state["index"] + 1
    if index >= len(state["draw"]):
        return {**state, "stage": "result"}
    return {**state, "stage": "question", "index": index}


def versions(ctx: Context, state: dict) -> dict[str, str]:
    """The document versions an attempt stands for: those acknowledged, else those on the site now."""
    return state.get("acknowledged") or current_versions(ctx)

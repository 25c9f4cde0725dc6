"""What a learning system keeps so that the reader can resume: SCORM's ``cmi.suspend_data``, cmi5's State API.

Only what resuming needs, and nothing the reader chose or typed: the track, which questions
were drawn (ids) and the order their options were shown in (positions, not option ids), the
questions the attempt before asked (the draw avoided them: the engine checks the draw again),
and for each question answered so far whether it was right. Resumed, a question answered in
an earlier session counts as it did, and the review says its answer was not kept. A
certificate is never resumed: its name was typed by the reader, so the quiz resumes at the
result, where the reader makes it again. ``packed`` and ``unpacked`` are each other's inverse
on everything else.
"""
from __future__ import annotations

from typing import Any

from ...protocol import STATE_VERSION_KEY
from .bank import Bank
from .state import fresh, result

MARK = "lms"  # tells a packed state from a whole one
FORMAT = 1


def packed(bank: Bank, state: dict) -> dict:
    """`state` as the learning system keeps it (compact JSON, no option ids, no free text)."""
    answered = [item for item in state["draw"] if item["q"] in state["answers"]]
    marks = result(bank, state).marks
    out: dict[str, Any] = {
        MARK: FORMAT, STATE_VERSION_KEY: bank.version, "t": state["track"], "n": state["attempt"],
        "s": state["seed"], "p": int(state.get("on_record", False)), "x": int(state.get("practice", False)),
        "q": [item["q"] for item in state["draw"]],
        "o": ["".join(str([o.id for o in bank.question(item["q"]).options].index(o)) for o in item["o"])
              for item in state["draw"]],
        "r": "".join("1" if marks[item["q"]] else "0" for item in answered),
        "a": list(state.get("avoid", [])),  # the questions the previous attempt asked (the draw avoids them)
    }
    if state.get("mastery") is not None:
        out["m"] = state["mastery"]
    return out


def is_packed(given: Any) -> bool:
    return isinstance(given, dict) and given.get(MARK) == FORMAT


def unpacked(bank: Bank, data: dict) -> dict | None:
    """The whole state a packed one stands for (the engine then checks it like any saved state);
    None if it is not one this bank wrote. Raises KeyError, TypeError, ValueError on a broken one."""
    if data.get(STATE_VERSION_KEY) != bank.version:
        return None
    state = fresh(bank, attempt=data["n"], carried={"mastery": data.get("m"), "on_record": data["p"] == 1})
    state["practice"] = data["x"] == 1
    if data["t"] is None:
        return state
    draw, answers = [], {}
    for qid, order, right in zip(data["q"], data["o"], data["r"] + " " * len(data["q"])):
        question = bank.question(qid)
        ids = [o.id for o in question.options]
        draw.append({"q": qid, "o": [ids[int(i)] for i in order]})
        if right in "01":
            # Counts as it did: the right options if it was right, none if it was wrong.
            answers[qid] = sorted(question.right) if right == "1" else []
    if len(draw) != len(data["q"]) or not draw:
        return None
    done = len(answers)
    state.update({"track": data["t"], "seed": data["s"], "draw": draw, "answers": answers, "avoid": data.get("a", []),
                  "recalled": list(answers), "stage": "result" if done == len(draw) else "question",
                  "index": min(done, len(draw) - 1)})
    return state

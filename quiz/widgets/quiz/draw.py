"""Drawing an attempt's questions from the bank: spread across topics, reproducible from a seed.

The draw goes round the topics in a shuffled order, taking one question from
each topic per round, so that a draw of 10 from 20 topics asks about 10
different topics, and no topic gets a second question until every topic has
had one. Questions the reader saw in the last attempt are drawn only once every
fresh question in every topic has been, so "try again" asks new questions
wherever the bank has enough ("each attempt draws new questions").
Options are shuffled too, except True/False, which always read True, False.
The same questions, size, seed and avoided ids always give the same draw.
"""
from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence

from .bank import Question


def attempt_seed(seed: int, attempt: int) -> int:
    """The seed for one attempt: a retry with the same request seed still gets a new draw."""
    return int.from_bytes(hashlib.sha256(f"{seed}:{attempt}".encode()).digest()[:8], "big")


def draw(questions: Sequence[Question], size: int, seed: int,
         avoid: Iterable[str] = ()) -> list[dict]:
    """``size`` questions as ``[{"q": id, "o": [option ids in the order shown]}]``."""
    rng = random.Random(seed)
    avoid = set(avoid)
    by_topic: dict[str, list[Question]] = {}
    for q in sorted(questions, key=lambda q: q.id):  # file order must not change a draw
        by_topic.setdefault(q.topic, []).append(q)
    fresh: dict[str, list[Question]] = {}
    seen: dict[str, list[Question]] = {}
    for topic in sorted(by_topic):
        fresh[topic] = [q for q in by_topic[topic] if q.id not in avoid]
        seen[topic] = [q for q in by_topic[topic] if q.id in avoid]
        rng.shuffle(fresh[topic])
        rng.shuffle(seen[topic])
    order = sorted(by_topic)
    rng.shuffle(order)
    picked: list[Question] = []
    for queues in (fresh, seen):  # every fresh question before any seen one
        while len(picked) < size and any(queues.values()):
            for topic in [t for t in order if queues[t]]:
                if len(picked) == size:
                    break
                picked.append(queues[topic].pop(0))
    rng.shuffle(picked)
    out = []
    for q in picked:
        ids = [o.id for o in q.options]
        if q.how.shuffle:
            rng.shuffle(ids)
        out.append({"q": q.id, "o": ids})
    return out

"""Drawing an attempt's questions from the bank: spread across topics, reproducible from a seed.

The draw goes round the topics in a shuffled order, taking one question from
each topic per round, so that a draw of 10 from 20 topics asks about 10
different topics, and no topic gets a second question until every topic has
had one. Questions the reader saw in the last attempt go to the back of their
topic's queue, so "try again" asks new questions where the bank has them.
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
    queues: dict[str, list[Question]] = {}
    for topic in sorted(by_topic):
        fresh = [q for q in by_topic[topic] if q.id not in avoid]
        seen = [q for q in by_topic[topic] if q.id in avoid]
        rng.shuffle(fresh)
        rng.shuffle(seen)
        queues[topic] = fresh + seen
    order = sorted(queues)
    rng.shuffle(order)
    # Topics whose next question is fresh go first in each round.
    picked: list[Question] = []
    while len(picked) < size and any(queues.values()):
        round_topics = [t for t in order if queues[t]]
        round_topics.sort(key=lambda t: queues[t][0].id in avoid)  # stable: keeps the shuffled order
        for topic in round_topics:
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

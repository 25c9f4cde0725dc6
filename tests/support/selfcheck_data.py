"""What the self-check unit tests share: the fixed clause ids, their data files and the source texts."""
from __future__ import annotations

import re
import tomllib
from types import ModuleType
from typing import Any, Callable

from quiz.context import Context
from tests.support import ROOT

TIPS = ["know-the-rules", "use-secure-passwords", "check-default-settings", "be-picture-prudent",
        "beware-of-big-brother", "secure-your-computers", "think-before-you-click", "stranger-danger"]
# The clause ids the brief promises (a fixed set, so these tests do not depend on docs/).
IDS = ({"policy-1-3", "policy-2-2", "policy-2-3", "policy-2-4", "policy-2-7", "policy-5", "procedure-3-1",
        "procedure-3-1-1", "procedure-3-1-2", "procedure-3-2-4", "procedure-3-4", "procedure-appendix-2"}
       | {f"policy-2-2-{c}" for c in "abcdefghi"} | {f"procedure-3-1-{c}" for c in "abcdefghi"}
       | {f"procedure-3-4-{i}" for i in range(1, 7)} | {f"procedure-appendix-2-{t}" for t in TIPS})
CTX = Context({i: {"label": i, "url": f"x/#{i}"} for i in IDS}, "../../")


def raw(file_name: str) -> dict[str, Any]:
    """The data file quiz/data/<file_name>, freshly parsed."""
    return tomllib.loads((ROOT / "quiz" / "data" / file_name).read_text(encoding="utf-8"))


def find(data: dict[str, Any], key: str, item_id: str) -> dict[str, Any]:
    """The entry of the list data[key] whose id is item_id."""
    return next(x for x in data[key] if x["id"] == item_id)


def problems_after(module: ModuleType, file_name: str, change: Callable[[dict[str, Any]], object]) -> list[str]:
    """The problems `module.load` reports once `change` has broken the data file; it must give no model."""
    data = raw(file_name)
    change(data)
    model, problems = module.load(data, file_name, IDS)
    assert model is None
    return [str(p) for p in problems]


def normalise(text: str) -> str:
    """Text without bold marks, with straight apostrophes and single spaces, for comparing quotes."""
    return re.sub(r"\s+", " ", text.replace("**", "").replace("’", "'").replace("‘", "'")).strip()


def sources_text(*names: str) -> str:
    """The texts of sources/<name>.txt, joined by spaces."""
    return " ".join((ROOT / "sources" / f"{name}.txt").read_text(encoding="utf-8") for name in names)

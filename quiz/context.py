"""What a view needs to know about the site: where clauses live, where the page is."""
from __future__ import annotations

from dataclasses import dataclass, field

from .view import Node, h


@dataclass(frozen=True)
class Context:
    """What a widget needs to know about the page it answers for."""

    # clause id -> {"label": "Policy 2.3", "url": "policy/#policy-2-3"} (from the site's pages)
    clauses: dict[str, dict[str, str]]
    # relative path from the current page to the site root, e.g. "../../"
    root: str = ""
    # document -> version of the published text, {"policy": "1a2b3c4d", "procedure": ...} (sitebuild/versions.py)
    documents: dict[str, str] = field(default_factory=dict)

    def clause_url(self, clause_id: str) -> str:
        return self.root + self.clauses[clause_id]["url"]

    def cite(self, clause_id: str) -> Node:
        """A link to a clause, named as the site names it."""
        return h("a", {"href": self.clause_url(clause_id), "class": "clause-ref"},
                 self.clauses[clause_id]["label"])

    def cite_all(self, clause_ids: list[str]) -> list[Node]:
        """Links to several clauses, separated by commas (to splice into a parent)."""
        out: list[Node] = []
        for i, clause_id in enumerate(clause_ids):
            if i:
                out.append(", ")
            out.append(self.cite(clause_id))
        return out

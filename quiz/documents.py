"""The two documents the site publishes: their names, written once, and the versions a page is reading.

The versions themselves are measured at build time (sitebuild/versions.py) and reach
every widget in ``Context.documents``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import Context


@dataclass(frozen=True)
class Document:
    """One source document: its title, and how a sentence names it with its author."""

    title: str  # "Social Media Policy"
    described: str  # "the social media policy (Dacorum Borough Council)"


DOCUMENTS = {
    "policy": Document("Social Media Policy", "the social media policy (Dacorum Borough Council)"),
    "procedure": Document("Social Media Procedure", "the social media procedure (Luton Borough Council)"),
}


def current_versions(ctx: Context) -> dict[str, str]:
    """The version of each document on the site now ("not known" where the build gave none)."""
    return {name: str(ctx.documents.get(name) or "not known") for name in DOCUMENTS}

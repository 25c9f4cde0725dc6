"""Running axe-core (pinned in package.json) in a Playwright page, with the project's one rule set."""
from __future__ import annotations

from tests.support import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0, 2.1 and 2.2 at levels A and AA. No rule is turned off: the bar is zero violations.
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}


def violations(page, selector: str | None = None) -> list[str]:  # noqa: ANN001 - Playwright Page
    """axe-core's violations on the page (or the part matching selector) as readable lines."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async ([selector, options]) => (await axe.run(selector ? document.querySelector(selector) : document, options)).violations",
        [selector, OPTIONS],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in found
    ]

"""Visiting every page of the built site, once per width and colour scheme, and keeping what each visit showed.

Four checks read every page: accessibility (axe), reflow at 320px, the Content-Security-Policy, and
requests to other hosts. One visit per page serves them all, so the site is walked twice, not eight times.
"""
from __future__ import annotations

from dataclasses import dataclass

from tests.support.axe import violations
from tests.support.server import leaves_the_site
from tests.support.widget import READY

# Each scheme once and each width once: colours (contrast) depend on the scheme and layout (reflow,
# the mobile drawer) on the width, so the other two pairings would find nothing new.
SWEEPS = ((1280, "light"), (320, "dark"))

# Every violation of the policy the page sees, whether or not anything reports it on the console.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def is_about_the_policy(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


def watch_policy(page) -> list[str]:  # noqa: ANN001 - Playwright Page
    """Console messages about the policy, from the page and its workers, as they come; also records
    violations in window.__cspViolations."""
    seen: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda m: seen.append(m.text) if is_about_the_policy(m.text) else None)
    page.on("worker", lambda w: w.on("console", lambda m: seen.append(m.text) if is_about_the_policy(m.text) else None))
    return seen


@dataclass
class Visit:
    """What one page showed at one width and scheme, once its widget (if any) was ready."""

    path: str
    width: int
    scheme: str
    axe: list[str]
    overflow: int  # CSS pixels the page scrolls sideways
    policy_violations: list[str]
    material_storage: bool  # Material's storage helpers (a file, not inline) ran: its bundle needs them
    requests: list[str]  # every request made from this page
    policy_console: list[str]  # console lines about the policy

    def foreign(self, site_url: str) -> list[str]:
        return [url for url in self.requests if leaves_the_site(url, site_url)]


def sweep(browser, site_url: str, pages: list[str], width: int, scheme: str) -> list[Visit]:  # noqa: ANN001
    """Visit every page at one width and colour scheme; what each showed."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                  reduced_motion="reduce")  # axe must see elements at rest, not mid-fade
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    console = watch_policy(page)
    visits = []
    for path in pages:
        requests.clear()
        console.clear()
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        if page.locator("[data-widget]").count():  # the Python worker runs under the policy too
            page.wait_for_selector("[data-widget][data-state=ready]", timeout=READY)
        page.wait_for_load_state("networkidle")
        visits.append(Visit(
            path=path, width=width, scheme=scheme,
            axe=violations(page),
            overflow=page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
            policy_violations=page.evaluate("window.__cspViolations"),
            material_storage=page.evaluate("typeof __md_get") == "function",
            requests=list(requests), policy_console=list(console),
        ))
    context.close()
    return visits


def every_visit(sweeps: dict[tuple[int, str], list[Visit]]) -> list[Visit]:
    """All the visits of all the sweeps, for checks that hold at every width and scheme."""
    return [visit for visits in sweeps.values() for visit in visits]

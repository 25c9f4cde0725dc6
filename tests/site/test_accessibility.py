"""WCAG 2.2 AA on every page: axe-core in both colour schemes, at desktop width and at 320px (400% zoom)."""
import pytest

from tests.support.axe import violations
from tests.support.search import search
from tests.support.sweep import SWEEPS

WIDTHS = (1280, 320)


@pytest.mark.parametrize(("width", "scheme"), SWEEPS)
def test_every_page_has_no_violations_and_reflows(swept, width, scheme):
    problems: dict[str, list[str]] = {}
    for visit in swept[width, scheme]:
        found = list(visit.axe)
        # Reflow: at 320 CSS pixels nothing may need sideways scrolling.
        if visit.overflow > 0:
            found.append(f"page scrolls sideways by {visit.overflow}px")
        if found:
            problems[visit.path] = found
    print(f"{len(swept[width, scheme])} pages checked, {scheme} scheme, {width}px: "
          f"{sum(map(len, problems.values()))} problems")
    assert problems == {}


def test_the_audit_can_fail(page, site_url):
    """A deliberately broken page element is reported: the zero above is a real zero."""
    page.goto(site_url + "privacy/")
    page.evaluate("""() => {
        const p = document.createElement("p");
        p.textContent = "pale text"; p.style.color = "#eeeeee";
        document.querySelector("article").append(p);
    }""")
    assert any(v.startswith("color-contrast") for v in violations(page))


@pytest.mark.parametrize("width", WIDTHS)
def test_search_dialog_with_results_has_no_violations(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "policy/")
    search(page, "password")
    assert violations(page) == []


def test_reduced_motion_is_respected(browser, site_url):
    """With 'reduce motion' set, nothing on the page animates or slides."""
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + "policy/")
    durations = page.evaluate("""() => [...document.querySelectorAll("*")].flatMap((e) => {
        const s = getComputedStyle(e);
        return [s.transitionDuration, s.animationDuration].flatMap((d) => d.split(","))
            .map((d) => parseFloat(d) * (d.trim().endsWith("ms") ? 1 : 1000));
    })""")
    context.close()
    assert durations and max(durations) <= 1  # milliseconds

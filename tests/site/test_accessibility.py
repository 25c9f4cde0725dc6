"""WCAG 2.2 AA on every page: axe-core in both colour schemes, at desktop width and at 320px (400% zoom)."""
import pytest

from tests.support.axe import violations
from tests.support.build import site_pages
from tests.support.search import search

WIDTHS = (1280, 320)
# Each scheme once and each width once: colours (contrast) depend on the scheme and layout (reflow,
# the mobile drawer) on the width, so the other two pairings find nothing new for 25 s each.
SWEEPS = ((1280, "light"), (320, "dark"))


@pytest.mark.parametrize(("width", "scheme"), SWEEPS)
def test_every_page_has_no_violations_and_reflows(browser, built_site, site_url, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                  reduced_motion="reduce")
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    pages = site_pages(built_site)
    for path in pages:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        found = violations(page)
        # Reflow: at 320 CSS pixels nothing may need sideways scrolling.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            found.append(f"page scrolls sideways by {overflow}px")
        if found:
            problems[path] = found
    context.close()
    print(f"{len(pages)} pages checked, {scheme} scheme, {width}px: {sum(map(len, problems.values()))} problems")
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

"""Where focus goes (issue #12): never on page load, and always into view below the sticky header.

WCAG 3.2.1 (On Focus): a page must not move focus before the reader does anything.
WCAG 2.4.11 (Focus Not Obscured): the heading a step moves focus to must not sit under the
48 px header, nor under Material's "Back to top" button, at desktop width or at 320 px.
"""
from __future__ import annotations

import pytest

from quiz.protocol import focus_id
from tests.support.widget import open_ready

WIDGET_PAGES = ("training/quiz/", "self-check/sensitive-roles/", "self-check/privacy-settings/")
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "320px": {"width": 320, "height": 640}}

# The focused element's box, the header's, and the "Back to top" button's when it shows.
FOCUS_BOX = """() => {
    const e = document.activeElement;
    const box = (el) => { const r = el.getBoundingClientRect();
                          return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
    const top = document.querySelector(".md-top");
    const shown = top && !top.hidden && getComputedStyle(top).opacity !== "0";
    return {id: e.id, focus: box(e), header: box(document.querySelector(".md-header")),
            topButton: shown ? box(top) : null, height: window.innerHeight};
}"""


def press(page, selector: str) -> None:  # noqa: ANN001
    """Focus a button (scrolling to it, as Tab would) and press Enter on it."""
    page.focus(selector)
    page.keyboard.press("Enter")


def assert_focus_in_view(page, expected_id: str, step: str) -> None:  # noqa: ANN001
    page.wait_for_function("(id) => document.activeElement && document.activeElement.id === id", arg=expected_id)
    page.wait_for_timeout(400)  # let scrolling settle and the "Back to top" button appear if it will
    box = page.evaluate(FOCUS_BOX)
    focus, header, button = box["focus"], box["header"], box["topButton"]
    assert focus["top"] >= header["bottom"], f"{step}: #{expected_id} is under the header ({box})"
    # Its start shows (a tall error summary may run on below the window).
    assert focus["top"] + 24 <= box["height"], f"{step}: #{expected_id} starts below the window ({box})"
    if button and button["left"] < focus["right"] and focus["left"] < button["right"]:
        assert focus["top"] >= button["bottom"], f"{step}: 'Back to top' covers #{expected_id} ({box})"


def test_no_focus_move_on_page_load(page, site_url: str) -> None:  # noqa: ANN001
    for path in WIDGET_PAGES:
        open_ready(page, site_url + path)
        page.wait_for_timeout(500)  # the widget's start response has been drawn by now
        active = page.evaluate("() => document.activeElement === document.body ? 'body' : "
                               "document.activeElement.tagName + '#' + document.activeElement.id")
        assert active == "body", f"{path}: focus moved to {active} before the reader did anything"


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_every_step_lands_in_view(page, site_url: str, viewport: str) -> None:  # noqa: ANN001
    page.set_viewport_size(VIEWPORTS[viewport])
    open_ready(page, site_url + "self-check/sensitive-roles/")
    page.check("input[name=role][value=no]")
    press(page, "[data-widget] button[value=continue]")
    assert_focus_in_view(page, "sensitive-roles-interim-title", "Continue (work is not sensitive)")
    press(page, "[data-widget] button[value=carry-on]")
    assert_focus_in_view(page, "sensitive-roles-form-title", "Carry on with the check anyway")
    for name in page.evaluate("() => [...new Set([...document.querySelectorAll("
                              "'[data-widget] input[type=radio][value=no]')].map(r => r.name))]"):
        page.check(f"[data-widget] input[name='{name}'][value=no]")
    press(page, "[data-widget] button[value=continue]")
    assert_focus_in_view(page, "sensitive-roles-check-title", "Continue (all answered)")
    press(page, "[data-widget] button[value=confirm]")
    assert_focus_in_view(page, "sensitive-roles-result-title", "Get my action plan")
    press(page, "[data-widget] button[value=back]")
    assert_focus_in_view(page, "sensitive-roles-form-title", "Change my answers")

    open_ready(page, site_url + "self-check/privacy-settings/")
    press(page, "[data-widget] button[value=continue]")
    assert_focus_in_view(page, "privacy-settings-error-summary", "Continue with nothing answered")

    open_ready(page, site_url + "training/quiz/")
    page.check("[data-widget] input[name=track][value=staff]")
    press(page, "[data-widget] button[value=choose-track]")
    assert_focus_in_view(page, focus_id("quiz", "question"), "Start the quiz")
    page.locator("[data-widget] input[name=answer]").first.check()
    press(page, "[data-widget] button[value=answer]")
    assert_focus_in_view(page, focus_id("quiz", "feedback"), "Check my answer")
    press(page, "[data-widget] button[value=next]")
    assert_focus_in_view(page, focus_id("quiz", "question"), "Next question")


def test_ticking_a_platform_is_enough_and_focus_stays_on_it(page, site_url: str) -> None:  # noqa: ANN001
    open_ready(page, site_url + "self-check/privacy-settings/")
    assert page.locator("[data-widget] section[aria-labelledby^='privacy-settings-part-']").count() == 6
    page.focus("[data-widget] input[name=platforms][value=linkedin]")
    page.keyboard.press("Space")
    page.wait_for_function("() => !document.querySelector('#privacy-settings-part-facebook')")
    assert page.locator("#privacy-settings-part-linkedin").count() == 1
    assert page.evaluate("() => document.activeElement.value") == "linkedin"
    assert page.locator("[data-widget] button[value=refresh]").count() == 0  # no second button to press

"""Driving a widget with the keyboard alone: Tab, Shift+Tab, Space and Enter."""
from __future__ import annotations


def focused(page) -> dict:  # noqa: ANN001
    """What has keyboard focus now, as plain data."""
    return page.evaluate("""() => {
        const e = document.activeElement;
        return { tag: e.tagName.toLowerCase(), type: e.type || "", name: e.name || "", value: e.value || "",
                 id: e.id || "", inWidget: !!e.closest("[data-widget]"), visible: !!e.getClientRects().length,
                 outline: getComputedStyle(e).outlineStyle + " " + getComputedStyle(e).outlineWidth };
    }""")


def start_before_widget(page) -> None:  # noqa: ANN001
    """Put focus on the page's heading, just before the widget, as a skip link or heading jump would."""
    page.evaluate("""() => { const h = document.querySelector("article h1"); h.tabIndex = -1; h.focus(); }""")


def tab_until(page, wanted, limit: int = 400) -> dict:  # noqa: ANN001
    """Press Tab until the focused element matches wanted(info); fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = focused(page)
        assert info["visible"], f"focus went to something invisible: {info}"
        assert not info["outline"].startswith("none"), f"focus is not visible on {info}"
        if wanted(info):
            return info
    raise AssertionError(f"Tab never reached the element wanted (last: {focused(page)})")


def answer_every_radio_group(page, pick: dict[str, int] | None = None, stop_at: str = "continue") -> int:  # noqa: ANN001
    """Tab through the widget's form; in each radio group choose option pick[name] (default the
    first) with Space and the arrow keys; stop on the submit button whose value is stop_at."""
    pick = pick or {}
    answered: set[str] = set()
    while True:
        info = tab_until(page, lambda i: i["inWidget"] and (i["type"] in ("radio", "checkbox") or i["value"] == stop_at))
        if info["value"] == stop_at and info["tag"] == "button":
            return len(answered)
        if info["type"] == "radio" and info["name"] not in answered:
            for _ in range(pick.get(info["name"], 0)):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            answered.add(info["name"])
        elif info["type"] == "checkbox" and info["name"] in pick and info["name"] not in answered:
            page.keyboard.press("Space")  # the first box of a checkbox group
            answered.add(info["name"])

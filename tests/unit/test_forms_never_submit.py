"""Every widget form, in the page and in every step Python draws, cannot submit to the server."""
import json
import re

from quiz import browser
from quiz.context import Context
from quiz.content import load_widget
from quiz.view import to_html
from quiz.widgets import registry

FORM = re.compile(r"<form\b[^>]*>")


def forms_in(html: str) -> list[str]:
    return FORM.findall(html)


def test_every_form_in_the_static_page_uses_the_dialog_method(clause_ids, clause_map):
    seen = 0
    for name in registry():
        model, problems = load_widget(name, clause_ids)
        assert not problems
        tags = forms_in(to_html(registry()[name].module.render(model, Context(clause_map, "../"))))
        assert all('method="dialog"' in tag and "action=" not in tag for tag in tags), (name, tags)
        seen += len(tags)
    assert seen >= 2  # the self-checks' forms (the quiz's page is a list of questions)


def test_every_form_python_draws_in_the_browser_uses_the_dialog_method(clause_map):
    browser.init(json.dumps(clause_map))
    steps = {"quiz": ["start", "choose-track"], "sensitive-roles": ["continue", "restart"],
             "privacy-settings": ["continue", "restart"]}
    for name, actions in steps.items():
        for action in actions:
            request = {"action": action, "answers": {}, "state": None, "seed": 1, "today": "2026-11-25"}
            view = json.loads(browser.handle(name, json.dumps(request), "../"))["view"]
            tags = forms_in(to_html(view)) if view else []
            assert all('method="dialog"' in tag for tag in tags), (name, action, tags)
            assert tags or action == "start", (name, action)

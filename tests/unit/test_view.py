"""View trees: the one format both the build (HTML) and the browser (DOM) render."""
import json

from quiz.view import h, text_of, to_html


def test_text_and_attributes_are_escaped():
    node = h("p", {"title": 'say "hi" <b>'}, "<script>alert(1)</script> & more")
    assert to_html(node) == '<p title="say &quot;hi&quot; &lt;b&gt;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>'


def test_false_and_none_are_dropped_true_is_bare():
    node = h("input", {"type": "radio", "checked": True, "disabled": False, "id": None})
    assert to_html(node) == '<input type="radio" checked>'


def test_none_children_are_dropped_and_nesting_works():
    node = h("ul", {}, h("li", {}, "one"), None, h("li", {"class": "x"}, "two"))
    assert to_html(node) == '<ul><li>one</li><li class="x">two</li></ul>'
    assert text_of(node) == "onetwo"


def test_views_survive_json():
    node = h("div", {"data-x": "1"}, h("a", {"href": "#a"}, "link"), "tail")
    assert json.loads(json.dumps(node)) == node


def test_every_dataclass_has_its_own_docstring():
    """Without one, dataclasses builds one with inspect.signature when the class is made: about
    2.6 ms a class in Pyodide, paid by every widget's start in the browser (bench/widget_start.py)."""
    import dataclasses
    import importlib
    import pkgutil

    import quiz

    classes = []
    for info in pkgutil.walk_packages(quiz.__path__, "quiz."):
        module = importlib.import_module(info.name)
        classes += [c for c in vars(module).values()
                    if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == info.name]
    assert len(classes) >= 15
    assert [c.__qualname__ for c in classes if (c.__doc__ or "").startswith(f"{c.__name__}(")] == []

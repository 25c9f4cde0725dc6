"""What the glossary file says reaches the page as text, never as markup (issue 14, item 2)."""
from html.parser import HTMLParser

import markdown
import pytest

from sitebuild import glossary
from quiz.checker import check
from quiz.glossary import Term, parse

# The extensions that read the glossary's Markdown; the built-site test runs the full set from mkdocs.yml.
EXTENSIONS = ["abbr", "attr_list", "def_list", "md_in_html"]

PROBES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    'Quote " and <b>bold</b> & AT&amp;T',
    "*star* _under_ [link](http://x) `code` {#id .cls} ![img](x.png) # hash 1. - + \\ [^1]",
    "Two\n<script>alert(2)</script>\nlines",
    "  - list item first",
]


class _Page(HTMLParser):
    """The elements, the text of each <dd> and every title attribute of a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.definitions: list[str] = []
        self.titles: list[str] = []
        self._in_dd = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.titles += [value or "" for name, value in attrs if name == "title"]
        if tag == "dd":
            self._in_dd = True
            self.definitions.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "dd":
            self._in_dd = False

    def handle_data(self, data: str) -> None:
        if self._in_dd:
            self.definitions[-1] += data


def rendered(terms: list[Term]) -> _Page:
    page = _Page()
    text = "HR and UK GDPR are used here.\n\n<!-- glossary -->\n"
    page.feed(markdown.markdown(glossary.apply(text, terms), extensions=EXTENSIONS))
    return page


@pytest.mark.parametrize("probe", PROBES)
def test_an_expansion_shows_as_typed_on_the_glossary_page_and_in_tooltips(probe):
    page = rendered([Term("HR", probe)])
    as_typed = " ".join(probe.split())  # line breaks in the file become spaces
    assert page.definitions == [as_typed]
    assert set(page.tags) <= {"p", "abbr", "dl", "dt", "dd", "strong"}
    # Material's tooltip parses the title as HTML: what it shows must be the text as typed.
    for title in page.titles:
        assert html_text(title) == (as_typed, [])


def html_text(fragment: str) -> tuple[str, list[str]]:
    """The text an HTML fragment shows and the elements it makes."""
    parser = _Fragment()
    parser.feed(fragment)
    parser.close()
    return parser.text, parser.tags


class _Fragment(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def test_an_abbreviation_with_a_space_gets_one_whole_id():
    html = markdown.markdown(glossary.apply("<!-- glossary -->", [Term("UK GDPR", "x")]),
                             extensions=EXTENSIONS)
    assert '<strong id="term-uk-gdpr">' in html


@pytest.mark.parametrize("abbr", ['<img src=x onerror="a()">', "H]R", "H\\R", "HR\nX", "-HR", "HR."])
def test_an_abbreviation_the_page_cannot_define_is_refused_by_name(abbr):
    raw = {"term": [{"abbr": "HR", "expansion": "x"}, {"abbr": abbr, "expansion": "y"}]}
    terms, problems = check(raw, parse, "glossary.toml")
    assert terms is None
    assert [str(p) for p in problems] == [
        f"glossary.toml: term 2: abbr {abbr.strip()!r} is not an abbreviation the pages can mark: use letters "
        "and digits, with a space, '.', '&', '/' or '-' only between them (like 'UK GDPR')"
    ]


def test_the_glossary_marker_shown_as_code_stays_code():
    page = "```\n<!-- glossary -->\n```\n"
    assert glossary.apply(page, [Term("HR", "x")]).startswith(page)

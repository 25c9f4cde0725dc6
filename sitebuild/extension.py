"""The site's Python-Markdown extension: what the build does inside each page, under any generator.

MkDocs, ProperDocs and Zensical all load the extensions listed in mkdocs.yml's `markdown_extensions`,
so this is where per-page work lives:

- widget markers (`<!-- widget: quiz -->`) become the widget's static HTML (sitebuild/widgets.py);
- the glossary marker becomes the glossary's list, and every page gets the glossary's abbreviations
  (sitebuild/glossary.py), which the `abbr` extension (listed after this one) turns into tooltips;
- the first use of each abbreviation on a page takes keyboard focus;
- `data-search-exclude="true"` from an attribute list is written bare, as the widgets write it:
  Material's search plugin deletes the attribute when it has a value, and the clause index, which
  the `finish` command reads from the built pages, must still see it.

Widget links to clauses start with widgets.ROOT_MARK (no generator tells an extension where its page
is); the `finish` command puts in each page's path to the site root.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from sitebuild import content, glossary, settings, widgets

# Before Python-Markdown's own preprocessors (normalize_whitespace is 30): the markers are
# replaced in the page's text as written, as the MkDocs hooks did before the page was converted.
PREPROCESSOR_PRIORITY = 40
# After every other postprocessor (raw_html 30, footnote 25, amp_substitute 20): the page's final HTML.
POSTPROCESSOR_PRIORITY = 1
SEARCH_EXCLUDE = re.compile(r'(\sdata-search-exclude)="[^"]*"')


@lru_cache(maxsize=4)
def _settings(config_file: str, changed: int) -> settings.Settings:
    return settings.load(Path(config_file))


def site_settings(config_file: str) -> settings.Settings:
    """The settings of mkdocs.yml at config_file (read again when the file changes)."""
    return _settings(config_file, Path(config_file).stat().st_mtime_ns)


class WidgetsAndGlossary(Preprocessor):
    """Widget markers to HTML, the glossary marker to its list, and the abbreviations appended."""

    def __init__(self, md: Markdown, config_file: str) -> None:
        super().__init__(md)
        self.config_file = config_file

    def run(self, lines: list[str]) -> list[str]:
        site = content.load(site_settings(self.config_file))
        markdown = widgets.expand("\n".join(lines), widgets.ROOT_MARK, site.models, site.clauses)
        return glossary.apply(markdown, site.terms).split("\n")


class FinishedHtml(Postprocessor):
    """Let keyboard users reach each abbreviation's expansion; keep search exclusions in the page."""

    def run(self, text: str) -> str:
        return SEARCH_EXCLUDE.sub(r"\1", glossary.make_focusable(text))


class SiteExtension(Extension):
    """The site's per-page build steps."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {"config_file": [str(settings.CONFIG_FILE), "the site's mkdocs.yml"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        config_file = str(Path(self.getConfig("config_file")).resolve())
        md.preprocessors.register(WidgetsAndGlossary(md, config_file), "sitebuild", PREPROCESSOR_PRIORITY)
        md.postprocessors.register(FinishedHtml(md), "sitebuild", POSTPROCESSOR_PRIORITY)


def makeExtension(**kwargs: object) -> SiteExtension:  # noqa: N802 - Python-Markdown's name
    return SiteExtension(**kwargs)

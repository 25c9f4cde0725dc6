"""MkDocs hooks: the adapter from MkDocs' events to the generator-neutral build in sitebuild/.

The pages' own work is the Markdown extension `sitebuild.extension` (in mkdocs.yml, run by any
generator); the site's is `python -m sitebuild finish site/`, called here after MkDocs has written
the site. What is left here is MkDocs' own: failing early, naming the page, and page.meta.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # so that `sitebuild` and `quiz` import as packages
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from sitebuild import content, element_ids, finish, settings, widgets  # noqa: E402


def _settings(config: Any) -> settings.Settings:
    return settings.from_config(config, Path(config.config_file_path).resolve().parent)


def on_config(config: Any) -> None:
    """Read the clauses, versions and every data file before any page, and stop on any problem."""
    try:
        site = content.load(_settings(config))
    except (content.BuildError, ValueError) as error:
        raise PluginError(str(error)) from None
    # The footer template reads them from config.extra (overrides/partials/copyright.html).
    config.extra["document_versions"] = site.versions


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Name the page of a mistaken widget marker; tell overrides/main.html to start Python early."""
    try:
        page.meta["widgets"] = bool(widgets.widget_names(markdown))
    except widgets.MarkerError as error:
        raise PluginError(f"{page.file.src_path} {error}") from None
    return markdown


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Refuse a page that repeats an element id, naming its Markdown file."""
    problem = element_ids.repeated_ids_problem(html)
    if problem:
        raise PluginError(f"{page.file.src_path}: {problem}")
    return html


# Last, after the search plugin has written its index: everything is then there to finish.
@event_priority(-100)
def on_post_build(config: Any) -> None:
    """The whole-site steps: runtime, search index, compression, learning-system packages."""
    try:
        finish.finish(Path(config.site_dir), _settings(config), dict(config))
    except (content.BuildError, ValueError) as error:
        raise PluginError(str(error)) from None

"""`python -m sitebuild finish SITE`: the whole-site work, run over the pages any generator wrote.

In order: check the content again (every data file against the clauses found), finish each page
(the widgets' links, the search box's worker, element ids), write the clause search index from the
built pages, lay in the Pyodide runtime and the quiz wheel, precompress, then write and check the
learning-system packages (which hold the compressed-free copies of all of it). Each step is a
function of one module; a problem raises BuildError naming the file, the item and the fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitebuild import (
    clauses, content, element_ids, packages, precompress, runtime, search_engine, search_index, widgets,
)
from sitebuild.bytecode import compile_for_pyodide
from sitebuild.content import BuildError, SiteContent
from sitebuild.settings import Settings, load, read_config

# Zensical's own search index. Its theme speaks another protocol to its search worker and reads
# this file, not search/search_index.json: where it is, the search box stays on Zensical's search.
ZENSICAL_SEARCH = "search.json"
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


@dataclass(frozen=True)
class Page:
    """One page the generator made from a Markdown file."""

    src: str  # relative to docs/, e.g. "policy/index.md"
    url: str  # relative to the site root, e.g. "policy/"
    title: str  # as the site's navigation names it
    path: Path  # the written file


def _sort_key(src: str) -> tuple[tuple[bool, str], ...]:
    """The order MkDocs reads pages in: a folder's files before its subfolders, index.md first."""
    parts = src.split("/")
    return tuple((i != len(parts) - 1, "" if p == "index.md" else p) for i, p in enumerate(parts))


def _nav_titles(nav: Any) -> dict[str, str]:
    """Markdown file -> the title mkdocs.yml's nav gives it."""
    titles: dict[str, str] = {}
    for entry in nav or []:
        if isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(_nav_titles(value))
    return titles


def built_pages(site: Path, settings: Settings, config: dict[str, Any]) -> list[Page]:
    """Every page made from docs/, in MkDocs' order; a Markdown file with no page fails."""
    nav = _nav_titles(config.get("nav"))
    site_name = config.get("site_name", "")
    pages = []
    for src in sorted((p.relative_to(settings.docs_dir).as_posix() for p in settings.docs_dir.rglob("*.md")),
                      key=_sort_key):
        url = clauses.page_url(src)
        path = site / url / "index.html"
        if not path.is_file():
            raise BuildError(f"{src} has no page in {site} ({path.relative_to(site)} is missing): "
                             "did the generator finish, and is use_directory_urls on?")
        title = nav.get(src)
        if title is None:
            found = TITLE.search(path.read_text(encoding="utf-8"))
            title = found.group(1).strip().removesuffix(f" - {site_name}") if found else ""
        pages.append(Page(src, url, title, path))
    return pages


def page_content(page: Page, html: str) -> str:
    """The page's own content (Material's article), without the theme around it."""
    found = ARTICLE.search(html)
    if found is None:
        raise BuildError(f"{page.src}: its page {page.path.name} has no <article class=\"md-content__inner "
                         "md-typeset\">: the build reads the content from there (is the theme Material's?)")
    return found.group(1)


def finish_pages(site: Path, pages: list[Page]) -> None:
    """Put each page's path to the root into its widgets, point every page's search box at the site's
    worker (under Material's theme), and refuse a repeated element id."""
    by_path = {page.path: page for page in pages}
    own_search = not (site / ZENSICAL_SEARCH).exists()
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).parts[0] == "assets":
            continue
        html = path.read_text(encoding="utf-8")
        url = path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""
        finished = widgets.resolve_root(html, url)
        if own_search:
            finished = search_engine.use_worker(finished)
        if finished != html:
            path.write_text(finished, encoding="utf-8")
        page = by_path.get(path)
        if page is not None:
            body = page_content(page, finished)
            problem = element_ids.repeated_ids_problem(body)
            if problem:
                raise BuildError(f"{page.src}: {problem}")


def finish(site: Path, settings: Settings, config: dict[str, Any]) -> None:
    """Every whole-site step, over the written site."""
    site_content = content.load(settings)
    _remove_packages(site)
    pages = built_pages(site, settings, config)
    finish_pages(site, pages)
    write_runtime(site, settings, site_content)
    write_search(site, pages, site_content)
    precompress.precompress(site)
    try:
        packages.write_all(site, site_content.models["quiz"], site_content.versions, settings)
    except ValueError as error:
        raise BuildError(str(error)) from None


def _remove_packages(site: Path) -> None:
    """Delete the packages of an earlier `finish` of this site: they are written again, last, and
    must not be compressed or packaged meanwhile as if they were site files."""
    for name in packages.PACKAGES.values():
        for suffix in ("", *precompress.ENCODINGS):
            (site / packages.DOWNLOADS / f"{name}{suffix}").unlink(missing_ok=True)


def write_runtime(site: Path, settings: Settings, site_content: SiteContent) -> None:
    """Pyodide, the precompiled standard library, the wheel and the browser's manifest, into site/assets/."""
    runtime.copy_pyodide(site)
    python_dir = site / "assets" / "python"
    bytecode = compile_for_pyodide(settings.package_dir)
    runtime.copy_stdlib(bytecode, python_dir)
    wheel = runtime.build_wheel(settings.package_dir, python_dir, bytecode, settings.package_version)
    runtime.write_manifest(python_dir, wheel, site_content.clauses, bytecode, site_content.versions)


def write_search(site: Path, pages: list[Page], site_content: SiteContent) -> None:
    """The clause search index, read from the built pages, and the search engine's libraries."""
    labels = {clause_id: c["label"] for clause_id, c in site_content.clauses.items()}
    entries = [
        entry for page in pages
        for entry in search_index.page_entries(page_content(page, page.path.read_text(encoding="utf-8")),
                                               page.url, page.title, labels)
    ]
    search_engine.copy_libraries(site)
    search_index.write_index(site, search_index.index_documents(entries, site_content.synonyms))


def finish_site(site: Path, config_file: Path) -> None:
    """`finish` for the site configured in config_file."""
    finish(site, load(config_file), read_config(config_file))

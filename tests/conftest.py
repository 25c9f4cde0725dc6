"""Fixtures: the clause registry, one built site per run, a local server, Chromium, and one walk of every page.

The code behind them, and everything else the tests share, is in tests/support/.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from sitebuild.clauses import scan
from tests.support import ROOT
from tests.support.build import mkdocs_build, site_pages
from tests.support.chromium import launch_options
from tests.support.server import leaves_the_site, serve
from tests.support.sweep import SWEEPS, Visit, sweep


@pytest.fixture(scope="session")
def clause_ids() -> set[str]:
    """Every clause id defined in docs/."""
    return set(scan(ROOT / "docs"))


@pytest.fixture(scope="session")
def clause_map() -> dict[str, dict[str, str]]:
    """clause id -> {"label", "url"}, as the build gives it to the browser."""
    return {c.id: {"label": c.label, "url": c.url} for c in scan(ROOT / "docs").values()}


@pytest.fixture(scope="session")
def _server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The static server on 127.0.0.1 and the (still empty) folder it serves."""
    site = tmp_path_factory.mktemp("site")
    with serve(site) as url:
        yield site, url


@pytest.fixture(scope="session")
def built_site(_server: tuple[Path, str]) -> Path:
    """The site, built once per test run with --strict, for the address it is served at."""
    site, url = _server
    result = mkdocs_build(site, site_url=url)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path, _server: tuple[Path, str]) -> str:
    """The built site's address."""
    return _server[1]


@pytest.fixture(scope="session")
def browser():  # noqa: ANN201 - Playwright's Browser
    """Debian's Chromium, headless, driven by Playwright."""
    try:
        options = launch_options()
    except FileNotFoundError as missing:
        pytest.fail(str(missing))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(**options)
        yield b
        b.close()


@pytest.fixture(scope="session")
def swept(browser, built_site: Path, site_url: str) -> dict[tuple[int, str], list[Visit]]:  # noqa: ANN001
    """Every page, visited once at each (width, scheme) of SWEEPS: what each visit showed."""
    pages = site_pages(built_site)
    return {(width, scheme): sweep(browser, site_url, pages, width, scheme) for width, scheme in SWEEPS}


@pytest.fixture()
def page(browser, site_url: str):  # noqa: ANN001, ANN201
    """A fresh browser context and page; fails the test if the page asks any other origin."""
    context = browser.new_context(reduced_motion="reduce")  # axe must see elements at rest, not mid-fade
    foreign: list[str] = []
    context.on("request", lambda r: foreign.append(r.url) if leaves_the_site(r.url, site_url) else None)
    pg = context.new_page()
    yield pg
    context.close()
    assert not foreign, f"requests to other origins: {foreign}"

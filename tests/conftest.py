"""Shared fixtures: the clause registry, one built site per run, a local server and Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hooks.clauses import scan  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium from calling home on a closed network (see DESIGN.md).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml",
                 site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` into site_dir (for the address site_url) and return the process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def clause_ids() -> set[str]:
    """Every clause id defined in docs/."""
    return set(scan(ROOT / "docs"))


@pytest.fixture(scope="session")
def clause_map() -> dict[str, dict[str, str]]:
    """clause id -> {"label", "url"}, as the build gives it to the browser."""
    return {c.id: {"label": c.label, "url": c.url} for c in scan(ROOT / "docs").values()}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def _server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A static server on 127.0.0.1 (serving .wasm as application/wasm) and the folder it serves."""
    site = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


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
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'make test', which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, site_url: str):  # noqa: ANN001, ANN201
    """A fresh browser context and page; fails the test if the page asks any other origin."""
    context = browser.new_context(reduced_motion="reduce")  # axe must see elements at rest, not mid-fade
    foreign: list[str] = []
    context.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((site_url, "data:", "blob:")) else None)
    pg = context.new_page()
    yield pg
    context.close()
    assert not foreign, f"requests to other origins: {foreign}"

"""The same site built by Zensical (Material's successor, which runs no MkDocs hooks) and finished by
`python -m sitebuild finish`: what the product is must not depend on MkDocs."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from sitebuild.widgets import ROOT_MARK
from tests.support import ROOT
from tests.support.build import copy_project, site_pages
from tests.support.filling import choose_everywhere
from tests.support.search import search
from tests.support.server import leaves_the_site, serve
from tests.support.widget import open_ready

SENSITIVE = "self-check/sensitive-roles/"
RUNTIME = ("assets/pyodide/pyodide.asm.wasm", "assets/python/stdlib.zip", "assets/python/manifest.json",
           "assets/python/quiz-1.0.0-py3-none-any.whl", "assets/search/minisearch.js", "search/search_index.json",
           "downloads/social-media-quiz-scorm12.zip", "downloads/social-media-quiz-cmi5.zip")


# Material's worker protocol (docs/javascripts/search-worker.js): set up with the index, ask, read the items.
ASK_THE_SITE_WORKER = """async (words) => {
    const root = new URL(".", document.querySelector("#__config") ? new URL(JSON.parse(
        document.querySelector("#__config").textContent).base + "/", location) : location);
    const index = await (await fetch(new URL("search/search_index.json", root))).json();
    const worker = new Worker(new URL("javascripts/search-worker.js", root), { type: "module" });
    const reply = (type) => new Promise((resolve) => worker.addEventListener("message",
        ({ data }) => data.type === type && resolve(data.data), { once: false }));
    const ready = reply(1);
    worker.postMessage({ type: 0, data: index });
    await ready;
    const result = reply(3);
    worker.postMessage({ type: 2, data: words });
    const { items } = await result;
    worker.terminate();
    return items.flat().map((item) => item.location).filter((location) => location.includes("#"));
}"""


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project built with `zensical build --strict`, then `python -m sitebuild finish site`."""
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    env = {**os.environ, "PYTHONPATH": str(project)}
    zensical = Path(sys.executable).with_name("zensical")
    built = subprocess.run([str(zensical), "build", "--strict"], cwd=project, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    finished = subprocess.run([sys.executable, "-m", "sitebuild", "finish", "site"],
                              cwd=project, env=env, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    return project / "site"


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with serve(zensical_site) as url:
        yield url


def test_zensical_wrote_the_pages_not_mkdocs(zensical_site: Path):
    assert 'content="zensical-0.0.73"' in (zensical_site / "index.html").read_text(encoding="utf-8")


def test_every_widget_page_carries_its_widget_with_links_finished(zensical_site: Path, built_site: Path):
    for page in site_pages(built_site):
        mkdocs_html = (built_site / page / "index.html").read_text(encoding="utf-8")
        zensical_html = (zensical_site / page / "index.html").read_text(encoding="utf-8")
        assert zensical_html.count("data-widget=") == mkdocs_html.count("data-widget="), page
        assert ROOT_MARK not in zensical_html, page
    quiz = (zensical_site / "training/quiz/index.html").read_text(encoding="utf-8")
    assert 'data-root="../../"' in quiz and 'href="../../policy/#policy-' in quiz


def test_the_runtime_search_index_and_packages_are_there(zensical_site: Path):
    missing = [name for name in RUNTIME if not (zensical_site / name).is_file()]
    assert not missing


@pytest.mark.parametrize("generator", ["mkdocs", "zensical"])
def test_smoke_start_a_widget_answer_and_find_a_clause(generator, browser, site_url, request):  # noqa: ANN001
    url = site_url if generator == "mkdocs" else request.getfixturevalue("zensical_url")
    context = browser.new_context()
    page = context.new_page()
    elsewhere: list[str] = []
    page.on("request", lambda r: elsewhere.append(r.url) if leaves_the_site(r.url, url) else None)
    try:
        open_ready(page, url + SENSITIVE)
        # "Yes" to the role question, and "yes, someone who is not a friend can see it" to each item.
        assert len(choose_everywhere(page, "yes")) == 12
        page.click("[data-widget] button[value=continue]")
        page.click("[data-widget] button[value=confirm]")
        page.wait_for_selector("#sensitive-roles-result-title")
        assert page.locator("[data-widget] .action-list > li").count() == 11
        assert page.locator("[data-widget] .action-list a.clause-ref[href*='#policy-2-3']").count() >= 1
        if generator == "mkdocs":
            found = search(page, "retweet")
        else:
            # Zensical's search box talks to Zensical's own worker and index (README: "What Zensical
            # cannot do"): the site's engine is driven as Material's box drives it, on the same index.
            found = page.evaluate(ASK_THE_SITE_WORKER, "retweet")
        assert found and found[0].endswith("#policy-2-2-e"), found
    finally:
        context.close()
    assert not elsewhere

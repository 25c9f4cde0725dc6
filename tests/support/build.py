"""Building the site with MkDocs, and finding the pages of a built site."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT


# What a build reads: a copy of these is a project a test can break without touching the real one.
PROJECT_PARTS = ("mkdocs.yml", "docs", "quiz", "sitebuild", "hooks", "overrides", "sources")


def copy_project(destination: Path) -> Path:
    """A copy of the project in destination to break and build, sharing the installed node_modules and
    the build's cache (compiled Python, compressed runtime: minutes of work on a cold cache)."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    (ROOT / ".cache").mkdir(exist_ok=True)
    (destination / ".cache").symlink_to(ROOT / ".cache")
    return destination


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


def site_pages(site: Path) -> list[str]:
    """Every page's path relative to the site root, e.g. 'policy/'."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith("assets"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages

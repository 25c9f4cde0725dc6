"""Building the site with MkDocs, and finding the pages of a built site."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT


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

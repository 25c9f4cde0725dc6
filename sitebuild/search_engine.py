"""Put the search engine into the site: MiniSearch behind Material's own search box.

Material's search box (in the header of every page, with its keyboard keys and results list)
stays; only the worker that ranks the results changes. The build copies the pinned libraries from
node_modules into site/assets/search/ and points the page's configuration at
javascripts/search-worker.js instead of Material's lunr worker.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the worker imports, and where from in node_modules (pinned in package.json).
LIBRARIES = {
    "minisearch.js": ROOT / "node_modules" / "minisearch" / "dist" / "es" / "index.js",
    "stemmer.js": ROOT / "node_modules" / "stemmer" / "index.js",
}
WORKER = "javascripts/search-worker.js"
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[\w.]+\.js$")
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def copy_libraries(site_dir: Path) -> Path:
    """Copy the search libraries into site/assets/search/."""
    missing = [str(path) for path in LIBRARIES.values() if not path.exists()]
    if missing:
        raise FileNotFoundError(f"search libraries are not installed ({', '.join(missing)}); run 'make setup'")
    target = site_dir / "assets" / "search"
    target.mkdir(parents=True, exist_ok=True)
    for name, path in LIBRARIES.items():
        shutil.copy2(path, target / name)
    return target


def use_worker(html: str) -> str:
    """The page with Material's configuration pointing its search box at our worker (the path to
    the site's root as Material wrote it for this page)."""
    match = CONFIG.search(html)
    if match is None:
        raise ValueError("the page has no Material configuration (<script id=\"__config\">) to point search at")
    config = json.loads(match.group(2))
    if config.get("search", "").endswith(WORKER):
        return html  # finished already: `finish` may run again over the same site
    worker, replaced = MATERIAL_WORKER.subn(WORKER, config.get("search", ""))
    if not replaced:
        raise ValueError(f"Material's search worker is not where expected: {config.get('search')!r}")
    config["search"] = worker
    # The configuration sits in a <script>: keep "</" out of it.
    text = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return html[: match.start(2)] + text + html[match.end(2):]

"""The quiz as two learning-system packages, written into site/downloads/ by every build.

Each zip holds the quiz page, every page reachable from it by links (the
policy, procedure, guidance and glossary among them: clause links work inside
the learning system with no other host), the files those pages load while they
run (styles, scripts, search index, the Pyodide runtime and the quiz wheel) and
its description: imsmanifest.xml (SCORM 1.2) or cmi5.xml (cmi5).

The zips are reproducible: entries sorted, fixed timestamps and permissions,
one compression level, so the same site gives the same bytes. Each is checked
after writing (sitebuild/lms_manifests.py); a problem stops the build.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sitebuild import lms_manifests
from sitebuild.settings import Settings

DOWNLOADS = "downloads"
PACKAGES = {"scorm": "social-media-quiz-scorm12.zip", "cmi5": "social-media-quiz-cmi5.zip"}
# Loaded by scripts, never by a link: Material's bundle and search worker, the site's own
# scripts and styles, the Pyodide runtime, the quiz wheel and its manifest.
RUNTIME_DIRS = ("assets", "javascripts", "stylesheets", "search")
# Precompressed copies (for web servers) and source maps (for developers) are not needed inside.
LEFT_OUT = (".br", ".gz", ".map")
# Material's lunr search worker and its language files: the site searches with its own worker
# (javascripts/search-worker.js, hooks/search_engine.py), so nothing in a package loads them.
UNUSED = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# Material asks for sitemap.xml on every page (instant navigation). The site's carries the build
# date (a package would change every day) and addresses that never match inside a learning
# system, so a package holds an empty one: no 404 at launch, and instant navigation stays off.
SITEMAP = ("sitemap.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n'
                          b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n')
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
# Marks the packaged quiz page, so that a package opened without its learning system's
# API or launch says its result cannot be recorded (docs/javascripts/lms.js).
MARK = "data-lms-package"
LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"'#?]*)""")


def _page_path(site: Path, page: str, link: str) -> str | None:
    """The site-relative path of the HTML page a link on `page` leads to, or None."""
    if not link or urlsplit(link).scheme or link.startswith("//"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(link)))
    if target.startswith(".."):
        return None
    if link.endswith("/") or (site / target).is_dir():
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    return target if target.endswith(".html") and (site / target).is_file() else None


def reachable_pages(site: Path, start: str = lms_manifests.DEFAULTS.lms_launch) -> set[str]:
    """Every page reachable by links from `start`, start included."""
    if not (site / start).is_file():
        raise ValueError(f"the page the packages launch, {start}, was not built (is the quiz page still there?)")
    seen, queue = {start}, [start]
    while queue:
        page = queue.pop()
        for link in LINK.findall((site / page).read_text(encoding="utf-8")):
            target = _page_path(site, page, link)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def package_files(site: Path, launch: str = lms_manifests.DEFAULTS.lms_launch) -> list[str]:
    """What a package holds besides its description: site-relative paths, sorted."""
    files = reachable_pages(site, launch)
    for folder in RUNTIME_DIRS:
        files.update(name for p in (site / folder).rglob("*")
                     if p.is_file() and not p.name.endswith(LEFT_OUT)
                     and not (name := p.relative_to(site).as_posix()).startswith(UNUSED))
    return sorted(files)


def write_zip(path: Path, entries: dict[str, bytes | Path]) -> Path:
    """A zip whose bytes depend only on the entries' names and contents."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for name in sorted(entries):
            data = entries[name]
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            zf.writestr(info, data if isinstance(data, bytes) else data.read_bytes(), compresslevel=6)
    return path


def check(path: Path) -> list[str]:
    """Problems with a written package, read back from the zip itself."""
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        if "imsmanifest.xml" in names:
            return lms_manifests.check_scorm(zf.read("imsmanifest.xml"), names)
        if "cmi5.xml" in names:
            return lms_manifests.check_cmi5(zf.read("cmi5.xml"), names)
    return [f"{path.name} has neither imsmanifest.xml nor cmi5.xml at its root"]


def marked_launch_page(html: str, kind: str) -> bytes:
    """The quiz page as a package holds it: its <html> element says which package it is in."""
    if "<html" not in html:
        raise ValueError("the page the packages launch has no <html> element to mark")
    return html.replace("<html", f'<html {MARK}="{kind}"', 1).encode("utf-8")


def write_all(site: Path, bank: Any, document_versions: dict[str, str],
              settings: Settings = lms_manifests.DEFAULTS) -> dict[str, Path]:
    """Write both packages for the built `site` and the quiz `bank`; raise ValueError on any problem."""
    launch_page = settings.lms_launch
    files: dict[str, bytes | Path] = {name: site / name for name in package_files(site, launch_page)}
    files[SITEMAP[0]] = SITEMAP[1]
    label = lms_manifests.version_label(bank.version, document_versions)
    pass_mark = bank.settings.pass_mark
    descriptions = {
        "scorm": ("imsmanifest.xml", lms_manifests.scorm_manifest(files, pass_mark, label, settings)),
        "cmi5": ("cmi5.xml", lms_manifests.cmi5_course(pass_mark, label, bank.settings.draw_size, settings)),
    }
    written: dict[str, Path] = {}
    problems: list[str] = []
    launch_html = (site / launch_page).read_text(encoding="utf-8")
    for kind, (name, description) in descriptions.items():
        launch = {launch_page: marked_launch_page(launch_html, kind)}
        path = write_zip(site / DOWNLOADS / PACKAGES[kind], {**files, **launch, name: description})
        problems.extend(f"{path.name}: {p}" for p in check(path))
        written[kind] = path
    if problems:
        raise ValueError("the learning-system packages are not valid:\n" + "\n".join(problems))
    return written

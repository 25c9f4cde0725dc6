"""Runs inside Pyodide under Node at build time (started by sitebuild/pyodide_compile.mjs).

Bytecode must come from the very Python that will run it in the browser (the
.pyc format changes with every minor version), so the build asks the pinned
Pyodide itself to compile. Two jobs, each in a fresh interpreter so that the
bytes written depend only on the input (marshal's output depends on what else
the interpreter holds):

- ``package``: compile a package's modules to unchecked-hash .pyc beside their
  source, and list the standard-library modules that Pyodide's start plus the
  package's imports load (the set worth precompiling);
- ``stdlib``: rewrite the standard-library zip with those modules as .pyc and
  every other file as it was, so a module outside the set still imports (from
  source, compiled on first use).
"""
from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import py_compile
import sys
import sysconfig
import zipfile
from pathlib import Path

STDLIB_ZIP = Path(f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip")
# Fixed, so the same input gives the same bytes.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# The browser never checks the source: the build replaces the files as one set.
UNCHECKED = py_compile.PycInvalidationMode.UNCHECKED_HASH


def compile_file(source: Path, target: Path, shown_as: str) -> None:
    """Write unchecked-hash bytecode of source to target; tracebacks name shown_as."""
    target.parent.mkdir(parents=True, exist_ok=True)
    py_compile.compile(str(source), cfile=str(target), dfile=shown_as, doraise=True, invalidation_mode=UNCHECKED)


def compile_package(source_root: str, package: str, out_root: str) -> dict[str, object]:
    """Bytecode for every module of source_root/package into out_root, in __pycache__ as Python names it."""
    source_root, out_root = Path(source_root), Path(out_root)
    site_packages = sysconfig.get_paths()["purelib"]
    for source in sorted((source_root / package).rglob("*.py")):
        relative = source.relative_to(source_root)
        cached = Path(importlib.util.cache_from_source(str(relative)))
        compile_file(source, out_root / cached, f"{site_packages}/{relative.as_posix()}")
    return {"site_packages": site_packages, "cache_tag": sys.implementation.cache_tag}


def stdlib_modules_loaded(source_root: str, package: str) -> list[str]:
    """Zip member names of the standard-library modules loaded after importing every module of package."""
    sys.path.insert(0, source_root)
    root = importlib.import_module(package)
    for module in pkgutil.walk_packages(root.__path__, f"{package}."):
        importlib.import_module(module.name)
    prefix = f"{STDLIB_ZIP}/"
    origins = {getattr(m.__spec__, "origin", None) for m in list(sys.modules.values()) if getattr(m, "__spec__", None)}
    return sorted(o[len(prefix):] for o in origins if isinstance(o, str) and o.startswith(prefix))


def compile_stdlib(members: list[str], target: str, scratch: Path = Path("/tmp/stdlib")) -> None:
    """Copy the standard-library zip to target with members replaced by their bytecode.

    Entries are stored, not deflated: the whole zip then compresses on the wire
    (brotli, gzip) far better than entry by entry, and the browser reads it faster.
    """
    chosen = set(members)
    with zipfile.ZipFile(STDLIB_ZIP) as source, zipfile.ZipFile(target, "w") as out:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            name, data = info.filename, source.read(info)
            if name in chosen:
                source_file, pyc_file = scratch / name, scratch / f"{name}c"
                source_file.parent.mkdir(parents=True, exist_ok=True)
                source_file.write_bytes(data)
                compile_file(source_file, pyc_file, f"{STDLIB_ZIP}/{name}")
                name, data = f"{name}c", pyc_file.read_bytes()
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_STORED
            entry.external_attr = (0o40755 if name.endswith("/") else 0o100644) << 16
            out.writestr(entry, data)

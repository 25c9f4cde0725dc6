"""Bytecode for the browser, made by the pinned Pyodide under Node and cached under .cache/.

CPython spends most of a bare Pyodide start compiling standard-library modules
from source. The build compiles, once, the quiz package and the standard-library
modules that Pyodide's start and the package's imports load; every other module
stays as source in the same zip and compiles on first use (see
sitebuild/pyodide_compile.py). The cache is keyed by everything that decides the
output, so a second build with the same input runs no Node at all.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
CACHE_DIR = ROOT / ".cache" / "python"
COMPILER = (Path(__file__).with_name("pyodide_compile.mjs"), Path(__file__).with_name("pyodide_compile.py"))


@dataclass(frozen=True)
class Bytecode:
    """What one compile made: the package's .pyc tree, the standard library, and where packages go."""

    pyc_root: Path  # holds <package>/__pycache__/<module>.<cache tag>.pyc
    stdlib_zip: Path
    stdlib_modules: tuple[str, ...]
    site_packages: str


def _digest(*parts: bytes) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(hashlib.sha256(part).digest())
    return sha.hexdigest()


def _salt() -> str:
    """What decides the standard library's bytes besides the module list: Pyodide and the compiler."""
    return _digest((PYODIDE_DIR / "package.json").read_bytes(), (PYODIDE_DIR / "python_stdlib.zip").read_bytes(),
                   *(path.read_bytes() for path in COMPILER))


def _package_key(package_dir: Path) -> str:
    sources = sorted(package_dir.rglob("*.py"))
    return _digest(_salt().encode(), *(f"{p.relative_to(package_dir).as_posix()}".encode() for p in sources),
                   *(p.read_bytes() for p in sources))


def compile_for_pyodide(package_dir: Path, cache_dir: Path = CACHE_DIR) -> Bytecode:
    """Bytecode of package_dir and a precompiled standard library, from the cache when the input is unchanged."""
    entry = cache_dir / f"{package_dir.name}-{_package_key(package_dir)[:16]}"
    if not (entry / "info.json").exists():
        _run_compiler(package_dir, entry, cache_dir)
    info = json.loads((entry / "info.json").read_text(encoding="utf-8"))
    return Bytecode(entry / "pyc", Path(info["stdlib_zip"]), tuple(info["stdlib_modules"]), info["site_packages"])


def _run_compiler(package_dir: Path, entry: Path, cache_dir: Path) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Built beside the entry and renamed into place: an interrupted build leaves no half entry.
    work = Path(tempfile.mkdtemp(prefix=f"{entry.name}.", dir=cache_dir))
    try:
        request = {"source_root": str(package_dir.parent), "package": package_dir.name, "out_dir": str(work),
                   "stdlib_dir": str(cache_dir), "salt": _salt()}
        (work / "request.json").write_text(json.dumps(request), encoding="utf-8")
        result = subprocess.run(["node", str(COMPILER[0]), str(work / "request.json")],
                                cwd=ROOT, capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f"compiling Python for the browser failed:\n{(result.stdout + result.stderr)[-3000:]}")
        (work / "request.json").unlink()
        if entry.exists():  # another build finished the same entry meanwhile
            shutil.rmtree(work)
        else:
            work.rename(entry)
    finally:
        shutil.rmtree(work, ignore_errors=True)

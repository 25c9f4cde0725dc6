"""Put the Python runtime into the built site: the pinned Pyodide core, a precompiled
standard library and the quiz/ wheel.

The wheel is written directly with zipfile (a pure-Python wheel is just a zip
with a .dist-info folder), so the build needs no network and no build backend.
It carries bytecode beside the source: Python skips compiling, and tracebacks
still show the file, line and code. The bytecode comes from sitebuild/bytecode.py.
"""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import tomllib
import zipfile
from pathlib import Path

from quiz.widgets import registry
from sitebuild.bytecode import PYODIDE_DIR, Bytecode, compile_for_pyodide
from sitebuild.settings import Settings

# The core runtime only: pyodide.js (classic script) and the source maps are not needed, and the
# source-only python_stdlib.zip is replaced by the precompiled one (STDLIB_NAME, given as stdLibURL).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
STDLIB_NAME = "stdlib.zip"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def copy_pyodide(site_dir: Path) -> Path:
    """Copy the Pyodide core from node_modules into site/assets/pyodide/."""
    missing = [f for f in PYODIDE_FILES if not (PYODIDE_DIR / f).exists()]
    if missing:
        raise FileNotFoundError(
            f"Pyodide is not installed ({', '.join(missing)} missing in {PYODIDE_DIR}); run 'make setup'"
        )
    target = site_dir / "assets" / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_DIR / name, target / name)
    return target


def _package_files(package_dir: Path) -> list[Path]:
    return sorted(
        p for p in package_dir.rglob("*")
        if p.is_file() and p.suffix in {".py", ".toml"} and "__pycache__" not in p.parts
    )


def _json_copy(toml_file: Path) -> bytes | None:
    """The data file as JSON for quiz.content.read_built_copy, or None where JSON cannot hold it exactly (dates)."""
    raw = tomllib.loads(toml_file.read_text(encoding="utf-8"))
    try:
        text = json.dumps(raw, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):
        return None
    return text.encode() if json.loads(text) == raw else None


def _data_copies(package_dir: Path) -> list[tuple[str, bytes]]:
    """JSON copies of the data files the widgets load in the browser."""
    files = sorted({package_dir / "data" / w.data_file for w in registry().values()})
    copies = ((p, _json_copy(p)) for p in files)
    return [(p.with_suffix(".json").relative_to(package_dir).as_posix(), data) for p, data in copies if data is not None]


def _bytecode_files(bytecode: Bytecode, package: str) -> list[Path]:
    return sorted((bytecode.pyc_root / package).rglob("*.pyc"))


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(package_dir: Path, out_dir: Path, bytecode: Bytecode | None = None,
                version: str = Settings.package_version) -> Path:
    """Write a pure-Python wheel of package_dir (source, Pyodide's bytecode and data files) into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    bytecode = bytecode or compile_for_pyodide(package_dir)
    name = package_dir.name
    info = f"{name}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = sorted(
        [(f"{name}/{p.relative_to(package_dir).as_posix()}", p.read_bytes()) for p in _package_files(package_dir)]
        + [(p.relative_to(bytecode.pyc_root).as_posix(), p.read_bytes()) for p in _bytecode_files(bytecode, name)]
        + [(f"{name}/{path}", data) for path, data in _data_copies(package_dir)]
    )
    entries.append((f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()))
    entries.append((f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: sitebuild/runtime.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"))
    record = "\n".join([_record_line(n, d) for n, d in entries] + [f"{info}/RECORD,,"]) + "\n"
    entries.append((f"{info}/RECORD", record.encode()))
    wheel = out_dir / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for entry_name, data in entries:
            # A fixed timestamp keeps the wheel byte-identical between builds. Stored, not deflated,
            # like the standard library: brotli on the wire then makes it 150 KB where a zip of
            # deflated entries stays 250 KB, and the worker lays each entry into site-packages as
            # it is (docs/javascripts/wheel.mjs). (writestr takes the compression from the ZipInfo,
            # not from the ZipFile, so it is set here.)
            entry = zipfile.ZipInfo(entry_name, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_STORED
            zf.writestr(entry, data)
    return wheel


def copy_stdlib(bytecode: Bytecode, out_dir: Path) -> Path:
    """Put the precompiled standard library beside the wheel, as the worker's stdLibURL names it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(bytecode.stdlib_zip, out_dir / STDLIB_NAME))


def write_manifest(out_dir: Path, wheel: Path, clauses: dict[str, dict[str, str]], bytecode: Bytecode,
                   document_versions: dict[str, str]) -> Path:
    """What the browser's worker needs besides Pyodide: the wheel, where to install it, the clause map
    and the policy and procedure versions (sitebuild/versions.py)."""
    path = out_dir / "manifest.json"
    manifest = {"wheel": wheel.name, "site_packages": bytecode.site_packages, "clauses": clauses,
                "document_versions": document_versions}
    path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return path

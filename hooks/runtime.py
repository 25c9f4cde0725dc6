"""Put the Python runtime into the built site: the pinned Pyodide core and the quiz/ wheel.

The wheel is written directly with zipfile (a pure-Python wheel is just a zip
with a .dist-info folder), so the build needs no network and no build backend.
"""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# The core runtime only: pyodide.js (classic script) and the source maps are not needed.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
WHEEL_NAME = "quiz-1.0.0-py3-none-any.whl"


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


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(package_dir: Path, out_dir: Path) -> Path:
    """Write a pure-Python wheel of package_dir (code and data files) into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    name, version = "quiz", "1.0.0"
    info = f"{name}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (f"{name}/{p.relative_to(package_dir).as_posix()}", p.read_bytes())
        for p in _package_files(package_dir)
    ]
    entries.append((f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()))
    entries.append((f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: hooks/runtime.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"))
    record = "\n".join([_record_line(n, d) for n, d in entries] + [f"{info}/RECORD,,"]) + "\n"
    entries.append((f"{info}/RECORD", record.encode()))
    wheel = out_dir / WHEEL_NAME
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as zf:
        for entry_name, data in entries:
            # A fixed timestamp keeps the wheel byte-identical between builds.
            zf.writestr(zipfile.ZipInfo(entry_name, date_time=(2020, 1, 1, 0, 0, 0)), data)
    return wheel


def write_manifest(out_dir: Path, clauses: dict[str, dict[str, str]], document_versions: dict[str, str]) -> Path:
    """What the browser's worker needs besides Pyodide: the wheel's name, the clause map and the
    policy and procedure versions (hooks/versions.py)."""
    path = out_dir / "manifest.json"
    manifest = {"wheel": WHEEL_NAME, "clauses": clauses, "document_versions": document_versions}
    path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return path

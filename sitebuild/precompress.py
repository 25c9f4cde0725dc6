"""Write .br and .gz copies beside the site's larger files, for servers that send them as they are.

A server with nginx's gzip_static and brotli_static (or Apache's rewrite rules in
the README) sends these instead of compressing on every request, and at higher
settings than on-the-fly compression affords. Compressing the runtime at the
highest brotli setting takes a while, so outputs are cached by the content's hash:
a second build compresses only what changed.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "compressed"
COMPRESSOR = Path(__file__).with_name("precompress.mjs")
# Text and runtime files; images and fonts are compressed already.
SUFFIXES = (".wasm", ".zip", ".whl", ".js", ".mjs", ".json", ".css", ".html", ".xml", ".svg")
# Below about one network packet, compression saves nothing worth a file.
MIN_SIZE = 1400
ENCODINGS = (".br", ".gz")


def compressible(site_dir: Path) -> list[Path]:
    """The files in site_dir worth a compressed copy."""
    return sorted(p for p in site_dir.rglob("*")
                  if p.is_file() and p.suffix in SUFFIXES and p.stat().st_size >= MIN_SIZE)


def precompress(site_dir: Path, cache_dir: Path = CACHE_DIR) -> list[Path]:
    """Write <file>.br and <file>.gz beside every compressible file; return the files written."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    sources = compressible(site_dir)
    cached = {source: cache_dir / hashlib.sha256(source.read_bytes()).hexdigest() for source in sources}
    # One job per content: files with the same bytes share their cached copies.
    missing = {key: [str(source), f"{key}.br", f"{key}.gz"] for source, key in cached.items()
               if not all(Path(f"{key}{suffix}").exists() for suffix in ENCODINGS)}
    if missing:
        _compress(list(missing.values()))
    written = []
    for source, key in cached.items():
        for suffix in ENCODINGS:
            target = source.with_name(source.name + suffix)
            # Only where it is smaller: a server then sends the original (a zip of deflated entries, say).
            if Path(f"{key}{suffix}").stat().st_size < source.stat().st_size:
                shutil.copyfile(f"{key}{suffix}", target)
                written.append(target)
    return written


def _compress(jobs: list[list[str]]) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as request:
        json.dump(jobs, request)
        request.flush()
        result = subprocess.run(["node", str(COMPRESSOR), request.name], capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"precompressing the site failed:\n{result.stderr[-3000:]}")

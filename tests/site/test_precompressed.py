"""The compressed copies the build writes beside the site's larger files."""
import json
import subprocess
from pathlib import Path

from sitebuild.settings import Settings

# Node's zlib decompresses both (the venv has no brotli): prints the files whose copy differs.
DIFFERING = """
const { readFileSync } = require("node:fs");
const { brotliDecompressSync, gunzipSync } = require("node:zlib");
const differing = [];
for (const copy of JSON.parse(process.argv[1])) {
  const decompress = copy.endsWith(".br") ? brotliDecompressSync : gunzipSync;
  if (!decompress(readFileSync(copy)).equals(readFileSync(copy.slice(0, -3)))) differing.push(copy);
}
console.log(JSON.stringify(differing));
"""
LARGE_FILES = ("assets/pyodide/pyodide.asm.wasm", "assets/pyodide/pyodide.asm.mjs", "assets/python/stdlib.zip",
               f"assets/python/{Settings().wheel_name}", "search/search_index.json", "javascripts/python-worker.js")


def test_large_files_have_brotli_and_gzip_copies(built_site: Path):
    for name in LARGE_FILES:
        for suffix in (".br", ".gz"):
            copy = built_site / f"{name}{suffix}"
            assert copy.exists(), copy
            assert copy.stat().st_size < (built_site / name).stat().st_size / 2, copy


def test_every_compressed_copy_decompresses_to_its_original(built_site: Path):
    copies = sorted(str(p) for p in built_site.rglob("*") if p.suffix in {".br", ".gz"})
    assert len(copies) > 20
    result = subprocess.run(["node", "-e", DIFFERING, json.dumps(copies)], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []

"""docs/javascripts/wheel.mjs, which lays the quiz wheel into Pyodide's site-packages, read under Node."""
import hashlib
import json
import subprocess
import zipfile
from pathlib import Path

from sitebuild.runtime import build_wheel
from tests.support import ROOT

# Prints what storedFiles makes of a zip: each name with the SHA-256 of its bytes, or the error.
LIST_FILES = """
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { storedFiles } from "%s";
try {
  const files = storedFiles(readFileSync(process.argv[1]));
  console.log(JSON.stringify(files.map(([name, bytes]) => [name, createHash("sha256").update(bytes).digest("hex")])));
} catch (error) {
  console.log(JSON.stringify({ error: error.message }));
}
""" % (ROOT / "docs" / "javascripts" / "wheel.mjs").as_uri()


def stored_files(zip_path: Path) -> list | dict:
    result = subprocess.run(["node", "--input-type=module", "-e", LIST_FILES, str(zip_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_file_of_the_built_wheel_comes_out_whole(tmp_path):
    wheel = build_wheel(ROOT / "quiz", tmp_path)
    with zipfile.ZipFile(wheel) as zf:
        expected = [[name, hashlib.sha256(zf.read(name)).hexdigest()] for name in zf.namelist()]
    assert len(expected) > 40
    assert stored_files(wheel) == expected


def test_a_zip_with_a_comment_and_a_folder_entry_is_read(tmp_path):
    path = tmp_path / "commented.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("quiz/", b"")
        zf.writestr("quiz/a.py", b"A = 1\n")
        zf.comment = b"written elsewhere"
    assert [name for name, _ in stored_files(path)] == ["quiz/a.py"]


def test_a_compressed_entry_is_refused_by_name(tmp_path):
    path = tmp_path / "deflated.whl"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("quiz/__init__.py", b"x = 1\n" * 100)
    assert stored_files(path) == {
        "error": "the quiz wheel's quiz/__init__.py is compressed: the build stores every entry (sitebuild/runtime.py)"}


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "page.whl"
    path.write_text("<!doctype html><title>Not found</title>")
    assert stored_files(path) == {"error": "the quiz wheel is not a zip file"}

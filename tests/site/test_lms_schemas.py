"""The built packages' descriptions against the standards' own schemas, with xmllint
(tests/data/schemas/SOURCES.md says where each schema came from)."""
from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from sitebuild.packages import PACKAGES
from tests.support import ROOT

SCHEMAS = ROOT / "tests" / "data" / "schemas"


def xmllint(schema: Path, document: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["xmllint", "--noout", "--schema", str(schema), str(document)],
                          capture_output=True, text=True)


@pytest.mark.parametrize(("kind", "name", "schema"), [
    ("scorm", "imsmanifest.xml", SCHEMAS / "scorm12" / "adlcp_rootv1p2.xsd"),
    ("cmi5", "cmi5.xml", SCHEMAS / "cmi5" / "CourseStructure.xsd")])
def test_each_package_description_is_valid_against_its_standards_schema(built_site, tmp_path, kind, name, schema):
    with zipfile.ZipFile(built_site / "downloads" / PACKAGES[kind]) as zf:
        document = tmp_path / name
        document.write_bytes(zf.read(name))
    checked = xmllint(schema, document)
    assert checked.returncode == 0 and f"{document} validates" in checked.stderr, checked.stderr


def test_the_schema_check_fails_a_manifest_the_schema_forbids(built_site, tmp_path):
    """The check can fail: the version attribute the SCORM 1.2 schema limits to 20 characters, made longer."""
    with zipfile.ZipFile(built_site / "downloads" / PACKAGES["scorm"]) as zf:
        text = zf.read("imsmanifest.xml").decode()
    start = text.index('version="') + len('version="')
    document = tmp_path / "imsmanifest.xml"
    document.write_text(text[:start] + "x" * 21 + text[text.index('"', start):])
    checked = xmllint(SCHEMAS / "scorm12" / "adlcp_rootv1p2.xsd", document)
    assert checked.returncode != 0 and "exceeds the allowed maximum length of '20'" in checked.stderr

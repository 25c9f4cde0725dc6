"""The SCORM 1.2 and cmi5 packages: their descriptions, what they hold, their checks, their bytes."""
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitebuild import lms_manifests, packages

NS = {"cp": lms_manifests.IMSCP, "adlcp": lms_manifests.ADLCP, "c": lms_manifests.CMI5}
VERSIONS = {"policy": "aaaa1111", "procedure": "bbbb2222"}
BANK = SimpleNamespace(version="cccc3333", settings=SimpleNamespace(pass_mark=80, draw_size=10))


def page(links: str = "") -> str:
    return f"<html><head><link href='../assets/site.css' rel=stylesheet></head><body>{links}</body></html>"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """A small built site: the quiz links to the policy, which links to the glossary; one page is unlinked."""
    files = {
        "training/quiz/index.html": page('<a href="../../policy/#policy-2-3">2.3</a> <a href="https://x.test/">out</a>'),
        "policy/index.html": page('<a href="../glossary/">Glossary</a> <a href="#policy-1">1</a>'),
        "glossary/index.html": page('<a href="../training/quiz/">Quiz</a>'),
        "unlinked/index.html": page(),
        "assets/site.css": "body{}",
        "assets/pyodide/pyodide.asm.wasm": "wasm",
        "assets/pyodide/pyodide.asm.wasm.br": "compressed copy",
        "assets/pyodide/pyodide.asm.wasm.gz": "compressed copy",
        "javascripts/widgets.js": "//",
        "assets/javascripts/lunr/min/lunr.fr.min.js": "// Material's lunr language file, unused",
        "assets/javascripts/workers/search.a1.min.js": "// Material's lunr worker, unused",
        "javascripts/widgets.js.map": "{}",
        "search/search_index.json": "{}",
        "sitemap.xml": "<urlset/>",
        "sitemap.xml.gz": "gz",
        "downloads/old.zip": "an earlier package",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def test_a_package_holds_the_pages_the_quiz_reaches_and_the_runtime_but_no_precompressed_copies(site: Path):
    assert packages.package_files(site) == [
        "assets/pyodide/pyodide.asm.wasm", "assets/site.css", "glossary/index.html", "javascripts/widgets.js",
        "policy/index.html", "search/search_index.json", "training/quiz/index.html",
    ]


def test_the_scorm_manifest_names_one_sco_with_the_pass_mark_and_lists_every_file():
    files = ["training/quiz/index.html", "assets/site.css"]
    root = ET.fromstring(lms_manifests.scorm_manifest(files, 75, "versions"))
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    (item,) = root.findall("cp:organizations/cp:organization/cp:item", NS)
    assert item.findtext("adlcp:masteryscore", namespaces=NS) == "75"
    (resource,) = root.findall("cp:resources/cp:resource", NS)
    assert resource.get("href") == "training/quiz/index.html"
    assert resource.get(f"{{{lms_manifests.ADLCP}}}scormtype") == "sco"
    assert [f.get("href") for f in resource.findall("cp:file", NS)] == sorted(files)
    assert lms_manifests.check_scorm(lms_manifests.scorm_manifest(files, 75, "v"), set(files)) == []


def test_the_cmi5_course_has_one_au_passed_at_the_pass_mark():
    data = lms_manifests.cmi5_course(80, "versions", 10)
    root = ET.fromstring(data)
    (au,) = root.findall("c:au", NS)
    assert (au.get("moveOn"), au.get("masteryScore")) == ("Passed", "0.8")
    assert au.findtext("c:url", namespaces=NS) == "training/quiz/index.html"
    assert root.find("c:course", NS).get("id") == lms_manifests.COURSE_IRI
    assert lms_manifests.check_cmi5(data, {"training/quiz/index.html"}) == []


def test_the_checks_name_a_missing_file_and_a_broken_description():
    manifest = lms_manifests.scorm_manifest(["training/quiz/index.html", "assets/gone.js"], 80, "v")
    assert lms_manifests.check_scorm(manifest, {"training/quiz/index.html"}) == [
        "imsmanifest.xml lists 'assets/gone.js', which is not in the package"]
    assert lms_manifests.check_cmi5(lms_manifests.cmi5_course(80, "v", 10), set()) == [
        f"cmi5.xml: au {lms_manifests.AU_IRI}: url 'training/quiz/index.html' is not in the package"]
    broken = lms_manifests.scorm_manifest([], 80, "v").replace(b"<schemaversion>1.2", b"<schemaversion>2004")
    broken = broken.replace(b"<adlcp:masteryscore>80", b"<adlcp:masteryscore>eighty")
    problems = lms_manifests.check_scorm(broken, {"training/quiz/index.html"})
    assert any("schemaversion" in p for p in problems) and any("masteryscore" in p for p in problems)
    long_version = lms_manifests.scorm_manifest([], 80, "v").replace(b'version="', b'version="' + b"9" * 20, 1)
    assert "imsmanifest.xml: the manifest's version is longer than 20 characters" in \
        lms_manifests.check_scorm(long_version, {"training/quiz/index.html"})
    assert lms_manifests.check_cmi5(b"<courseStructure", set())[0].startswith("cmi5.xml is not well-formed")
    odd = lms_manifests.cmi5_course(80, "v", 10).replace(b'moveOn="Passed"', b'moveOn="Whenever"')
    assert "moveOn 'Whenever'" in lms_manifests.check_cmi5(odd, {"training/quiz/index.html"})[0]


def test_both_packages_are_written_checked_and_byte_identical_between_builds(site: Path, tmp_path: Path):
    first = {k: p.read_bytes() for k, p in packages.write_all(site, BANK, VERSIONS).items()}
    (site / "assets" / "site.css").touch()  # a newer file time must not change the bytes
    second = {k: p.read_bytes() for k, p in packages.write_all(site, BANK, VERSIONS).items()}
    assert first == second
    with zipfile.ZipFile(site / "downloads" / packages.PACKAGES["scorm"]) as zf:
        names = zf.namelist()
        assert names == sorted(names) and "imsmanifest.xml" in names
        assert {i.date_time for i in zf.infolist()} == {packages.ZIP_TIME}
        assert b"policy aaaa1111, procedure bbbb2222, question bank cccc3333" in zf.read("imsmanifest.xml")
        assert zf.read("training/quiz/index.html").startswith(b'<html data-lms-package="scorm">')
        # No 404 for Material's sitemap request, and no build date in the bytes.
        assert zf.read("sitemap.xml") == packages.SITEMAP[1] and b"lastmod" not in zf.read("sitemap.xml")
        version = ET.fromstring(zf.read("imsmanifest.xml")).get("version")
        assert 0 < len(version) <= 20  # imscp_rootv1p1p2.xsd's limit
    with zipfile.ZipFile(site / "downloads" / packages.PACKAGES["cmi5"]) as zf:
        assert "cmi5.xml" in zf.namelist() and "imsmanifest.xml" not in zf.namelist()
        assert zf.read("training/quiz/index.html").startswith(b'<html data-lms-package="cmi5">')
    assert b"data-lms-package" not in (site / "training" / "quiz" / "index.html").read_bytes()


def test_a_package_whose_launch_page_is_missing_stops_the_build(site: Path):
    (site / "training" / "quiz" / "index.html").rename(site / "training" / "quiz" / "elsewhere.html")
    with pytest.raises(ValueError, match="training/quiz/index.html, was not built"):
        packages.write_all(site, BANK, VERSIONS)

"""Policy and procedure versions: fingerprints of the published text in sources/."""
from pathlib import Path

import pytest

from sitebuild.versions import document_versions, fingerprint

ROOT = Path(__file__).resolve().parents[2]


def test_each_document_has_a_short_hex_version_and_they_differ():
    versions = document_versions()
    assert set(versions) == {"policy", "procedure"}
    assert all(len(v) == 8 and int(v, 16) >= 0 for v in versions.values())
    assert versions["policy"] != versions["procedure"]


def test_rewrapping_and_curly_quotes_keep_the_version_but_a_changed_word_does_not():
    text = (ROOT / "sources" / "policy.txt").read_text(encoding="utf-8")
    rewrapped = "\n\n  " + text.replace(" ", "\n").replace("'", "\u2019") + "\n"
    assert fingerprint(rewrapped) == fingerprint(text)
    changed = text.replace("Council", "council", 1)
    assert changed != text
    assert fingerprint(changed) != fingerprint(text)


def test_versions_are_read_from_the_given_sources_folder(tmp_path: Path):
    for name in ("policy", "procedure"):
        (tmp_path / f"{name}.txt").write_text(f"The {name}, version two.", encoding="utf-8")
    assert document_versions(tmp_path) == {
        "policy": fingerprint("The policy, version two."),
        "procedure": fingerprint("The procedure, version two."),
    }


def test_a_missing_source_is_named(tmp_path: Path):
    (tmp_path / "policy.txt").write_text("The policy.", encoding="utf-8")
    with pytest.raises(ValueError, match="procedure.txt is missing"):
        document_versions(tmp_path)

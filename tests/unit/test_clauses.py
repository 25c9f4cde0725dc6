"""The clause registry read from docs/: ids, labels and URLs."""
from pathlib import Path

import pytest

from sitebuild.clauses import clause_label, page_url, scan


@pytest.mark.parametrize("clause_id,label", [
    ("policy-2", "Policy 2.0"),
    ("policy-2-3", "Policy 2.3"),
    ("policy-2-2-d", "Policy 2.2 d)"),
    ("policy-3-1-2", "Policy 3.1 item 2"),
    ("procedure-3-1-1", "Procedure 3.1.1"),
    ("procedure-3-1-1-2", "Procedure 3.1.1 item 2"),
    ("procedure-3-1-a", "Procedure 3.1 a)"),
    ("procedure-appendix-2", "Procedure appendix 2"),
    ("procedure-appendix-2-stranger-danger", "Procedure appendix 2, stranger danger"),
])
def test_labels(clause_id, label):
    assert clause_label(clause_id) == label


@pytest.mark.parametrize("src,url", [
    ("index.md", ""), ("policy/index.md", "policy/"), ("guidance/top-tips.md", "guidance/top-tips/"),
])
def test_page_urls(src, url):
    assert page_url(src) == url


def test_scan_reads_anchors_and_rejects_duplicates(tmp_path: Path):
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "index.md").write_text("## 2.3 Sensitive {#policy-2-3}\n\n- a) x\n  {#policy-2-3-a}\n")
    found = scan(tmp_path)
    assert sorted(found) == ["policy-2-3", "policy-2-3-a"]
    assert found["policy-2-3"].url == "policy/#policy-2-3"
    (tmp_path / "other.md").write_text("## again {#policy-2-3}\n")
    with pytest.raises(ValueError, match="policy-2-3.*defined twice.*other.md"):
        scan(tmp_path)


def test_site_defines_the_clauses_everything_cites(clause_ids):
    # The ids the issues name, which other parts of the site cite.
    for needed in ("policy-2-3", "policy-2-2-d", "procedure-3-1-1", "procedure-3-4-2", "procedure-appendix-2"):
        assert needed in clause_ids

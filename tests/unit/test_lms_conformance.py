"""The conformance checklist (tests/lms-conformance.md) names only tests that exist, and every row names one."""
import re

from tests.support import ROOT

CHECKLIST = ROOT / "tests" / "lms-conformance.md"
LEGEND = re.compile(r"^- \*\*(?P<code>[A-Za-z0-9-]+)\*\*: `(?P<path>[^`:›]+?)(?:::(?P<py>\w+)| › \"(?P<js>[^\"]+)\")`$", re.M)


def test_every_test_the_checklist_names_exists_and_every_requirement_has_one():
    text = CHECKLIST.read_text(encoding="utf-8")
    codes = {}
    for m in LEGEND.finditer(text):
        source = (ROOT / m["path"]).read_text(encoding="utf-8")
        wanted = f"def {m['py']}(" if m["py"] else f'test("{m["js"]}"'
        assert wanted in source, f"{m['code']}: {wanted} is not in {m['path']}"
        codes[m["code"]] = m
    assert len(codes) > 30
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith(("| id", "| ref", "| ---"))]
    assert len(rows) > 60
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        named = set(re.findall(r"\b[BNSUXP]-[a-z0-9-]+", cells[-1]))
        assert named <= set(codes), f"unknown test code in: {row}"
        assert named or "does not apply" in row or cells[-1] == "(below)", f"no test for: {row}"

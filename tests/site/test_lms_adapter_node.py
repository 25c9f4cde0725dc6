"""The learning-system adapters' unit tests (tests/js/*.test.mjs), run by Node's own test runner:
SCORM against scorm-again's real runtime, cmi5 against the answers Ralph gave (recorded)."""
import re
import subprocess

from tests.support import ROOT


def test_the_scorm_and_cmi5_adapters_pass_their_node_tests():
    out = subprocess.run(["node", "--test", *sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.mjs"))],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    passed = int(re.search(r"^# pass (\d+)$", out.stdout, re.M).group(1))
    assert passed >= 17 and re.search(r"^# fail 0$", out.stdout, re.M)

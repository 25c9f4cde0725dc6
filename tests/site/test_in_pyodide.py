"""The unit tests again, inside the real Pyodide runtime (Python 3.14 on WebAssembly) under Node."""
import re
import subprocess
import sysconfig
from pathlib import Path

from sitebuild.runtime import build_wheel
from tests.support import ROOT


def test_unit_tests_pass_inside_pyodide(tmp_path: Path):
    wheel = build_wheel(ROOT / "quiz", tmp_path)
    site_packages = sysconfig.get_paths()["purelib"]
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "site" / "run_in_pyodide.mjs"), str(ROOT), site_packages, str(wheel)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    output = result.stdout + result.stderr
    print(output[-3000:])
    assert "on emscripten" in output, output[-3000:]
    assert "quiz from /lib/python3" in output, "quiz must come from the wheel, not the source tree"
    assert result.returncode == 0, output[-3000:]
    passed = re.search(r"(\d+) passed", output)
    assert passed and int(passed.group(1)) > 20, output[-3000:]

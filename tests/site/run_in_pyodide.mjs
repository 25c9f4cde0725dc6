// Runs the unit tests (tests/unit) with pytest inside the real Pyodide runtime under Node.
// The quiz package comes from the wheel the build makes, pytest from the project's venv
// (pure Python). Usage: node run_in_pyodide.mjs <repo> <site-packages> <wheel>
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";
import { installWheel } from "../../docs/javascripts/wheel.mjs";

const [repo, sitePackages, wheel] = process.argv.slice(2);
const pyodide = await loadPyodide();
const sitePackagesDir = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
installWheel(pyodide, await readFile(wheel), sitePackagesDir);
pyodide.mountNodeFS("/repo", repo);
pyodide.mountNodeFS("/venv", sitePackages);
const exitCode = pyodide.runPython(`
import sys
sys.path.append("/venv")  # after Pyodide's own paths: only pure-Python test tools come from here
import quiz, pytest
print("python", sys.version.split()[0], "on", sys.platform, "; quiz from", quiz.__file__)
int(pytest.main(["-q", "-p", "no:cacheprovider", "--rootdir=/repo", "/repo/tests/unit"]))
`);
process.exit(exitCode);

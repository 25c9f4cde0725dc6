// Starts Pyodide under Node the way the site's worker does (precompiled standard library as
// stdLibURL, the quiz wheel installed into site-packages by docs/javascripts/wheel.mjs) and prints,
// as JSON, what the tests check.
// Usage: node precompiled_facts.mjs <stdlib.zip> <wheel> <site-packages> <module outside the compiled set>
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";
import { installWheel } from "../../docs/javascripts/wheel.mjs";

const [stdlib, wheel, sitePackages, outside] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdLibURL: stdlib });
installWheel(pyodide, await readFile(wheel), sitePackages);
pyodide.globals.set("outside", outside);
console.log(pyodide.runPython(`
import sys
before = set(sys.modules)
# What a widget's start imports (python-worker.js, quiz.browser): every widget's module and data.
import quiz.browser, quiz.content, quiz.widgets
for entry in quiz.widgets.registry().values():
    entry.module
    quiz.content.read_built_copy(quiz.content.DATA_DIR / entry.data_file)
started = sorted(set(sys.modules) - before)

import importlib, importlib.util, json, traceback

facts = {"json_origin": importlib.import_module("json").__spec__.origin, "start_imports": started}
module = importlib.import_module(outside)
facts["outside_origin"] = module.__spec__.origin
facts["outside_works"] = bool(dir(module))
# Had Python not accepted the build's bytecode, it would have recompiled and rewritten this file
# with its own header: magic number, then flags (1: hash-based, unchecked).
header = open(quiz.widgets.__spec__.cached, "rb").read(8)
facts["quiz_bytecode_used"] = header[:4] == importlib.util.MAGIC_NUMBER and header[4] == 1
try:
    quiz.widgets.get("no-such-widget")
except KeyError:
    facts["traceback"] = traceback.format_exc()
json.dumps(facts)
`));

// Build step, run by sitebuild/bytecode.py: compile Python to bytecode inside the pinned Pyodide under Node.
// Usage: node pyodide_compile.mjs <request.json>, where the request is
//   {"source_root", "package", "out_dir", "stdlib_dir", "salt"}
// Writes <out_dir>/pyc/... and <out_dir>/info.json, and the precompiled standard library into
// stdlib_dir, named by a hash of salt and the modules compiled (made once, then reused).
// Each job runs in a fresh interpreter: see sitebuild/pyodide_compile.py.
import { createHash } from "node:crypto";
import { access, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const here = dirname(fileURLToPath(import.meta.url));
const request = JSON.parse(await readFile(process.argv[2], "utf8"));
const script = await readFile(join(here, "pyodide_compile.py"), "utf8");

// A fixed hash seed: set and frozenset constants then marshal in the same order every build.
async function python() {
  const pyodide = await loadPyodide({ env: { PYTHONHASHSEED: "0" } });
  pyodide.runPython(script, { globals: pyodide.globals, filename: "sitebuild/pyodide_compile.py" });
  return pyodide;
}

// Only the message: Node would otherwise print the minified line that threw (a megabyte).
process.on("uncaughtException", (error) => {
  console.error(String(error && error.message || error));
  process.exit(1);
});

const first = await python();
first.mountNodeFS("/source", request.source_root);
first.mountNodeFS("/out", request.out_dir);
const call = (pyodide, name, ...args) => pyodide.globals.get(name)(...args);
const info = call(first, "compile_package", "/source", request.package, "/out/pyc").toJs({ dict_converter: Object.fromEntries });
info.stdlib_modules = call(first, "stdlib_modules_loaded", "/source", request.package).toJs();
const key = createHash("sha256").update(request.salt).update(info.stdlib_modules.join("\n")).digest("hex");
info.stdlib_zip = join(request.stdlib_dir, `python_stdlib-${key.slice(0, 16)}.zip`);

const exists = await access(info.stdlib_zip).then(() => true, () => false);
if (!exists) {
  const second = await python();
  second.mountNodeFS("/stdlib-out", request.stdlib_dir);
  const partial = `${key}.partial`;
  call(second, "compile_stdlib", second.toPy(info.stdlib_modules), `/stdlib-out/${partial}`);
  await rename(join(request.stdlib_dir, partial), info.stdlib_zip);
}
await writeFile(join(request.out_dir, "info.json"), JSON.stringify(info, null, 1));

// Module Web Worker: runs Pyodide and the site's quiz/ wheel off the main thread.
// Everything is fetched from this site; nothing goes to another host.
import { loadPyodide } from "../assets/pyodide/pyodide.mjs";

const assets = new URL("../assets/", import.meta.url);

async function fetchOk(url, as) {
  // no-cache: revalidate, so a rebuilt site never runs a stale wheel.
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return as === "json" ? response.json() : response.arrayBuffer();
}

// Pyodide only warns when its WebAssembly cannot be fetched or compiled, and then
// never settles: turn that warning into a failure the page can report.
function runtimeFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      warn(...args);
      if (String(args[0]).includes("instantiation failed")) {
        reject(new Error("the Python runtime (WebAssembly) could not be loaded"));
      }
    };
  });
}

const python = (async () => {
  // The wheel downloads while Pyodide starts.
  const manifest = fetchOk(new URL("python/manifest.json", assets), "json");
  const wheel = manifest.then((m) => fetchOk(new URL(`python/${m.wheel}`, assets), "bytes"));
  const pyodide = await Promise.race([
    loadPyodide({ indexURL: new URL("pyodide/", assets).href }),
    runtimeFailure(),
  ]);
  // Installed like pip would: into site-packages, not the working directory.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  const browser = pyodide.pyimport("quiz.browser");
  const { clauses, document_versions: versions = {} } = await manifest;
  browser.init(JSON.stringify(clauses), JSON.stringify(versions));
  return browser;
})();

self.onmessage = async ({ data }) => {
  try {
    const browser = await python;
    let response = null;
    if (data.prepare) browser.prepare(data.prepare);
    else response = JSON.parse(browser.handle(data.widget, JSON.stringify(data.request), data.root));
    self.postMessage({ id: data.id, ok: true, response });
  } catch (error) {
    self.postMessage({ id: data.id, ok: false, error: String(error && error.message || error) });
  }
};

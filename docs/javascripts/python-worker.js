// @ts-check
// Module Web Worker: runs Pyodide and the site's quiz/ wheel off the main thread.
// Everything is fetched from this site; nothing goes to another host.
//
// Messages to the page, besides the answers ({id, ok, response} or {id, ok, error}):
//   {progress: {loaded, at}}  bytes downloaded so far, all files together, at most every 250 ms while
//                         downloading (at: the worker's clock, epoch ms): the page gives up on a start
//                         only when these stop coming;
//   {step: {name, at}}    when each stage of the start finished (epoch ms), read by bench/widget_start.py.
import { loadPyodide } from "../assets/pyodide/pyodide.mjs";
import { installWheel } from "./wheel.mjs";

const assets = new URL("../assets/", import.meta.url);
const PROGRESS_EVERY_MS = 250;

const now = () => performance.timeOrigin + performance.now();

/** @param {string} name */
function step(name) {
  self.postMessage({ step: { name, at: now() } });
}
step("worker started");

// Download progress: count every byte that fetch delivers, report at most every 250 ms,
// and always report the latest count (a trailing report after a quiet spell).
let loaded = 0;
let lastReport = -Infinity;
let reportPending = false;

function report() {
  reportPending = false;
  lastReport = performance.now();
  self.postMessage({ progress: { loaded, at: now() } });
}

/** @param {number} bytes */
function count(bytes) {
  loaded += bytes;
  if (reportPending) return;
  const wait = lastReport + PROGRESS_EVERY_MS - performance.now();
  if (wait <= 0) report();
  else {
    reportPending = true;
    setTimeout(report, wait);
  }
}

// Counted on a clone of each response, and the original passed on untouched: a Response built
// here would have no URL, and Chromium keeps compiled WebAssembly for the next visit only when
// instantiateStreaming is given the response the network (or its cache) delivered.
/** @param {ReadableStream<Uint8Array>} body @param {string} file */
async function countBytes(body, file) {
  const reader = body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) count(chunk.value.byteLength);
  step(`downloaded ${file}`);
}

const browserFetch = self.fetch.bind(self);
self.fetch = async (...args) => {
  const response = await browserFetch(...args);
  if (response.body) {
    const file = response.url.split(/[?#]/)[0].split("/").pop() || "";
    countBytes(/** @type {ReadableStream<Uint8Array>} */ (response.clone().body), file).catch(() => {});  // a failed download fails its own reader
  }
  return response;
};

// Timestamp only: when the WebAssembly runtime is compiled and instantiated.
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (...args) => {
  const result = await instantiateStreaming(...args);
  step("runtime instantiated");
  return result;
};

/** @param {URL} url @param {"json" | "bytes"} as @returns {Promise<any>} */
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
    loadPyodide({
      indexURL: new URL("pyodide/", assets).href,
      // The standard library precompiled by the build (hooks/bytecode.py): CPython skips compiling it.
      stdLibURL: new URL("python/stdlib.zip", assets).href,
    }),
    runtimeFailure(),
  ]);
  step("Python started");
  const { site_packages: sitePackages, clauses, document_versions: versions = {} } = await manifest;
  // Installed like pip would: into site-packages (its path written by the build), not the working directory.
  installWheel(pyodide, new Uint8Array(await wheel), sitePackages);
  const browser = pyodide.pyimport("quiz.browser");
  browser.init(JSON.stringify(clauses), JSON.stringify(versions));
  step("quiz imported");
  return browser;
})();

self.onmessage = async ({ data }) => {
  try {
    const browser = await python;
    let response = null;
    if (data.prepare) {
      browser.prepare(data.prepare);
      step("data loaded");
    } else response = JSON.parse(browser.handle(data.widget, JSON.stringify(data.request), data.root));
    self.postMessage({ id: data.id, ok: true, response });
  } catch (error) {
    self.postMessage({ id: data.id, ok: false, error: String(error instanceof Error ? error.message : error) });
  }
};

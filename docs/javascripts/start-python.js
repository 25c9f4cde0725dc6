// @ts-check
// Loaded from the <head> of pages with a widget only (overrides/main.html), before the stylesheets,
// which would hold a module script back until they load: Python starts downloading at once, and
// widgets.js takes the worker over when it runs.
window.__pythonWorker = new Worker(new URL("python-worker.js", /** @type {HTMLScriptElement} */ (document.currentScript).src), { type: "module" });
window.__pythonWorker.addEventListener("error", (event) => {
  window.__pythonWorkerError = event.message || "the Python worker failed to load";
});

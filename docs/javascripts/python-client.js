// The page's side of the one Python worker of a visit: requests and replies, download progress,
// and a fresh start after a failure. With instant navigation the worker outlives page changes.

let worker = null;
let failure = null; // why the worker could not start, once it has said so
let nextId = 0;
const pending = new Map();
const progressListeners = new Set();

function failAll(message) {
  failure = message;
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

function receive({ data }) {
  if (data.progress) {
    // Bytes of the runtime arriving (python-worker.js): the start is slow, not stuck.
    for (const listener of progressListeners) listener(data.progress);
    return;
  }
  const call = pending.get(data.id);
  if (!call) return;
  pending.delete(data.id);
  if (data.ok) call.resolve(data.response);
  else call.reject(new Error(data.error));
}

function connect() {
  // The page head starts the worker on the first load of a widget page (start-python.js); take it
  // over once. Later starts (after a failure, or from a page without a widget) make their own.
  const early = window.__pythonWorker;
  window.__pythonWorker = null;
  worker = early || new Worker(new URL("./python-worker.js", import.meta.url), { type: "module" });
  failure = (early && window.__pythonWorkerError) || null;
  worker.onmessage = receive;
  worker.onerror = (event) => failAll(event.message || "the Python worker failed to load");
}

/** Send one message to Python; resolves with its response. */
export function python(message) {
  if (!worker) connect();
  if (failure) return Promise.reject(new Error(failure));
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

/** Mark the worker failed (a start that answered with an error), so the next page starts afresh. */
export function markFailed(message) {
  if (worker && !failure) failure = message;
}

/** Before a page's widgets mount: a worker that failed to start is replaced, so a passing fault
 *  (a dropped connection, a server restarting) ends at the next widget page, not at a reload. */
export function retryIfFailed() {
  if (!worker || !failure) return;
  worker.terminate();
  worker = null;
  failure = null;
}

/** Call listener({loaded}) whenever runtime bytes arrive; returns a function that stops it. */
export function onProgress(listener) {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

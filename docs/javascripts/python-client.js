// @ts-check
// The page's side of the one Python worker of a visit: requests and replies, download progress, a
// fresh start after a failure, the watchdog on a stalled start and each widget's request queue.
// With instant navigation the worker outlives page changes. Messages: types/protocol.d.ts.

/** @typedef {import("../../types/protocol").Response} Response */
/** @typedef {import("../../types/protocol").Prepare} Prepare */
/** @typedef {import("../../types/protocol").Handle} Handle */
/** @typedef {import("../../types/protocol").WorkerMessage} WorkerMessage */
/** @typedef {import("../../types/protocol").Loaded} Loaded */

/** @type {Worker | null} */
let worker = null;
/** @type {string | null} why the worker could not start, once it has said so */
let failure = null;
let nextId = 0;
/** @type {Map<number, {resolve: (response: Response | null) => void, reject: (error: Error) => void}>} */
const pending = new Map();
/** @type {Set<(progress: Loaded) => void>} */
const progressListeners = new Set();

/** @param {string} message */
function failAll(message) {
  failure = message;
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

/** @param {MessageEvent<WorkerMessage>} event */
function receive({ data }) {
  if ("step" in data) return; // read by the bench only
  if ("progress" in data) {
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

/** @returns {Worker} */
function connect() {
  // The page head starts the worker on the first load of a widget page (start-python.js); take it
  // over once. Later starts (after a failure, or from a page without a widget) make their own.
  const early = window.__pythonWorker;
  window.__pythonWorker = null;
  worker = early || new Worker(new URL("./python-worker.js", import.meta.url), { type: "module" });
  failure = (early && window.__pythonWorkerError) || null;
  worker.onmessage = receive;
  worker.onerror = (event) => failAll(event.message || "the Python worker failed to load");
  return worker;
}

/** Send one message to Python; resolves with its response (null for a prepare).
 * @param {Omit<Prepare, "id"> | Omit<Handle, "id">} message @returns {Promise<Response | null>} */
export function python(message) {
  const current = worker || connect();
  if (failure) return Promise.reject(new Error(failure));
  const id = ++nextId;
  /** @type {Prepare | Handle} */
  const sent = { id, ...message };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    current.postMessage(sent);
  });
}

/** Mark the worker failed (a start that answered with an error), so the next page starts afresh.
 * @param {string} message */
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

/** Call listener({loaded}) whenever runtime bytes arrive; returns a function that stops it.
 * @param {(progress: Loaded) => void} listener @returns {() => void} */
export function onProgress(listener) {
  progressListeners.add(listener);
  return () => {
    progressListeners.delete(listener);
  };
}

/** A watchdog: calls onStall once `limitMs` pass without a kick(); stop() ends it. The timers are
 *  the page's unless given (the tests give their own clock).
 * @param {number} limitMs @param {() => void} onStall
 * @param {{setTimeout: (f: () => void, ms: number) => any, clearTimeout: (id: any) => void}} [timers]
 * @returns {{kick: () => void, stop: () => void}} */
export function watchdog(limitMs, onStall, timers = globalThis) {
  /** @type {any} */
  let timer = null;
  const stop = () => timers.clearTimeout(timer);
  return {
    kick() {
      stop();
      timer = timers.setTimeout(onStall, limitMs);
    },
    stop,
  };
}

/** One request at a time: each task starts when the one before it has settled, so a click while
 *  Python starts, then a "forget" from another tab, apply in that order. A failed task does not
 *  stop the ones after it. @returns {<T>(task: () => Promise<T>) => Promise<T | void>} */
export function serial() {
  /** @type {Promise<unknown>} */
  let last = Promise.resolve();
  return (task) => {
    const next = last.then(task);
    last = next.catch(() => undefined);
    return next;
  };
}

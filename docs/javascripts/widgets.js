// Finds the widgets on a page and connects them to Python in a Web Worker.
// The page is complete without this script: every widget is static HTML first.
// Reader input is only ever set as text or form values, never parsed as HTML.

import { learningSystem } from "./lms-widget.js";

const STORE_PREFIX = "council-widget:";
const START_LIMIT_MS = 120_000;
const MESSAGES = {
  loading: "The interactive part is loading. You can start answering now.",
  waiting: "Preparing your answer. The first time can take a few seconds.",
  error:
    "The interactive part of this page could not start in your browser. " +
    "Everything above and below still works: read the questions and guidance, or print this page as a checklist.",
};

let worker = null;
let workerError = null;
let nextId = 0;
const pending = new Map();

function failAll(message) {
  workerError = message;
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

// One worker for the whole visit: with instant navigation it outlives page changes.
function python(message) {
  if (!worker) {
    // The page head starts the worker on the first load of a widget page (overrides/main.html).
    worker = window.__pythonWorker || new Worker(new URL("./python-worker.js", import.meta.url), { type: "module" });
    workerError = window.__pythonWorkerError || null;
    worker.onmessage = ({ data }) => {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      data.ok ? call.resolve(data.response) : call.reject(new Error(data.error));
    };
    worker.onerror = (event) => failAll(event.message || "the Python worker failed to load");
  }
  if (workerError) return Promise.reject(new Error(workerError));
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

// Build DOM from a view node: a string, or [tag, attrs, ...children].
function build(node) {
  if (typeof node === "string") return document.createTextNode(node);
  const [tag, attrs, ...children] = node;
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith("on")) continue; // views carry no handlers
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) element.append(build(child));
  return element;
}

function formAnswers(form) {
  const answers = {};
  if (!form) return answers;
  for (const [name, value] of new FormData(form)) {
    if (name === "action") continue;
    (answers[name] ||= []).push(String(value));
  }
  return answers;
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function seed() {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

function storageKey(root) {
  return STORE_PREFIX + root.dataset.widget;
}

function readStored(root) {
  try {
    const text = localStorage.getItem(storageKey(root));
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // storage blocked or corrupt: start afresh
  }
}

function applyStore(root, store, state) {
  try {
    if (store === true) localStorage.setItem(storageKey(root), JSON.stringify(state));
    if (store === false) localStorage.removeItem(storageKey(root));
  } catch {
    /* storage unavailable: the widget still works for this visit */
  }
}

function download(button, body) {
  const source = body.querySelector(button.dataset.source || ".completion-record");
  if (!source) return;
  const blob = new Blob([source.textContent], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = button.dataset.filename || "record.json";
  link.click();
  URL.revokeObjectURL(link.href);
}

function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const status = root.querySelector(".widget-status");
  const body = root.querySelector(".widget-body");
  const name = root.dataset.widget;
  // What Python last returned; on the first request, what the reader asked us to remember.
  let state = readStored(root);
  let asked = false;
  // The quiz, when a learning system launched it: reports there, and resumes from there.
  const lms = learningSystem(name);

  // Loading and error messages show; step announcements ("Question 3 of 10") are for
  // screen readers only, since the new step's own heading already says it on screen.
  const say = (text, { quiet = false } = {}) => {
    status.textContent = text;
    status.classList.toggle("visually-hidden", quiet);
  };

  const render = (response) => {
    if (response.view) body.replaceChildren(build(response.view));
    state = response.state ?? null;
    applyStore(root, response.store, state);
    if (lms) lms.rendered(response, body);
    say(response.announce || "", { quiet: true });
    const target = response.focus && body.querySelector(response.focus);
    if (target) {
      if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
  };

  const failed = (error) => {
    console.error(`Widget ${name}:`, error);
    if (root.dataset.state === "ready") {
      say("Sorry, that did not work. Your answers are still on the page: please try again.");
    } else {
      root.dataset.state = "error";
      say(MESSAGES.error);
    }
  };

  const send = async (action, form) => {
    if (lms) {
      await lms.ready;
      if (action === "start") state = lms.savedState(state);
    }
    const request = { action, answers: formAnswers(form), state, seed: seed(), today: today(), ...lms?.request() };
    return python({ widget: name, root: root.dataset.root, request }).then(render, failed);
  };

  body.addEventListener("submit", (event) => {
    event.preventDefault();
    if (root.dataset.state === "error") return;
    asked = true;
    if (root.dataset.state === "loading") say(MESSAGES.waiting);
    const submitter = event.submitter;
    send(submitter && submitter.name === "action" ? submitter.value : "submit", event.target);
  });

  body.addEventListener("click", (event) => {
    const button = event.target.closest("[data-client-action]");
    if (!button) return;
    if (button.dataset.clientAction === "print") window.print();
    if (button.dataset.clientAction === "download") download(button, body);
    if (button.dataset.clientAction === "lms-retry" && lms) lms.retry();
  });

  root.dataset.state = "loading";
  say(MESSAGES.loading);
  // A last resort for a start that never finishes (a stalled download, say).
  const watchdog = setTimeout(() => failed(new Error("Python did not start in time")), START_LIMIT_MS);
  python({ prepare: name }).finally(() => clearTimeout(watchdog)).then(
    () => {
      if (root.dataset.state === "error") return undefined; // the watchdog gave up first
      root.dataset.state = "ready";
      // A reader who already asked for a result has it on its way; otherwise let the widget start.
      if (!asked) return send("start", null);
      return undefined;
    },
    failed,
  );
}

document$.subscribe(() => {
  for (const root of document.querySelectorAll("[data-widget]")) mount(root);
});

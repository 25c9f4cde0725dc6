// @ts-check
// Finds the widgets on a page ([data-widget]) and connects each to Python in a Web Worker.
// The page is complete without this script: every widget is static HTML first.
// Reader input is only ever set as text or form values, never parsed as HTML.
// The data-* attributes that join the HTML to this script are listed in the README ("Browser code").

import { markFailed, onProgress, python, retryIfFailed, serial, watchdog } from "./python-client.js";
import { learningSystem } from "./lms-widget.js";
import {
  afterReply, atMount, forgottenElsewhere, onForgottenElsewhere, readDevice, readVisit, writeDevice, writeVisit,
} from "./widget-memory.js";

/** @typedef {import("../../types/protocol").Response} Response */
/** @typedef {import("../../types/protocol").Request} Request */
/** @typedef {import("../../types/protocol").ViewNode} ViewNode */

// Give up on a start only when the runtime has stopped arriving for this long: a slow network is
// not a failure while bytes still come (python-worker.js reports them), and compiling after the
// last byte takes seconds, not this long. If Python does arrive later, the widget recovers.
const STALL_LIMIT_MS = 30_000;
const MESSAGES = {
  loading: "The interactive part is loading. You can start answering now.",
  waiting: "Preparing your answer. The first time can take a few seconds.",
  error:
    "The interactive part of this page could not start in your browser. " +
    "Everything above and below still works: read the questions and guidance, or print this page as a checklist.",
  recovered: "The interactive part has started.",
};

// The widgets on the page now, by name: told when another tab forgets their state.
/** @type {Map<string, () => void>} */
const mounted = new Map();

/** Build DOM from a view node: a string, or [tag, attrs, ...children].
 * @param {ViewNode} node @returns {Node} */
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

/** The form's fields as Python reads them (FormData, without the button's own "action").
 * @param {HTMLFormElement | null} form @returns {Record<string, string[]>} */
function formAnswers(form) {
  /** @type {Record<string, string[]>} */
  const answers = {};
  if (!form) return answers;
  for (const [name, value] of new FormData(form)) {
    if (name === "action") continue;
    (answers[name] ||= []).push(String(value));
  }
  return answers;
}

/** The reader's date, YYYY-MM-DD. @returns {string} */
function today() {
  const d = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** @returns {number} */
function seed() {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

/** Save the completion record shown in the widget as a file.
 * @param {HTMLElement} button @param {HTMLElement} body */
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

/** Move focus to the element a response names, at the top of the window.
 * @param {HTMLElement} body @param {string} selector */
function moveFocus(body, selector) {
  const target = /** @type {HTMLElement | null} */ (body.querySelector(selector));
  if (!target) return;
  if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  // Chromium centres what it focuses, so a tall target starts under the sticky header: start the
  // step at the top instead, clear of the header and "Back to top" (scroll-margin-top in council.css).
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "start" });
}

/** The reader's part: buttons send their action, data-refresh controls re-draw the form, and
 *  data-client-action buttons act in the browser.
 * @param {HTMLElement} root @param {HTMLElement} body
 * @param {(action: string, form: HTMLFormElement | null) => Promise<unknown>} send
 * @param {{asked: () => void, retry: () => void, exit: () => void}} on */
function listen(root, body, send, on) {
  body.addEventListener("submit", (event) => {
    event.preventDefault();
    if (root.dataset.state === "error") return;
    on.asked();
    const submitter = /** @type {HTMLButtonElement | null} */ (event.submitter);
    send(submitter && submitter.name === "action" ? submitter.value : "submit", /** @type {HTMLFormElement} */ (event.target));
  });

  // A control marked data-refresh (the privacy check's platforms) re-draws the form when it
  // changes, so ticking is enough; focus stays on the control (the reply moves none).
  body.addEventListener("change", (event) => {
    const control = /** @type {HTMLInputElement | null} */ (/** @type {Element} */ (event.target).closest("[data-refresh] input"));
    if (!control || root.dataset.state !== "ready") return;
    send("refresh", control.form).then(() => /** @type {HTMLElement | null} */ (body.querySelector(`#${CSS.escape(control.id)}`))?.focus());
  });

  body.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest("[data-client-action]"));
    if (!button) return;
    if (button.dataset.clientAction === "print") window.print();
    if (button.dataset.clientAction === "download") download(button, body);
    if (button.dataset.clientAction === "lms-retry") on.retry();
    if (button.dataset.clientAction === "lms-exit") on.exit();
  });
}

/** Load a widget's data in Python, giving up (onStall) only while no runtime bytes arrive.
 * @param {string} name @param {(error: Error) => void} onStall @returns {Promise<unknown>} */
function prepare(name, onStall) {
  const stall = watchdog(STALL_LIMIT_MS, () => onStall(new Error("Python stopped loading")));
  const stopWatching = onProgress(stall.kick);
  stall.kick();
  return python({ prepare: name }).finally(() => {
    stall.stop();
    stopWatching();
  });
}

/** Connect one widget: the DOM side; what is stored where is widget-memory.js's reducer.
 * @param {HTMLElement} root */
function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const status = /** @type {HTMLElement} */ (root.querySelector(".widget-status"));
  const body = /** @type {HTMLElement} */ (root.querySelector(".widget-body"));
  const name = root.dataset.widget || "";
  let memory = atMount(readVisit(name), readDevice(name));
  let asked = false;
  const queue = serial();
  // The quiz, when a learning system launched it: reports there, and resumes from there.
  const lms = learningSystem(name);

  // Loading and error messages show; step announcements ("Question 3 of 10") are for
  // screen readers only, since the new step's own heading already says it on screen.
  /** @param {string} text @param {{quiet?: boolean}} [options] */
  const say = (text, { quiet = false } = {}) => {
    status.textContent = text;
    status.classList.toggle("visually-hidden", quiet);
  };

  /** @param {string} action @param {Response} response */
  const render = (action, response) => {
    if (response.view) body.replaceChildren(build(response.view));
    const next = afterReply(memory, action, response);
    memory = next.memory;
    writeDevice(name, next.device, memory.state);
    if (next.visit) writeVisit(name, memory.state, memory.kept);
    if (lms) lms.rendered(response, body);
    say(response.announce || "", { quiet: true });
    if (response.focus) moveFocus(body, response.focus);
  };

  /** @param {unknown} error */
  const failed = (error) => {
    console.error(`Widget ${name}:`, error);
    if (root.dataset.state === "ready") {
      say("Sorry, that did not work. Your answers are still on the page: please try again.");
    } else {
      root.dataset.state = "error";
      say(MESSAGES.error);
    }
  };

  // One request at a time, each with the state the one before it left (python-client.js serial).
  /** @param {string} action @param {HTMLFormElement | null} form */
  const send = (action, form) => {
    const answers = formAnswers(form);
    return queue(async () => {
      if (lms) {
        await lms.ready;
        if (action === "start") memory = { ...memory, state: lms.savedState(memory.state) };
      }
      /** @type {Request} */
      const request = { action, answers, state: memory.state, seed: seed(), today: today(), ...lms?.request() };
      return python({ widget: name, root: root.dataset.root || "", request })
        .then((response) => render(action, /** @type {Response} */ (response)), failed);
    });
  };

  listen(root, body, send, {
    asked() {
      asked = true;
      if (root.dataset.state === "loading") say(MESSAGES.waiting);
    },
    retry: () => lms?.retry(),
    exit: () => lms?.exit(),
  });

  mounted.set(name, () => {
    const next = forgottenElsewhere(memory);
    memory = next.memory;
    if (next.forget && root.dataset.state === "ready") send("forget", body.querySelector("form"));
  });

  // Buttons that need Python show from here on (council.css): the submit handler is in place.
  root.dataset.state = "loading";
  say(MESSAGES.loading);
  prepare(name, failed).then(
      () => {
        if (root.dataset.state === "error") say(MESSAGES.recovered, { quiet: true }); // it arrived after all
        root.dataset.state = "ready";
        if (memory.forgotten) return send("forget", null);
        // A reader who already asked for a result has it on its way; otherwise let the widget start.
        if (!asked) return send("start", null);
        return undefined;
      },
      (error) => {
        markFailed(error.message);
        failed(error);
      },
    );
}

onForgottenElsewhere((name) => {
  for (const [widget, forget] of mounted) if (name === null || name === widget) forget();
});

function mountAll() {
  mounted.clear();
  const roots = document.querySelectorAll("[data-widget]");
  if (roots.length) retryIfFailed();
  for (const root of roots) mount(/** @type {HTMLElement} */ (root));
}

// Material announces each page on document$, instant navigation included. Without its bundle
// (blocked, or failed to load) there is no instant navigation: mount this one page as it is.
if (typeof document$ === "undefined") mountAll();
else document$.subscribe(mountAll);

// Finds the widgets on a page and connects them to Python in a Web Worker.
// The page is complete without this script: every widget is static HTML first.
// Reader input is only ever set as text or form values, never parsed as HTML.

import { markFailed, onProgress, python, retryIfFailed } from "./python-client.js";
import { learningSystem } from "./lms-widget.js";
import { onForgottenElsewhere, readDevice, readVisit, writeDevice, writeVisit } from "./widget-memory.js";

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
const mounted = new Map();

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
  // What Python last returned: this tab's own progress if it has any (a clause read mid-quiz),
  // otherwise what the reader asked the device to remember.
  const visit = readVisit(name);
  const device = readDevice(name);
  let state = visit ? visit.state : device;
  // Whether the device holds this widget's state for us. If this tab kept it there and it is gone,
  // another tab (or clearing site data) forgot it: forget here too, before anything is stored again.
  let kept = visit ? visit.kept && device !== null : device !== null;
  let forgotten = Boolean(visit && visit.kept && device === null);
  let asked = false;
  let queue = Promise.resolve();
  // The quiz, when a learning system launched it: reports there, and resumes from there.
  const lms = learningSystem(name);

  // Loading and error messages show; step announcements ("Question 3 of 10") are for
  // screen readers only, since the new step's own heading already says it on screen.
  const say = (text, { quiet = false } = {}) => {
    status.textContent = text;
    status.classList.toggle("visually-hidden", quiet);
  };

  const render = (action, response) => {
    if (response.view) body.replaceChildren(build(response.view));
    state = response.state ?? null;
    if (action === "forget") forgotten = false;
    // Only a reader's own answer puts state on the device: not the start, which shows what was
    // already kept, and nothing until Python has forgotten what another tab forgot.
    const store = (forgotten || action === "start") && response.store === true ? null : response.store;
    writeDevice(name, store, state);
    if (store !== null && store !== undefined) kept = store;
    if (action !== "start") writeVisit(name, state, kept);
    if (lms) lms.rendered(response, body);
    say(response.announce || "", { quiet: true });
    const target = response.focus && body.querySelector(response.focus);
    if (target) {
      if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
      // Chromium centres what it focuses, so a tall target starts under the sticky header: start the
      // step at the top instead, clear of the header and "Back to top" (scroll-margin-top in council.css).
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
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

  // One request at a time, each with the state the one before it left: a click while Python
  // starts, then a "forget" from another tab, apply in that order.
  const send = (action, form) => {
    const answers = formAnswers(form);
    queue = queue.then(async () => {
      if (lms) {
        await lms.ready;
        if (action === "start") state = lms.savedState(state);
      }
      const request = { action, answers, state, seed: seed(), today: today(), ...lms?.request() };
      return python({ widget: name, root: root.dataset.root, request }).then((response) => render(action, response), failed);
    });
    return queue;
  };

  body.addEventListener("submit", (event) => {
    event.preventDefault();
    if (root.dataset.state === "error") return;
    asked = true;
    if (root.dataset.state === "loading") say(MESSAGES.waiting);
    const submitter = event.submitter;
    send(submitter && submitter.name === "action" ? submitter.value : "submit", event.target);
  });

  // A control marked data-refresh (the privacy check's platforms) re-draws the form when it
  // changes, so ticking is enough; focus stays on the control (the reply moves none).
  body.addEventListener("change", (event) => {
    const control = event.target.closest("[data-refresh] input");
    if (!control || root.dataset.state !== "ready") return;
    send("refresh", control.form).then(() => body.querySelector(`#${CSS.escape(control.id)}`)?.focus());
  });

  body.addEventListener("click", (event) => {
    const button = event.target.closest("[data-client-action]");
    if (!button) return;
    if (button.dataset.clientAction === "print") window.print();
    if (button.dataset.clientAction === "download") download(button, body);
    if (button.dataset.clientAction === "lms-retry" && lms) lms.retry();
    if (button.dataset.clientAction === "lms-exit" && lms) lms.exit();
  });

  mounted.set(name, () => {
    if (!kept) return;
    forgotten = true;
    if (root.dataset.state === "ready") send("forget", body.querySelector("form"));
  });

  // Buttons that need Python show from here on (council.css): the submit handler is in place.
  root.dataset.state = "loading";
  say(MESSAGES.loading);
  let watchdog = null;
  const watch = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => failed(new Error("Python stopped loading")), STALL_LIMIT_MS);
  };
  const stopWatching = onProgress(watch);
  watch();
  python({ prepare: name })
    .finally(() => {
      clearTimeout(watchdog);
      stopWatching();
    })
    .then(
      () => {
        if (root.dataset.state === "error") say(MESSAGES.recovered, { quiet: true }); // it arrived after all
        root.dataset.state = "ready";
        if (forgotten) return send("forget", null);
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
  for (const root of roots) mount(root);
}

// Material announces each page on document$, instant navigation included. Without its bundle
// (blocked, or failed to load) there is no instant navigation: mount this one page as it is.
if (typeof document$ === "undefined") mountAll();
else document$.subscribe(mountAll);

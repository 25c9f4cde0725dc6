// Talks to the learning system that launched the quiz, if one did: SCORM 1.2 or cmi5.
// Outside a learning system `connect` returns null and this module sends nothing.
// What it sends is only what a report holds (score, pass or fail, duration, track,
// question bank and policy versions): never answers, never free text.

const XAPI_VERSION = "1.0.3";
const SUSPEND_LIMIT = 4096; // SCORM 1.2's cmi.suspend_data is at most 4,096 characters
const VERB = (name) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { "en-GB": name } });
const CATEGORY_CMI5 = { id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" };
const CATEGORY_MOVEON = { id: "https://w3id.org/xapi/cmi5/context/categories/moveon" };
const MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
// The report's own facts, as result extensions (IRIs under the course's URN, see hooks/lms_manifests.py).
const EXTENSION = (name) => `urn:social-media-policy:training-quiz:${name}`;

// ---------------------------------------------------------------- SCORM 1.2

// The ADL algorithm: up the parent chain (at most 7 steps), then the opener's.
function findApi(win) {
  for (let tries = 0; win; tries += 1) {
    try {
      if (win.API) return win.API;
      if (!win.parent || win.parent === win || tries >= 7) return null;
      win = win.parent;
    } catch {
      return null; // another origin's window: no API reachable from here
    }
  }
  return null;
}

export function discoverScorm(win = window) {
  let api = findApi(win);
  try {
    if (!api && win.opener) api = findApi(win.opener);
  } catch {
    /* the opener is on another origin */
  }
  return api;
}

// SCORM 1.2's CMITimespan: HHHH:MM:SS.SS.
export function scormTimespan(ms) {
  // Whole hundredths first, so that 59.999 s reads 00:01:00.00, never 00:00:60.00.
  const centi = Math.round(Math.max(0, ms) / 10);
  const hours = Math.min(Math.floor(centi / 360000), 9999);
  const minutes = Math.floor((centi % 360000) / 6000);
  const seconds = ((centi % 6000) / 100).toFixed(2).padStart(5, "0");
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}:${seconds}`;
}

// "Last, First" is SCORM 1.2's form of cmi.core.student_name; the certificate wants "First Last".
export function readableName(name) {
  const parts = String(name || "").split(",").map((p) => p.trim()).filter(Boolean);
  return parts.length === 2 ? `${parts[1]} ${parts[0]}` : parts.join(" ");
}

class ScormSession {
  constructor(api) {
    this.kind = "scorm";
    this.api = api;
    this.started = Date.now();
    this.finished = false;
    this.ok = String(api.LMSInitialize("")) === "true";
    this.problem = this.ok ? null : this.error("LMSInitialize");
    this.learner = this.ok ? readableName(this.get("cmi.core.student_name")) : "";
    const saved = this.ok ? this.get("cmi.suspend_data") : "";
    // A corrupt saved state goes to the quiz as it is: the quiz says it starts afresh.
    this.savedState = saved ? parseOr(saved) : null;
    if (this.ok && this.get("cmi.core.lesson_status") === "not attempted") {
      this.set("cmi.core.lesson_status", "incomplete");
    }
    if (this.ok) this.set("cmi.core.exit", "suspend"); // so a relaunch resumes, not restarts
  }

  get(element) {
    return String(this.api.LMSGetValue(element) ?? "");
  }

  set(element, value) {
    const ok = String(this.api.LMSSetValue(element, String(value))) === "true";
    if (!ok && !this.problem) this.problem = this.error(`LMSSetValue ${element}`);
    return ok;
  }

  commit() {
    const ok = String(this.api.LMSCommit("")) === "true";
    if (!ok && !this.problem) this.problem = this.error("LMSCommit");
    return ok;
  }

  error(call) {
    const code = String(this.api.LMSGetLastError?.() ?? "");
    const text = code ? String(this.api.LMSGetErrorString?.(code) ?? "") : "";
    return `${call} failed${code ? ` (error ${code}${text ? `: ${text}` : ""})` : ""}`;
  }

  save(state) {
    const text = JSON.stringify(state);
    // Unchanged progress is not sent again: each commit is a request to the learning system.
    if (!this.ok || text.length > SUSPEND_LIMIT || text === this.saved) return;
    if (this.set("cmi.suspend_data", text) && this.commit()) this.saved = text;
  }

  // Resolves to true when the learning system took the whole report.
  async report(report) {
    this.last = report;
    if (!this.ok) return false;
    this.problem = null;
    const status = report.passed ? "passed" : "failed";
    // SCORM 1.2 has no place for extra facts: the track and versions go in as objectives,
    // which learning systems list with the attempt (ids only: no spaces, no free text).
    const objectives = Object.entries(facts(report)).map(([name, value]) => `${name}-${value}`);
    const done = [
      this.set("cmi.core.score.min", 0),
      this.set("cmi.core.score.max", 100),
      this.set("cmi.core.score.raw", report.percent),
      this.set("cmi.core.lesson_status", status),
      this.set("cmi.core.session_time", scormTimespan(Date.now() - this.started)),
      ...objectives.flatMap((id, n) => [
        this.set(`cmi.objectives.${n}.id`, id),
        this.set(`cmi.objectives.${n}.status`, status),
      ]),
    ].every(Boolean);
    return this.commit() && done;
  }

  retry() {
    return this.last ? this.report(this.last) : Promise.resolve(true);
  }

  finish() {
    if (!this.ok || this.finished) return;
    this.finished = true;
    this.set("cmi.core.session_time", scormTimespan(Date.now() - this.started));
    this.commit();
    this.api.LMSFinish("");
  }
}

// ---------------------------------------------------------------- cmi5

// ISO 8601 duration, as xAPI wants it.
export function isoDuration(ms) {
  return `PT${(Math.max(0, ms) / 1000).toFixed(2)}S`;
}

export function launchParameters(search = window.location.search) {
  const params = new URLSearchParams(search);
  const names = ["endpoint", "fetch", "actor", "registration", "activityId"];
  if (!names.every((n) => params.get(n))) return null;
  const launch = Object.fromEntries(names.map((n) => [n, params.get(n)]));
  try {
    launch.actor = JSON.parse(launch.actor);
  } catch {
    return null;
  }
  if (!launch.endpoint.endsWith("/")) launch.endpoint += "/";
  return launch;
}

// The report's facts besides the score, each under a short name: the same in both systems.
export function facts(report) {
  const all = {
    track: report.track,
    "question-bank": report.question_bank_version,
    "policy-version": report.document_versions.policy,
    "procedure-version": report.document_versions.procedure,
    "review-by": report.review_by, // none for an attempt that did not pass
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value != null));
}

function parseOr(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

class Cmi5Session {
  constructor(launch) {
    this.kind = "cmi5";
    this.launch = launch;
    this.started = Date.now();
    this.learner = typeof launch.actor.name === "string" ? launch.actor.name : "";
    this.savedState = null; // the quiz resumes from SCORM's suspend_data only
    this.queue = []; // statements not yet accepted by the LRS, in order
    this.sent = new Set(); // verbs already sent this session: passed and completed go once
    this.ok = false;
    this.problem = null;
    this.finished = false;
  }

  async start() {
    try {
      const answer = await fetch(this.launch.fetch, { method: "POST", cache: "no-store" });
      const body = await answer.json();
      if (!answer.ok || !body["auth-token"]) throw new Error(`the fetch URL answered ${answer.status}`);
      this.token = body["auth-token"];
      const query = new URLSearchParams({
        stateId: "LMS.LaunchData",
        activityId: this.launch.activityId,
        agent: JSON.stringify(this.launch.actor),
        registration: this.launch.registration,
      });
      const state = await fetch(`${this.launch.endpoint}activities/state?${query}`, { headers: this.headers() });
      if (!state.ok) throw new Error(`LMS.LaunchData: the LRS answered ${state.status}`);
      this.launchData = await state.json();
      this.ok = true;
    } catch (error) {
      this.problem = String(error.message || error);
      return this;
    }
    this.enqueue("initialized");
    await this.flush();
    return this;
  }

  headers() {
    return {
      Authorization: `Basic ${this.token}`,
      "X-Experience-API-Version": XAPI_VERSION,
      "Content-Type": "application/json",
    };
  }

  // A cmi5-defined statement: the launch's actor, activity and registration, the LMS's context template.
  statement(verb, result, moveOn) {
    const template = structuredClone(this.launchData.contextTemplate || {});
    const activities = (template.contextActivities ||= {});
    activities.category = [...(activities.category || []), CATEGORY_CMI5, ...(moveOn ? [CATEGORY_MOVEON] : [])];
    template.registration = this.launch.registration;
    // The mastery score the learning system set goes with the judgement it applies to (cmi5 9.6.3).
    if ((verb === "passed" || verb === "failed") && typeof this.launchData.masteryScore === "number") {
      template.extensions = { ...(template.extensions || {}), [MASTERY_SCORE]: this.launchData.masteryScore };
    }
    return {
      id: crypto.randomUUID(), // the same id on a retry, so the LRS never stores it twice
      timestamp: new Date().toISOString(),
      actor: this.launch.actor,
      verb: VERB(verb),
      object: { objectType: "Activity", id: this.launch.activityId },
      context: template,
      ...(result ? { result } : {}),
    };
  }

  enqueue(verb, result, moveOn = false) {
    this.queue.push(this.statement(verb, result, moveOn));
    this.sent.add(verb);
  }

  // Send what is queued, in order; stop at the first refusal and keep the rest for a retry.
  async flush({ keepalive = false } = {}) {
    while (this.queue.length) {
      try {
        const answer = await fetch(`${this.launch.endpoint}statements`, {
          method: "POST", headers: this.headers(), body: JSON.stringify(this.queue[0]), keepalive,
        });
        if (!answer.ok) throw new Error(`the LRS answered ${answer.status}`);
      } catch (error) {
        this.problem = String(error.message || error);
        return false;
      }
      this.queue.shift();
    }
    this.problem = null;
    return true;
  }

  // cmi5 keeps no progress here (see the privacy page): a closed window starts again.
  save() {}

  async report(report) {
    if (!this.ok) return false;
    // In Browse or Review mode the learning system records nothing (cmi5 10.0).
    if ((this.launchData.launchMode || "Normal") === "Normal") {
      const duration = isoDuration(Date.now() - this.started);
      const verb = report.passed ? "passed" : "failed";
      // Passed goes once; a failure after a pass, or a second failure, changes nothing.
      if (!this.sent.has("passed") && !(verb === "failed" && this.sent.has("failed"))) {
        this.enqueue(verb, {
          score: { scaled: report.percent / 100, raw: report.percent, min: 0, max: 100 },
          success: report.passed,
          duration,
          extensions: Object.fromEntries(Object.entries(facts(report)).map(([k, v]) => [EXTENSION(k), v])),
        }, true);
      }
      if (!this.sent.has("completed")) this.enqueue("completed", { completion: true, duration }, true);
    }
    return this.flush();
  }

  retry() {
    return this.flush();
  }

  finish() {
    if (!this.ok || this.finished) return;
    this.finished = true;
    this.enqueue("terminated", { duration: isoDuration(Date.now() - this.started) });
    this.flush({ keepalive: true }); // the page is going: keepalive lets the request outlive it
  }
}

// ---------------------------------------------------------------- connect

// A package opened without its learning system (no SCORM API, no cmi5 launch): the
// quiz works, and says plainly that its result cannot be recorded.
class MissingSession {
  constructor(kind) {
    this.kind = kind;
    this.ok = false;
    this.learner = "";
    this.savedState = null;
    this.problem = kind === "cmi5"
      ? "this page was opened without a cmi5 launch from a learning system"
      : "no SCORM API was found: this page was not opened by a learning system";
  }

  save() {}

  async report() {
    return false;
  }

  retry() {
    return this.report();
  }

  finish() {}
}

// The learning system's session for this page, or null when no learning system launched
// it and the page is not from a package (the site itself: nothing is ever sent).
export async function connect(win = window) {
  const launch = launchParameters(win.location.search);
  if (launch) return new Cmi5Session(launch).start();
  const api = discoverScorm(win);
  if (api) return new ScormSession(api);
  const packaged = win.document.documentElement.dataset.lmsPackage;
  return packaged ? new MissingSession(packaged) : null;
}

export { SUSPEND_LIMIT };

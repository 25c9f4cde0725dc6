// @ts-check
// SCORM 1.2's run-time API for the quiz (the interface is in lms.js). The requirement each
// line answers is in tests/lms-conformance.md (SCORM 1.2 RTE, sections 3.3 and 3.4).

import { facts, missingSession } from "./lms-common.js";

/** @typedef {import("./lms-common.js").Session} Session */
/** @typedef {import("./lms-common.js").Report} Report */
/** @typedef {import("./lms-common.js").Delivery} Delivery */

/**
 * The SCORM 1.2 API object a learning system puts on one of its windows.
 * @typedef {object} ScormApi
 * @property {(arg: string) => unknown} LMSInitialize
 * @property {(arg: string) => unknown} LMSFinish
 * @property {(element: string) => unknown} LMSGetValue
 * @property {(element: string, value: string) => unknown} LMSSetValue
 * @property {(arg: string) => unknown} LMSCommit
 * @property {() => unknown} [LMSGetLastError]
 * @property {(code: string) => unknown} [LMSGetErrorString]
 */

export const SUSPEND_LIMIT = 4096; // cmi.suspend_data holds at most 4,096 characters (RTE 3.4.4)
const MODES = /** @type {const} */ ({ normal: "Normal", browse: "Browse", review: "Review" });

/**
 * The ADL algorithm: up the parent chain (at most 7 steps).
 * @param {any} win
 * @returns {ScormApi | null}
 */
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

/**
 * The API on a parent, else on the opener's chain.
 * @param {any} win
 * @returns {ScormApi | null}
 */
export function discoverScorm(win) {
  let api = findApi(win);
  try {
    if (!api && win.opener) api = findApi(win.opener);
  } catch {
    /* the opener is on another origin */
  }
  return api;
}

/**
 * SCORM 1.2's CMITimespan: HHHH:MM:SS.SS.
 * @param {number} ms
 */
export function scormTimespan(ms) {
  // Whole hundredths first, so that 59.999 s reads 00:01:00.00, never 00:00:60.00.
  const centi = Math.round(Math.max(0, ms) / 10);
  const hours = Math.min(Math.floor(centi / 360000), 9999);
  const minutes = Math.floor((centi % 360000) / 6000);
  const seconds = ((centi % 6000) / 100).toFixed(2).padStart(5, "0");
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}:${seconds}`;
}

/**
 * "Last, First" is SCORM 1.2's form of cmi.core.student_name; the certificate wants "First Last".
 * @param {unknown} name
 */
export function readableName(name) {
  const parts = String(name || "").split(",").map((p) => p.trim()).filter(Boolean);
  return parts.length === 2 ? `${parts[1]} ${parts[0]}` : parts.join(" ");
}

/**
 * Whether packed progress (quiz/widgets/quiz/resume.py) is a finished attempt: every drawn question answered.
 * @param {any} packed
 */
export function finished(packed) {
  return Boolean(packed && Array.isArray(packed.q) && packed.q.length > 0 && String(packed.r).length === packed.q.length);
}

/** @param {string} text */
function parseOr(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text; // corrupt: the quiz says it starts afresh
  }
}

/** @implements {Session} */
export class ScormSession {
  /** @param {ScormApi} api */
  constructor(api) {
    /** @type {"scorm"} */
    this.kind = "scorm";
    this.api = api;
    this.started = Date.now();
    this.done = false;
    /** @type {string | null} */
    this.problem = null;
    /** @type {Report | null} */
    this.last = null;
    /** @type {string | undefined} */
    this.saved = undefined;
    this.ok = String(api.LMSInitialize("")) === "true";
    if (!this.ok) this.problem = this.error("LMSInitialize");
    this.learner = this.ok ? readableName(this.get("cmi.core.student_name")) : "";
    const suspended = this.ok ? this.get("cmi.suspend_data") : "";
    this.savedState = suspended ? parseOr(suspended) : null;
    const status = this.ok ? this.get("cmi.core.lesson_status") : "";
    const mastery = this.ok ? this.get("cmi.student_data.mastery_score") : "";
    const mode = this.ok ? this.get("cmi.core.lesson_mode") : "";
    this.facts = {
      passed: status === "passed",
      mastery: mastery !== "" && Number.isFinite(Number(mastery)) ? Number(mastery) / 100 : null,
      mode: MODES[/** @type {keyof typeof MODES} */ (mode)] || "Normal",
      exit: false,
      languages: [],
    };
    if (this.ok && this.facts.mode === "Normal" && status === "not attempted") {
      this.set("cmi.core.lesson_status", "incomplete");
    }
  }

  /** @param {string} element */
  get(element) {
    return String(this.api.LMSGetValue(element) ?? "");
  }

  /** @param {string} element @param {string | number} value */
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

  /** @param {string} call */
  error(call) {
    const code = String(this.api.LMSGetLastError?.() ?? "");
    const text = code ? String(this.api.LMSGetErrorString?.(code) ?? "") : "";
    return `${call} failed${code ? ` (error ${code}${text ? `: ${text}` : ""})` : ""}`;
  }

  /** @param {unknown} packed */
  save(packed) {
    if (!this.ok || packed == null) return;
    const text = JSON.stringify(packed);
    // Unchanged progress is not sent again: each commit is a request to the learning system.
    if (text.length > SUSPEND_LIMIT || text === this.saved) return;
    // "suspend" only while an attempt is unfinished: a finished one exits normally (RTE 3.4.4 cmi.core.exit).
    const exit = finished(packed) ? "" : "suspend";
    if (this.set("cmi.suspend_data", text) && this.set("cmi.core.exit", exit) && this.commit()) this.saved = text;
  }

  /** @param {Report} report @returns {Promise<Delivery>} */
  async report(report) {
    this.last = report;
    if (!this.ok) return "failed";
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
    return this.commit() && done ? "sent" : "failed";
  }

  retry() {
    return this.last ? this.report(this.last) : Promise.resolve(/** @type {Delivery} */ ("sent"));
  }

  finish() {
    if (!this.ok || this.done) return;
    this.done = true;
    this.set("cmi.core.session_time", scormTimespan(Date.now() - this.started));
    this.commit();
    this.api.LMSFinish("");
  }

  async exit() {
    this.finish();
  }
}

/**
 * The SCORM session for a SCORM package's page.
 * @param {Window} win
 * @returns {Session}
 */
export function connectScorm(win) {
  const api = discoverScorm(win);
  return api ? new ScormSession(api) : missingSession("scorm", "no SCORM API was found: this page was not opened by a learning system");
}

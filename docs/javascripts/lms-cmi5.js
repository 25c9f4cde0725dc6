// @ts-check
// cmi5 for the quiz (the interface is in lms.js): the launch (spec section 8), the statements
// (9), the state (10) and the learner preferences (11). The requirement each part answers, and
// the test that shows it, are in tests/lms-conformance.md.
//
// The rules cmi5 puts on statements, and how this AU keeps them:
// - one "initialized" first and one "terminated" last in every session, whatever the launch mode;
// - at most one of passed/failed per session, one passed and one completed per registration
//   (9.3): the registration's own record (passed, completed) is kept in the State API under
//   this AU's state id, beside the packed progress; what Python (quiz/widgets/quiz/record.py)
//   reports is already only what counts;
// - a fail waits for the end of the session ("held"): sending it at once would forbid the
//   pass a retry in the same session may bring; a pass goes at once and the held fail is dropped;
// - Browse and Review send only initialized and terminated (10.2.2);
// - what is queued when the page goes leaves in one keepalive request, in order; every request
//   is keepalive, so one already on its way outlives the page too.

import { facts, missingSession } from "./lms-common.js";

/** @typedef {import("./lms-common.js").Session} Session */
/** @typedef {import("./lms-common.js").Report} Report */
/** @typedef {import("./lms-common.js").Delivery} Delivery */
/** @typedef {import("./lms-common.js").LaunchFacts} LaunchFacts */

/**
 * @typedef {object} Launch the five launch parameters (8.1), checked
 * @property {string} endpoint ends with "/"
 * @property {string} fetch
 * @property {{objectType?: string, name?: string, account: {homePage: string, name: string}}} actor
 * @property {string} registration
 * @property {string} activityId
 */

/**
 * @typedef {object} Statement
 * @property {string} id
 * @property {string} timestamp
 * @property {object} actor
 * @property {{id: string, display: Record<string, string>}} verb
 * @property {object} object
 * @property {any} context
 * @property {object} [result]
 */

/**
 * The registration's record this AU keeps in the State API (10: "the AU MAY use the State API").
 * @typedef {object} RegistrationRecord
 * @property {unknown} progress packed progress (quiz/widgets/quiz/resume.py), or null
 * @property {boolean} passed a "passed" statement was stored for this registration
 * @property {boolean} completed a "completed" statement was stored for this registration
 */

const XAPI_VERSION = "1.0.3";
const NAMES = ["endpoint", "fetch", "actor", "registration", "activityId"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** @param {string} name */
const VERB = (name) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { "en-GB": name } });
const CATEGORY_CMI5 = { id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" };
const CATEGORY_MOVEON = { id: "https://w3id.org/xapi/cmi5/context/categories/moveon" };
const MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
const LAUNCH_DATA = "LMS.LaunchData";
const PREFERENCES = "cmi5LearnerPreferences";
// This AU's own state document (cmi5 10: an AU may keep its own state beside LMS.LaunchData).
export const STATE_ID = "urn:social-media-policy:training-quiz:au:record";
// The report's own facts, as result extensions (IRIs under the course's URN, see sitebuild/lms_manifests.py).
/** @param {string} name */
const EXTENSION = (name) => `urn:social-media-policy:training-quiz:${name}`;

/**
 * ISO 8601 duration, as xAPI wants it.
 * @param {number} ms
 */
export function isoDuration(ms) {
  return `PT${(Math.max(0, ms) / 1000).toFixed(2)}S`;
}

/** @param {string} text */
function httpUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * The cmi5 launch parameters in a query string: null when there are none (not a cmi5 launch),
 * else the checked launch or why it is not valid. Nothing is sent for a launch that is not valid:
 * the endpoint and fetch URL must be http(s) on one origin (a page cannot be talked into sending
 * the reader's result, or the token, to a third host), the registration a UUID, the actor an
 * Agent object with an account (9.2), the activity id an IRI.
 * @param {string} search
 * @returns {{launch: Launch} | {problem: string} | null}
 */
export function launchParameters(search) {
  const params = new URLSearchParams(search);
  if (!NAMES.some((n) => params.has(n))) return null;
  const missing = NAMES.filter((n) => !params.get(n));
  if (missing.length) return { problem: `it has no ${missing.join(", ")}` };
  const endpoint = httpUrl(String(params.get("endpoint")));
  const fetchUrl = httpUrl(String(params.get("fetch")));
  if (!endpoint || !fetchUrl) return { problem: "its endpoint and fetch addresses must be http or https addresses" };
  if (endpoint.origin !== fetchUrl.origin) {
    return { problem: "its endpoint and fetch addresses are on different hosts" };
  }
  const registration = String(params.get("registration"));
  if (!UUID.test(registration)) return { problem: "its registration is not a UUID" };
  const activityId = String(params.get("activityId"));
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(activityId)) return { problem: "its activityId is not an IRI" };
  /** @type {any} */
  let actor;
  try {
    actor = JSON.parse(String(params.get("actor")));
  } catch {
    actor = null;
  }
  const account = actor && typeof actor === "object" && !Array.isArray(actor) ? actor.account : null;
  if (!account || typeof account.homePage !== "string" || typeof account.name !== "string" ||
      (actor.objectType !== undefined && actor.objectType !== "Agent")) {
    return { problem: "its actor is not an Agent with an account" };
  }
  let base = endpoint.href;
  if (!base.endsWith("/")) base += "/";
  return { launch: { endpoint: base, fetch: fetchUrl.href, actor, registration, activityId } };
}

/**
 * The learner's languages, in order (11.1), from the preferences document.
 * @param {any} preferences
 * @returns {string[]}
 */
export function languages(preferences) {
  /** @type {string} */
  const list = preferences && typeof preferences.languagePreference === "string" ? preferences.languagePreference : "";
  return list.split(",").map((tag) => tag.trim()).filter(Boolean);
}

/** @implements {Session} */
export class Cmi5Session {
  /**
   * @param {Launch} launch
   * @param {typeof fetch} [send] the network (a recorded exchange in the unit tests)
   */
  constructor(launch, send = (...args) => fetch(...args)) {
    /** @type {"cmi5"} */
    this.kind = "cmi5";
    this.launch = launch;
    this.send = send;
    this.started = Date.now();
    this.learner = typeof launch.actor.name === "string" ? launch.actor.name : "";
    /** @type {unknown} */
    this.savedState = null;
    /** @type {Statement[]} statements not yet accepted by the LRS, in order */
    this.queue = [];
    /** @type {Statement | null} the one on its way */
    this.inFlight = null;
    /** @type {Statement | null} a failed statement waiting for the end of the session */
    this.heldFail = null;
    /** @type {Set<string>} verbs queued this session */
    this.verbs = new Set();
    /** @type {RegistrationRecord} */
    this.record = { progress: null, passed: false, completed: false };
    /** @type {any} */
    this.launchData = {};
    /** @type {LaunchFacts} */
    this.facts = { passed: false, mastery: null, mode: "Normal", exit: false, languages: [] };
    this.ok = false;
    /** @type {string | null} */
    this.problem = null;
    this.done = false;
    this.token = "";
    /** @type {string | undefined} the record as last sent to the State API */
    this.kept = undefined;
  }

  async start() {
    try {
      const answer = await this.send(this.launch.fetch, { method: "POST", cache: "no-store" });
      const body = await answer.json();
      if (!answer.ok || typeof body["auth-token"] !== "string") {
        throw new Error(body["error-text"] ? `the fetch URL said: ${body["error-text"]}` : `the fetch URL answered ${answer.status}`);
      }
      this.token = body["auth-token"];
      this.launchData = await this.document(LAUNCH_DATA, true);
      // Learner preferences (11): read at start-up; none, or a 403, is not an error.
      const preferences = await this.profile();
      const kept = await this.document(STATE_ID, false);
      if (kept && typeof kept === "object") this.record = { ...this.record, ...kept };
      this.savedState = this.record.progress ?? null;
      const mode = ["Normal", "Browse", "Review"].includes(this.launchData.launchMode) ? this.launchData.launchMode : "Normal";
      const mastery = this.launchData.masteryScore;
      this.facts = {
        passed: this.record.passed === true,
        mastery: typeof mastery === "number" && mastery >= 0 && mastery <= 1 ? mastery : null,
        mode,
        exit: typeof this.launchData.returnURL === "string" && Boolean(httpUrl(this.launchData.returnURL)),
        languages: languages(preferences),
      };
      this.ok = true;
    } catch (error) {
      this.problem = String(/** @type {Error} */ (error).message || error);
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

  /** The State API's address for one of this launch's documents. @param {string} stateId */
  stateUrl(stateId) {
    const query = new URLSearchParams({
      stateId,
      activityId: this.launch.activityId,
      agent: JSON.stringify(this.launch.actor),
      registration: this.launch.registration,
    });
    return `${this.launch.endpoint}activities/state?${query}`;
  }

  /**
   * A state document: LMS.LaunchData must be there; this AU's own may not be yet (404: none).
   * @param {string} stateId @param {boolean} required
   */
  async document(stateId, required) {
    const answer = await this.send(this.stateUrl(stateId), { headers: this.headers() });
    if (answer.status === 404 && !required) return null;
    if (!answer.ok) throw new Error(`${stateId}: the LRS answered ${answer.status}`);
    return answer.json();
  }

  async profile() {
    const query = new URLSearchParams({ agent: JSON.stringify(this.launch.actor), profileId: PREFERENCES });
    try {
      const answer = await this.send(`${this.launch.endpoint}agents/profile?${query}`, { headers: this.headers() });
      return answer.ok ? await answer.json() : null; // 404: none kept; 403: not ours to read (11.0)
    } catch {
      return null; // preferences are a courtesy: the quiz works without them
    }
  }

  /**
   * A cmi5-defined statement: the launch's actor, activity and registration, the LMS's context template.
   * @param {string} verb @param {object} [result] @param {boolean} [moveOn]
   * @returns {Statement}
   */
  statement(verb, result, moveOn = false) {
    const context = structuredClone(this.launchData.contextTemplate || {});
    const activities = (context.contextActivities ||= {});
    activities.category = [...(activities.category || []), CATEGORY_CMI5, ...(moveOn ? [CATEGORY_MOVEON] : [])];
    context.registration = this.launch.registration;
    // The mastery score the learning system set goes with the judgement it made (9.6.3.2).
    if ((verb === "passed" || verb === "failed") && this.facts.mastery !== null) {
      context.extensions = { ...(context.extensions || {}), [MASTERY_SCORE]: this.facts.mastery };
    }
    return {
      id: crypto.randomUUID(), // the same id on a retry, so the LRS never stores it twice
      timestamp: new Date().toISOString(),
      actor: this.launch.actor,
      verb: VERB(verb),
      object: { objectType: "Activity", id: this.launch.activityId },
      context,
      ...(result ? { result } : {}),
    };
  }

  /** @param {string} verb @param {object} [result] @param {boolean} [moveOn] */
  enqueue(verb, result, moveOn = false) {
    this.queue.push(this.statement(verb, result, moveOn));
    this.verbs.add(verb);
  }

  /** Send what is queued, in order; stop at the first refusal and keep the rest for a retry. */
  async flush() {
    while (this.queue.length && !this.done) {
      this.inFlight = this.queue[0];
      try {
        const answer = await this.send(`${this.launch.endpoint}statements`, {
          method: "POST", headers: this.headers(), body: JSON.stringify(this.inFlight), keepalive: true,
        });
        if (!answer.ok) throw new Error(`the LRS answered ${answer.status}`);
      } catch (error) {
        this.problem = String(/** @type {Error} */ (error).message || error);
        return false;
      } finally {
        this.inFlight = null;
      }
      this.queue.shift();
    }
    this.problem = null;
    return true;
  }

  /** Keep the packed progress and the registration's record (not in Browse or Review). @param {unknown} packed */
  save(packed) {
    if (!this.ok || this.done || this.facts.mode !== "Normal" || packed == null) return;
    this.record = { ...this.record, progress: packed };
    this.keep();
  }

  keep() {
    const body = JSON.stringify(this.record);
    if (body === this.kept) return;
    this.kept = body;
    this.send(this.stateUrl(STATE_ID), { method: "PUT", headers: this.headers(), body, keepalive: true })
      .catch(() => { this.kept = undefined; }); // tried again with the next save
  }

  /** @param {Report} report @returns {Promise<Delivery>} */
  async report(report) {
    if (!this.ok) return "failed";
    if (this.facts.mode !== "Normal") return "sent"; // Python sends none; nothing to record (10.2.2)
    const duration = isoDuration(Date.now() - this.started);
    if (!this.record.completed && !this.verbs.has("completed")) {
      this.enqueue("completed", { completion: true, duration }, true);
      this.record.completed = true;
    }
    const judged = {
      score: { scaled: report.percent / 100, raw: report.percent, min: 0, max: 100 },
      success: report.passed,
      duration,
      extensions: Object.fromEntries(Object.entries(facts(report)).map(([k, v]) => [EXTENSION(k), v])),
    };
    if (report.passed && !this.record.passed) {
      this.heldFail = null; // the pass is this session's one judgement
      this.enqueue("passed", judged, true);
      this.record.passed = true;
    } else if (!report.passed && !this.record.passed) {
      this.heldFail = this.statement("failed", judged, true); // sent when the session ends
    }
    this.keep();
    const flushed = await this.flush();
    if (!flushed) return "failed";
    return this.heldFail ? "held" : "sent";
  }

  async retry() {
    return (await this.flush()) ? (this.heldFail ? "held" : "sent") : "failed";
  }

  /** The session's last statements: the held fail, if no pass came, then terminated (7.1.2). */
  closing() {
    if (this.heldFail) this.queue.push(this.heldFail);
    this.heldFail = null;
    this.enqueue("terminated", { duration: isoDuration(Date.now() - this.started) });
    const rest = this.queue.filter((s) => s !== this.inFlight);
    this.done = true;
    return rest;
  }

  // The page is going: what is left leaves in one request, in order, which keepalive lets outlive the page.
  finish() {
    if (!this.ok || this.done) return;
    const rest = this.closing();
    this.send(`${this.launch.endpoint}statements`, {
      method: "POST", headers: this.headers(), body: JSON.stringify(rest), keepalive: true,
    }).catch(() => {});
  }

  // The reader chose to leave: the same, waited for, then back to the learning system (10.2.6).
  async exit() {
    if (this.ok && !this.done) {
      const rest = this.closing();
      try {
        await this.send(`${this.launch.endpoint}statements`, {
          method: "POST", headers: this.headers(), body: JSON.stringify(rest), keepalive: true,
        });
      } catch {
        /* leaving anyway: the LMS abandons a session it did not hear end */
      }
    }
    if (this.facts.exit) window.location.assign(this.launchData.returnURL);
  }
}

/**
 * The cmi5 session for a cmi5 package's page.
 * @param {Window} win
 * @returns {Promise<Session>}
 */
export async function connectCmi5(win) {
  const read = launchParameters(win.location.search);
  if (read === null) return missingSession("cmi5", "this page was opened without a cmi5 launch from a learning system");
  if ("problem" in read) return missingSession("cmi5", `this launch is not valid: ${read.problem}. Nothing was sent.`);
  return new Cmi5Session(read.launch).start();
}

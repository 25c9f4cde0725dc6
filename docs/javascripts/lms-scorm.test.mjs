// The SCORM 1.2 adapter (docs/javascripts/lms-scorm.js) against scorm-again's real SCORM 1.2
// runtime (npm, pinned), run in Node: `npm test` (make test runs it).
import assert from "node:assert/strict";
import { test } from "node:test";
import { Scorm12API } from "scorm-again/scorm12";

import { connect } from "./lms.js";
import { ScormSession, SUSPEND_LIMIT, discoverScorm, finished, readableName, scormTimespan } from "./lms-scorm.js";

/** A runtime with stored data, every LMSSetValue recorded. */
function runtime(stored = {}) {
  const api = new Scorm12API({ autocommit: false, logLevel: 5 });
  api.loadFromFlattenedJSON(stored);
  const sets = [];
  api.on("LMSSetValue", (element, value) => sets.push([element, value]));
  return { api, sets };
}

const REPORT = {
  score: 10, out_of: 10, percent: 100, passed: true, pass_mark: 80, track: "staff",
  question_bank_version: "1d73a899", document_versions: { policy: "f8246cb2", procedure: "2f7f6eae" },
  review_by: "2028-12-07",
};
const PACKED_HALF = { lms: 1, v: "1d73a899", t: "staff", q: ["a", "b"], o: ["10", "01"], r: "1" };
const PACKED_DONE = { ...PACKED_HALF, r: "10" };

test("a launch reads the learner, a pass on record, the mastery score and the mode", () => {
  const { api } = runtime({ "cmi.core.student_name": "Tester, Ann", "cmi.student_data.mastery_score": "90",
    "cmi.core.lesson_status": "passed", "cmi.suspend_data": JSON.stringify(PACKED_DONE) });
  const session = new ScormSession(api);
  assert.equal(session.ok, true);
  assert.equal(session.learner, "Ann Tester");
  assert.deepEqual(session.facts, { passed: true, mastery: 0.9, mode: "Normal", exit: false, languages: [] });
  assert.deepEqual(session.savedState, PACKED_DONE);
});

test("a first launch marks the attempt incomplete; browse and review change no status", () => {
  const first = runtime();
  new ScormSession(first.api);
  assert.equal(first.api.getCMIValue("cmi.core.lesson_status"), "incomplete");
  const browse = runtime({ "cmi.core.lesson_mode": "browse" });
  const session = new ScormSession(browse.api);
  assert.equal(session.facts.mode, "Browse");
  assert.deepEqual(browse.sets, []);
});

test("progress is suspended only while the attempt is unfinished, and never over 4,096 characters", () => {
  const { api, sets } = runtime();
  const session = new ScormSession(api);
  session.save(PACKED_HALF);
  assert.equal(api.getCMIValue("cmi.suspend_data"), JSON.stringify(PACKED_HALF));
  assert.deepEqual(sets.at(-1), ["cmi.core.exit", "suspend"]);
  session.save(PACKED_DONE);
  assert.deepEqual(sets.at(-1), ["cmi.core.exit", ""]);
  const count = sets.length;
  session.save(PACKED_DONE); // unchanged: no second commit
  session.save({ ...PACKED_DONE, q: ["x".repeat(SUSPEND_LIMIT)] });
  assert.equal(sets.length, count);
  assert.equal(finished(PACKED_HALF), false);
  assert.equal(finished(PACKED_DONE), true);
});

test("a report sets the score, the status and the facts as objectives, and commits", async () => {
  const { api } = runtime();
  const session = new ScormSession(api);
  assert.equal(await session.report(REPORT), "sent");
  assert.equal(api.getCMIValue("cmi.core.lesson_status"), "passed");
  assert.deepEqual(["raw", "min", "max"].map((p) => api.getCMIValue(`cmi.core.score.${p}`)), ["100", "0", "100"]);
  const objectives = [0, 1, 2, 3, 4].map((n) => api.getCMIValue(`cmi.objectives.${n}.id`));
  assert.deepEqual(objectives, ["track-staff", "question-bank-1d73a899", "policy-version-f8246cb2",
    "procedure-version-2f7f6eae", "review-by-2028-12-07"]);
  session.finish();
  assert.equal(api.isTerminated(), true);
});

test("a runtime that refuses a value makes the report fail with the runtime's own error", async () => {
  const { api } = runtime();
  const session = new ScormSession(api);
  assert.equal(await session.report({ ...REPORT, percent: 101 }), "failed");
  assert.match(session.problem, /LMSSetValue cmi.core.score.raw failed \(error \d+/);
});

test("the API is found up the parents, then the opener's, within seven steps; never across origins", () => {
  const frame = (api, parent) => { const w = { API: api }; w.parent = parent || w; return w; };
  const top = frame({ name: "top" });
  const chain = (depth) => { let w = top; for (let i = 0; i < depth; i++) w = frame(undefined, w); return w; };
  const guarded = { get API() { throw new Error("SecurityError"); } };
  guarded.parent = guarded;
  assert.equal(discoverScorm(chain(3))?.name, "top");
  assert.equal(discoverScorm({ ...frame(undefined), opener: chain(2) })?.name, "top");
  assert.equal(discoverScorm(chain(9)), null);
  assert.equal(discoverScorm(guarded), null);
});

test("times and names in SCORM 1.2's forms", () => {
  assert.deepEqual([0, 3723.5e3, 59.999e3, 100 * 3600e3].map(scormTimespan),
    ["00:00:00.00", "01:02:03.50", "00:01:00.00", "100:00:00.00"]);
  assert.deepEqual(["Tester, Ann", "Ann Tester", "", "a, b, c"].map(readableName), ["Ann Tester", "Ann Tester", "", "a b c"]);
});

test("outside a package nothing connects, whatever the window offers", async () => {
  const site = { API: runtime().api, document: { documentElement: { dataset: {} } }, location: { search: "" } };
  site.parent = site;
  assert.equal(await connect(/** @type {any} */ (site)), null);
  const packaged = { ...site, document: { documentElement: { dataset: { lmsPackage: "scorm" } } } };
  packaged.parent = packaged;
  assert.equal((await connect(/** @type {any} */ (packaged)))?.kind, "scorm");
});

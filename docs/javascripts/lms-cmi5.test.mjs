// The cmi5 adapter (docs/javascripts/lms-cmi5.js) against the answers a real LRS (Ralph) behind the
// stand-in LMS gave, recorded in tests/data/cmi5-exchange.json by tests/support/record_cmi5_exchange.py.
// Run in Node: `npm test` (make test runs it).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Cmi5Session, STATE_ID, isoDuration, languages, launchParameters } from "./lms-cmi5.js";

const RECORDED = JSON.parse(readFileSync(new URL("../../tests/data/cmi5-exchange.json", import.meta.url), "utf-8"));
const ACTOR = { objectType: "Agent", name: "Ann Tester", account: { homePage: "http://lms.test", name: "ann-4711" } };
const REGISTRATION = "760e3480-ba55-4991-94b0-01820dbd23a2";
const LAUNCH = {
  endpoint: "http://lms.test/xapi/", fetch: "http://lms.test/fetch/k1", actor: ACTOR,
  registration: REGISTRATION, activityId: "https://lms.test/activities/quiz-au-1",
};
const VERB = "http://adlnet.gov/expapi/verbs/";
const REPORT = {
  score: 7, out_of: 10, percent: 70, passed: false, pass_mark: 80, track: "staff",
  question_bank_version: "1d73a899", document_versions: { policy: "f8246cb2", procedure: "2f7f6eae" }, review_by: null,
};

/** A recorded answer as a fetch Response. */
const answer = ({ status, contentType, body }) =>
  new Response(status === 204 || body === null ? null : JSON.stringify(body), { status, headers: { "Content-Type": contentType } });

/**
 * The network, replayed: each request answered as Ralph and the stand-in answered it; `changes`
 * swap in other recorded answers (or documents) per request kind. Every request is logged.
 */
function network(changes = {}) {
  const log = [];
  const recorded = {
    fetch: RECORDED.fetch, launchData: RECORDED.launchData, preferences: RECORDED.preferencesNone,
    state: RECORDED.stateNone, statePut: RECORDED.statePut, statement: RECORDED.statement, statements: RECORDED.statements,
    ...changes,
  };
  const send = async (url, init = {}) => {
    const address = new URL(url);
    const method = init.method || "GET";
    const body = init.body ? JSON.parse(init.body) : undefined;
    let kind;
    if (address.pathname.startsWith("/fetch/")) kind = "fetch";
    else if (address.pathname.endsWith("/agents/profile")) kind = "preferences";
    else if (address.pathname.endsWith("/activities/state")) {
      kind = method === "PUT" ? "statePut" : address.searchParams.get("stateId") === "LMS.LaunchData" ? "launchData" : "state";
    } else kind = Array.isArray(body) ? "statements" : "statement";
    log.push({ kind, method, url: address, headers: init.headers || {}, body, keepalive: init.keepalive === true });
    return answer(recorded[kind]);
  };
  return { send, log };
}

const verbs = (log) => log.filter((r) => r.kind.startsWith("statement") && r.method === "POST")
  .flatMap((r) => [r.body].flat()).map((s) => s.verb.id.replace(VERB, ""));

test("the launch is read from the query string in any order, and checked", () => {
  const query = (values) => "?" + new URLSearchParams({
    activityId: LAUNCH.activityId, actor: JSON.stringify(ACTOR), registration: REGISTRATION,
    fetch: LAUNCH.fetch, endpoint: "http://lms.test/xapi", ...values }).toString();
  assert.deepEqual(launchParameters(query({})), { launch: LAUNCH });
  assert.equal(launchParameters("?track=staff"), null); // not a cmi5 launch at all
  const problem = (values) => launchParameters(query(values)).problem;
  assert.equal(problem({ fetch: "" }), "it has no fetch");
  assert.equal(problem({ endpoint: "https://lrs.elsewhere.test/xapi/" }), "its endpoint and fetch addresses are on different hosts");
  assert.equal(problem({ endpoint: "javascript:alert(1)", fetch: "javascript:alert(1)" }),
    "its endpoint and fetch addresses must be http or https addresses");
  assert.equal(problem({ registration: "r1" }), "its registration is not a UUID");
  assert.equal(problem({ actor: "not json" }), "its actor is not an Agent with an account");
  assert.equal(problem({ actor: JSON.stringify({ mbox: "mailto:a@b.c" }) }), "its actor is not an Agent with an account");
  assert.equal(problem({ actor: JSON.stringify([ACTOR]) }), "its actor is not an Agent with an account");
  assert.equal(problem({ activityId: "quiz" }), "its activityId is not an IRI");
});

test("start: POST the fetch URL once, read LMS.LaunchData, the preferences and the AU's state, then initialized", async () => {
  const { send, log } = network();
  const session = await new Cmi5Session(LAUNCH, send).start();
  assert.equal(session.ok, true, session.problem);
  assert.deepEqual(log.map((r) => `${r.method} ${r.kind}`),
    ["POST fetch", "GET launchData", "GET preferences", "GET state", "POST statement"]);
  assert.equal(log[3].url.searchParams.get("stateId"), STATE_ID);
  for (const request of log.slice(1)) {
    assert.equal(request.headers.Authorization, `Basic ${RECORDED.fetch.body["auth-token"]}`);
    assert.equal(request.headers["X-Experience-API-Version"], "1.0.3");
    assert.equal(request.url.href.startsWith(LAUNCH.endpoint), true);
  }
  for (const request of log.slice(1, 4)) {
    assert.deepEqual(JSON.parse(String(request.url.searchParams.get("agent"))), ACTOR); // the launch's actor (8.1.3)
  }
  const initialized = log[4].body;
  assert.match(initialized.id, /^[0-9a-f-]{36}$/);
  assert.match(initialized.timestamp, /Z$/);
  assert.deepEqual(initialized.object, { objectType: "Activity", id: LAUNCH.activityId });
  assert.equal(initialized.context.registration, REGISTRATION);
  assert.deepEqual(initialized.context.extensions, RECORDED.launchData.body.contextTemplate.extensions);
  assert.deepEqual(initialized.context.contextActivities.grouping, RECORDED.launchData.body.contextTemplate.contextActivities.grouping);
  assert.equal("result" in initialized, false);
  assert.deepEqual(session.facts, { passed: false, mastery: 0.8, mode: "Normal", exit: true, languages: [] });
});

test("a fail waits for the end of the session; a pass in the same session replaces it; each goes once", async () => {
  const { send, log } = network();
  const session = await new Cmi5Session(LAUNCH, send).start();
  assert.equal(await session.report(REPORT), "held");
  assert.deepEqual(verbs(log), ["initialized", "completed"]);
  assert.equal(await session.report({ ...REPORT, score: 10, percent: 100, passed: true, review_by: "2028-12-07" }), "sent");
  assert.deepEqual(verbs(log), ["initialized", "completed", "passed"]);
  const passed = log.at(-1).body;
  assert.deepEqual(passed.result.score, { scaled: 1, raw: 100, min: 0, max: 100 });
  assert.equal(passed.result.success, true);
  assert.equal(passed.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"], 0.8);
  assert.ok(passed.context.contextActivities.category.some((c) => c.id.endsWith("/categories/moveon")));
  const puts = log.filter((r) => r.kind === "statePut");
  assert.deepEqual([...new Set(puts.map((r) => r.url.searchParams.get("stateId")))], [STATE_ID]); // never LMS.LaunchData
  const kept = puts.at(-1).body;
  assert.equal(kept.passed, true);
  assert.equal(kept.completed, true);
  session.finish();
  const last = log.at(-1);
  assert.equal(last.kind, "statements"); // what is left goes in one request, in order
  assert.equal(last.keepalive, true);
  assert.deepEqual(verbs(log), ["initialized", "completed", "passed", "terminated"]);
  assert.match(last.body[0].result.duration, /^PT\d+\.\d\dS$/);
});

test("a fail that no pass replaced goes when the page goes, before terminated, in one keepalive request", async () => {
  const { send, log } = network();
  const session = await new Cmi5Session(LAUNCH, send).start();
  await session.report(REPORT);
  session.finish();
  session.finish(); // pagehide twice: one terminated
  assert.deepEqual(log.at(-1).body.map((s) => s.verb.id.replace(VERB, "")), ["failed", "terminated"]);
  assert.deepEqual(verbs(log), ["initialized", "completed", "failed", "terminated"]);
  assert.equal(log.at(-1).body[0].result.success, false);
});

test("a registration the AU's state says is passed and completed gets neither again", async () => {
  const state = { status: 200, contentType: "application/json", body: { progress: { lms: 1 }, passed: true, completed: true } };
  const { send, log } = network({ state });
  const session = await new Cmi5Session(LAUNCH, send).start();
  assert.equal(session.facts.passed, true);
  assert.deepEqual(session.savedState, { lms: 1 });
  await session.report({ ...REPORT, passed: true });
  session.finish();
  assert.deepEqual(verbs(log), ["initialized", "terminated"]);
});

test("Browse keeps nothing and sends only initialized and terminated; preferences are read", async () => {
  const launchData = { ...RECORDED.launchData, body: { ...RECORDED.launchData.body, launchMode: "Browse" } };
  const preferences = { status: 200, contentType: "application/json", body: { languagePreference: "fr-FR, en-GB", audioPreference: "off" } };
  const { send, log } = network({ launchData, preferences });
  const session = await new Cmi5Session(LAUNCH, send).start();
  assert.equal(session.facts.mode, "Browse");
  assert.deepEqual(session.facts.languages, ["fr-FR", "en-GB"]);
  session.save({ lms: 1 });
  session.finish();
  assert.deepEqual(verbs(log), ["initialized", "terminated"]);
  assert.equal(log.some((r) => r.kind === "statePut"), false);
  assert.deepEqual(languages(null), []);
});

test("a 403 for the preferences is not an error (cmi5 11.0)", async () => {
  const { send } = network({ preferences: { status: 403, contentType: "application/json", body: {} } });
  const session = await new Cmi5Session(LAUNCH, send).start();
  assert.equal(session.ok, true);
  assert.deepEqual(session.facts.languages, []);
});

test("a fetch URL used before, or a token the LRS refuses, is said in words and nothing more is sent", async () => {
  const again = network({ fetch: RECORDED.fetchAgain });
  const session = await new Cmi5Session(LAUNCH, again.send).start();
  assert.equal(session.ok, false);
  assert.equal(session.problem, "the fetch URL said: Already in use");
  assert.equal(again.log.length, 1);
  const refused = network({ statement: RECORDED.statementRefused });
  const other = await new Cmi5Session(LAUNCH, refused.send).start();
  assert.equal(other.problem, "the LRS answered 401");
  assert.equal(await other.retry(), "failed");
});

test("durations in xAPI's ISO 8601 form", () => {
  assert.equal(isoDuration(83456), "PT83.46S");
  assert.equal(isoDuration(-5), "PT0.00S");
});

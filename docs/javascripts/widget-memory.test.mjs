// Unit tests (node --test) for widget-memory.js's storage policy: what a widget keeps where, and when.
import assert from "node:assert/strict";
import { test } from "node:test";
import { afterReply, atMount, forgottenElsewhere } from "./widget-memory.js";

const STATE = { v: "1", stage: "question" };

test("a tab's own visit wins over the device, and a device copy it kept but lost means forgotten elsewhere", () => {
  assert.deepEqual(atMount(null, null), { state: null, kept: false, forgotten: false });
  assert.deepEqual(atMount(null, STATE), { state: STATE, kept: true, forgotten: false });
  assert.deepEqual(atMount({ state: STATE, kept: false }, { other: 1 }), { state: STATE, kept: false, forgotten: false });
  assert.deepEqual(atMount({ state: STATE, kept: true }, STATE), { state: STATE, kept: true, forgotten: false });
  assert.deepEqual(atMount({ state: STATE, kept: true }, null), { state: STATE, kept: false, forgotten: true });
});

test("a reader's answer with store true keeps it on the device and in the visit", () => {
  const next = afterReply({ state: null, kept: false, forgotten: false }, "answer", { state: STATE, store: true });
  assert.deepEqual(next, { memory: { state: STATE, kept: true, forgotten: false }, device: true, visit: true });
});

test("the start never writes: not to the device, not to the visit", () => {
  const next = afterReply({ state: STATE, kept: true, forgotten: false }, "start", { state: STATE, store: true });
  assert.equal(next.device, null);
  assert.equal(next.visit, false);
  assert.equal(next.memory.kept, true);
});

test("nothing is stored again until Python has forgotten what another tab forgot", () => {
  const forgotten = { state: STATE, kept: false, forgotten: true };
  assert.equal(afterReply(forgotten, "answer", { state: STATE, store: true }).device, null);
  const told = afterReply(forgotten, "forget", { state: { ...STATE, remember: false }, store: false });
  assert.deepEqual(told.memory, { state: { ...STATE, remember: false }, kept: false, forgotten: false });
  assert.equal(told.device, false);
});

test("store false forgets; no store leaves the device and what it holds alone", () => {
  const kept = { state: STATE, kept: true, forgotten: false };
  assert.equal(afterReply(kept, "forget", { state: STATE, store: false }).memory.kept, false);
  const left = afterReply(kept, "next", { state: STATE, store: null });
  assert.equal(left.device, null);
  assert.equal(left.memory.kept, true);
  assert.equal(afterReply(kept, "next", { state: undefined, store: null }).memory.state, null);
});

test("a forget elsewhere asks this tab to forget only what it had kept", () => {
  assert.deepEqual(forgottenElsewhere({ state: STATE, kept: false, forgotten: false }).forget, false);
  const next = forgottenElsewhere({ state: STATE, kept: true, forgotten: false });
  assert.equal(next.forget, true);
  assert.equal(next.memory.forgotten, true);
});

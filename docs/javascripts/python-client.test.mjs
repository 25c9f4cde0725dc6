// Unit tests (node --test) for python-client.js's request queue and watchdog (no worker needed).
import assert from "node:assert/strict";
import { test } from "node:test";
import { serial, watchdog } from "./python-client.js";

test("serial runs one task at a time, in the order given, and a failure does not stop the next", async () => {
  const queue = serial();
  const log = [];
  const slow = queue(async () => {
    log.push("slow starts");
    await new Promise((resolve) => setTimeout(resolve, 20));
    log.push("slow ends");
    return 1;
  });
  const failing = queue(async () => {
    log.push("failing");
    throw new Error("no");
  });
  const last = queue(async () => {
    log.push("last");
    return 3;
  });
  assert.equal(await slow, 1);
  await assert.rejects(failing, /no/);
  assert.equal(await last, 3);
  assert.deepEqual(log, ["slow starts", "slow ends", "failing", "last"]);
});

/** A clock the test moves by hand. */
function fakeTimers() {
  let now = 0;
  const timers = new Map();
  let nextId = 0;
  return {
    setTimeout(f, ms) {
      timers.set(++nextId, { f, at: now + ms });
      return nextId;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    advance(ms) {
      now += ms;
      for (const [id, { f, at }] of [...timers]) if (at <= now) (timers.delete(id), f());
    },
  };
}

test("the watchdog fires only after the limit passes with no kick, and never once stopped", () => {
  const clock = fakeTimers();
  let stalls = 0;
  const dog = watchdog(30_000, () => (stalls += 1), clock);
  dog.kick();
  clock.advance(29_000);
  dog.kick(); // bytes arrived: the wait starts again
  clock.advance(29_000);
  assert.equal(stalls, 0);
  clock.advance(1_000);
  assert.equal(stalls, 1);
  dog.kick();
  dog.stop();
  clock.advance(60_000);
  assert.equal(stalls, 1);
});

// @ts-check
// What a widget keeps between pages: the storage policy as a pure reducer, and the two stores.
// Two places, with different rules (see docs/privacy.md):
// - the visit: session storage, which the browser empties when the tab closes. Always kept, as it
//   is strictly necessary for what the reader is doing: reading a clause a question links to and
//   coming back must not lose the attempt. Each tab has its own.
// - the device: local storage, only while the reader has asked to remember (Python says when, with
//   `store`). It is shared by every tab; the last answer given in any tab is what it holds, and
//   "forget" in one tab is honoured in all of them (the storage event, below).

/** @typedef {import("../../types/protocol").Response} Response */
/** @typedef {{state: unknown, kept: boolean}} Visit  what this tab keeps (kept: the device holds it too) */
/** What a mounted widget knows about its own storage.
 * @typedef {{state: unknown, kept: boolean, forgotten: boolean}} Memory
 *   state: what Python last returned; kept: the device holds it for this tab;
 *   forgotten: another tab (or clearing site data) forgot it, and Python has not been told yet */

/** At mount: this tab's own progress if it has any (a clause read mid-quiz), otherwise what the
 *  reader asked the device to remember. If this tab kept it on the device and it is gone, another
 *  tab forgot it: forget here too, before anything is stored again.
 * @param {Visit | null} visit @param {unknown} device @returns {Memory} */
export function atMount(visit, device) {
  if (!visit) return { state: device, kept: device !== null, forgotten: false };
  return { state: visit.state, kept: visit.kept && device !== null, forgotten: visit.kept && device === null };
}

/** After Python answered `action`: the new memory, what to do to the device (true keep, false forget,
 *  null leave alone) and whether to write the visit. Only a reader's own answer puts state on the
 *  device: not the start, which shows what was already kept, and nothing until Python has forgotten
 *  what another tab forgot.
 * @param {Memory} memory @param {string} action @param {Pick<Response, "state" | "store">} response
 * @returns {{memory: Memory, device: boolean | null, visit: boolean}} */
export function afterReply(memory, action, response) {
  const forgotten = action === "forget" ? false : memory.forgotten;
  const store = response.store ?? null;
  const device = (forgotten || action === "start") && store === true ? null : store;
  const kept = device === null ? memory.kept : device;
  return { memory: { state: response.state ?? null, kept, forgotten }, device, visit: action !== "start" };
}

/** Another tab forgot this widget's state on the device: whether to ask Python to forget it here too.
 * @param {Memory} memory @returns {{memory: Memory, forget: boolean}} */
export function forgottenElsewhere(memory) {
  if (!memory.kept) return { memory, forget: false };
  return { memory: { ...memory, forgotten: true }, forget: true };
}

const DEVICE_PREFIX = "council-widget:";
const VISIT_PREFIX = "council-visit:";
// If session storage is blocked, the visit lasts while this script does (across instant navigation).
/** @type {Map<string, Visit>} */
const visitFallback = new Map();

/** @param {Storage} storage @param {string} key @returns {any} */
function read(storage, key) {
  try {
    const text = storage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // blocked or corrupt: start afresh
  }
}

/** The state kept on the device for a widget, or null. @param {string} name @returns {unknown} */
export function readDevice(name) {
  return read(localStorage, DEVICE_PREFIX + name);
}

/** Keep (store true) or forget (store false) a widget's state on the device; null leaves it alone.
 * @param {string} name @param {boolean | null} store @param {unknown} state */
export function writeDevice(name, store, state) {
  try {
    if (store === true) localStorage.setItem(DEVICE_PREFIX + name, JSON.stringify(state));
    if (store === false) localStorage.removeItem(DEVICE_PREFIX + name);
  } catch {
    /* storage unavailable: the widget still works for this visit */
  }
}

/** This tab's {state, kept} for a widget (kept: the device holds it too), or null.
 * @param {string} name @returns {Visit | null} */
export function readVisit(name) {
  return read(sessionStorage, VISIT_PREFIX + name) ?? visitFallback.get(name) ?? null;
}

/** @param {string} name @param {unknown} state @param {boolean} kept */
export function writeVisit(name, state, kept) {
  const visit = { state, kept };
  visitFallback.set(name, visit);
  try {
    sessionStorage.setItem(VISIT_PREFIX + name, JSON.stringify(visit));
  } catch {
    /* session storage blocked: the fallback above keeps it */
  }
}

/** Call listener(name) when another tab forgets a widget's state on the device (name null: all of them).
 * @param {(name: string | null) => void} listener */
export function onForgottenElsewhere(listener) {
  window.addEventListener("storage", (event) => {
    if (event.storageArea !== localStorage) return;
    if (event.key === null) listener(null); // the site's storage was cleared
    else if (event.key.startsWith(DEVICE_PREFIX) && event.newValue === null) listener(event.key.slice(DEVICE_PREFIX.length));
  });
}

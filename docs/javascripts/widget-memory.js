// What a widget keeps between pages. Two places, with different rules (see docs/privacy.md):
// - the visit: session storage, which the browser empties when the tab closes. Always kept, as it
//   is strictly necessary for what the reader is doing: reading a clause a question links to and
//   coming back must not lose the attempt. Each tab has its own.
// - the device: local storage, only while the reader has asked to remember (Python says when, with
//   `store`). It is shared by every tab; the last answer given in any tab is what it holds, and
//   "forget" in one tab is honoured in all of them (the storage event, below).

const DEVICE_PREFIX = "council-widget:";
const VISIT_PREFIX = "council-visit:";
// If session storage is blocked, the visit lasts while this script does (across instant navigation).
const visitFallback = new Map();

function read(storage, key) {
  try {
    const text = storage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // blocked or corrupt: start afresh
  }
}

/** The state kept on the device for a widget, or null. */
export function readDevice(name) {
  return read(localStorage, DEVICE_PREFIX + name);
}

/** Keep (store true) or forget (store false) a widget's state on the device; null leaves it alone. */
export function writeDevice(name, store, state) {
  try {
    if (store === true) localStorage.setItem(DEVICE_PREFIX + name, JSON.stringify(state));
    if (store === false) localStorage.removeItem(DEVICE_PREFIX + name);
  } catch {
    /* storage unavailable: the widget still works for this visit */
  }
}

/** This tab's {state, kept} for a widget (kept: the device holds it too), or null. */
export function readVisit(name) {
  return read(sessionStorage, VISIT_PREFIX + name) ?? visitFallback.get(name) ?? null;
}

export function writeVisit(name, state, kept) {
  const visit = { state, kept };
  visitFallback.set(name, visit);
  try {
    sessionStorage.setItem(VISIT_PREFIX + name, JSON.stringify(visit));
  } catch {
    /* session storage blocked: the fallback above keeps it */
  }
}

/** Call listener(name) when another tab forgets a widget's state on the device (name null: all of them). */
export function onForgottenElsewhere(listener) {
  window.addEventListener("storage", (event) => {
    if (event.storageArea !== localStorage) return;
    if (event.key === null) listener(null); // the site's storage was cleared
    else if (event.key.startsWith(DEVICE_PREFIX) && event.newValue === null) listener(event.key.slice(DEVICE_PREFIX.length));
  });
}

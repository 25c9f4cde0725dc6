// @ts-check
// Material's storage helpers (its partials/javascripts/base.html), moved out of the page so that a
// Content-Security-Policy without 'unsafe-inline' allows them. Material writes the site root into
// that inline script as a relative path, different at every depth; this file finds the root from
// its own address instead (it lives in javascripts/, one level below the root), so one file serves
// every page. Names and behaviour are Material's: its bundle calls __md_get and __md_set.
__md_scope = new URL("..", /** @type {HTMLScriptElement} */ (document.currentScript).src);
__md_hash = (value) => [...value].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
__md_get = (key, storage = localStorage, scope = __md_scope) =>
  JSON.parse(/** @type {string} */ (storage.getItem(scope.pathname + "." + key)));
__md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch {
    /* storage full or blocked: the setting lasts for this page only */
  }
};

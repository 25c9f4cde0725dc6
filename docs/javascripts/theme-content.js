// @ts-check
// Material's content script (its partials/javascripts/content.html), moved out of the page for the
// Content-Security-Policy: a link to a tab of tabbed content opens that tab. Material runs it again
// after each instant navigation, as it does every script inside the page's content.
(() => {
  const target = /** @type {HTMLInputElement | null} */ (document.getElementById(location.hash.slice(1)));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();

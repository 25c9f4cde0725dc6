// @ts-check
// Material's colour-scheme restore (its partials/javascripts/palette.html), moved out of the page for
// the Content-Security-Policy. It runs where Material ran it, straight after the header's colour
// toggle, so the reader's chosen colours apply before the page is painted.
(() => {
  const palette = __md_get("__palette");
  if (!palette || !palette.color) return;
  if (palette.color.media === "(prefers-color-scheme)") {
    // "Follow the system": take the scheme of the toggle that matches the system's preference now.
    const light = matchMedia("(prefers-color-scheme: light)").matches;
    const input = /** @type {Element} */ (document.querySelector(
      light ? "[data-md-color-media='(prefers-color-scheme: light)']" : "[data-md-color-media='(prefers-color-scheme: dark)']",
    ));
    for (const key of ["media", "scheme", "primary", "accent"]) palette.color[key] = input.getAttribute(`data-md-color-${key}`);
  }
  for (const [key, value] of Object.entries(palette.color)) document.body.setAttribute(`data-md-color-${key}`, value);
})();

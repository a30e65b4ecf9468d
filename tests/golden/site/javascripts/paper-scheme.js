// Paper pages (overrides/paper.html) load this first thing in <body>, before anything is drawn: it sets
// the colour scheme stored where Material keeps it, or the system's, so no page flashes the wrong one.
// A file rather than inline code: the browser caches it once instead of every page repeating it.
(() => {
  // The site's root is where this file's folder is: no page needs to say it.
  const key = `${new URL("..", document.currentScript.src).pathname}.__palette`;
  let stored;
  try {
    stored = JSON.parse(localStorage.getItem(key));
  } catch (error) {
    stored = null;
  }
  const dark = matchMedia("(prefers-color-scheme: dark)").matches;
  document.body.dataset.mdColorScheme = stored && stored.color ? stored.color.scheme : dark ? "slate" : "default";
})();

// The slim pages (overrides/slim.html) do without Material's scripts: this switches the colour scheme,
// stored where Material keeps it so that every page agrees, and copies citations and the permalink. On
// Material's pages it only lets the keyboard reach tables that scroll.
(() => {
  "use strict";
  const body = document.body;
  const bar = document.querySelector(".ps-bar");
  if (!bar) {
    // Material's pages: Material wraps each table in a box that scrolls sideways when the table is wider
    // than the page; a box that scrolls must take the focus, so that a keyboard can scroll it as well.
    // document$ is Material's documented hook for extra scripts: it emits once the page's tables are wrapped.
    if (window.document$) {
      window.document$.subscribe(() => {
        document.querySelectorAll(".md-typeset__scrollwrap").forEach((box, index) => {
          box.tabIndex = 0;
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", `Table ${index + 1}`);
        });
      });
    }
    return;
  }
  const key = `${new URL("..", document.currentScript.src).pathname}.__palette`;
  const schemes = [
    { media: "(prefers-color-scheme: light)", scheme: "default" },
    { media: "(prefers-color-scheme: dark)", scheme: "slate" },
  ];

  // Buttons are made here, not in the page: without this script they would do nothing.
  function button(className, text) {
    const made = document.createElement("button");
    made.type = "button";
    made.className = className;
    made.textContent = text;
    return made;
  }

  // Material's toggle: its icons (weather-night, weather-sunny) and names (mkdocs.yml's palette).
  const toggles = {
    default: {
      name: "Switch to dark mode",
      path: "m17.75 4.09-2.53 1.94.91 3.06-2.63-1.81-2.63 1.81.91-3.06-2.53-1.94L12.44 4l1.06-3 1.06 3zm3.5 6.91-1.64 1.25.59 1.98-1.7-1.17-1.7 1.17.59-1.98L15.75 11l2.06-.05L18.5 9l.69 1.95zm-2.28 4.95c.83-.08 1.72 1.1 1.19 1.85-.32.45-.66.87-1.08 1.27C15.17 23 8.84 23 4.94 19.07c-3.91-3.9-3.91-10.24 0-14.14.4-.4.82-.76 1.27-1.08.75-.53 1.93.36 1.85 1.19-.27 2.86.69 5.83 2.89 8.02a9.96 9.96 0 0 0 8.02 2.89m-1.64 2.02a12.08 12.08 0 0 1-7.8-3.47c-2.17-2.19-3.33-5-3.49-7.82-2.81 3.14-2.7 7.96.31 10.98 3.02 3.01 7.84 3.12 10.98.31",
    },
    slate: {
      name: "Switch to light mode",
      path: "M12 7a5 5 0 0 1 5 5 5 5 0 0 1-5 5 5 5 0 0 1-5-5 5 5 0 0 1 5-5m0 2a3 3 0 0 0-3 3 3 3 0 0 0 3 3 3 3 0 0 0 3-3 3 3 0 0 0-3-3m0-7 2.39 3.42C13.65 5.15 12.84 5 12 5s-1.65.15-2.39.42zM3.34 7l4.16-.35A7.2 7.2 0 0 0 5.94 8.5c-.44.74-.69 1.5-.83 2.29zm.02 10 1.76-3.77a7.131 7.131 0 0 0 2.38 4.14zM20.65 7l-1.77 3.79a7.02 7.02 0 0 0-2.38-4.15zm-.01 10-4.14.36c.59-.51 1.12-1.14 1.54-1.86.42-.73.69-1.5.83-2.29zM12 22l-2.41-3.44c.74.27 1.55.44 2.41.44.82 0 1.63-.17 2.37-.44z",
    },
  };
  const scheme = button("ps-bar__scheme", "");
  function drawScheme() {
    const toggle = toggles[body.dataset.mdColorScheme === "slate" ? "slate" : "default"];
    scheme.title = toggle.name;
    scheme.setAttribute("aria-label", toggle.name);
    scheme.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${toggle.path}"/></svg>`;
  }
  drawScheme();
  bar.append(scheme);
  scheme.addEventListener("click", () => {
    const index = body.dataset.mdColorScheme === "slate" ? 0 : 1;
    const color = { ...schemes[index], primary: "indigo", accent: "indigo" };
    body.dataset.mdColorScheme = color.scheme;
    drawScheme();
    try {
      localStorage.setItem(key, JSON.stringify({ index, color }));
    } catch (error) {
      console.warn(error);
    }
  });

  // A copy says what it did beside its button; when the browser refuses (no clipboard outside HTTPS, or
  // permission denied), it says so and leaves the text selected, to be copied by hand.
  function copier(copy, text, selectable) {
    const said = document.createElement("span");
    said.className = "ps-copied";
    said.setAttribute("role", "status");
    copy.after(said);
    const label = copy.textContent;
    copy.addEventListener("click", async () => {
      try {
        if (!navigator.clipboard) throw new Error("this page cannot reach the clipboard");
        await navigator.clipboard.writeText(text());
        copy.textContent = "Copied";
        said.textContent = "";
        window.setTimeout(() => (copy.textContent = label), 1500);
      } catch (error) {
        if (selectable) window.getSelection().selectAllChildren(selectable);
        said.textContent = selectable
          ? "Copying failed: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it."
          : `Copying failed: the permalink is ${text()}`;
      }
    });
  }

  const canonical = document.querySelector("link[rel=canonical]");
  const actions = document.querySelector(".ps-actions");
  if (actions) {
    const permalink = button("ps-permalink", "Copy permalink");
    actions.prepend(permalink);
    copier(permalink, () => (canonical ? canonical.href : window.location.href), null);
  }
  for (const block of document.querySelectorAll(".ps-cite pre")) {
    const copy = button("ps-copy", `Copy ${block.dataset.format || "citation"}`);
    block.before(copy);
    copier(copy, () => block.textContent, block);
  }
})();

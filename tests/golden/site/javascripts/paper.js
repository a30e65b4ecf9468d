// Paper pages (overrides/paper.html) do without Material's scripts: this switches the colour scheme,
// stored where Material keeps it so that every page agrees, and copies citations and the permalink.
(() => {
  "use strict";
  const body = document.body;
  const bar = document.querySelector(".ps-bar");
  if (!bar) return;
  const key = `${new URL("..", document.currentScript.src).pathname}.__palette`;
  const schemes = [
    { media: "(prefers-color-scheme: light)", scheme: "default" },
    { media: "(prefers-color-scheme: dark)", scheme: "slate" },
  ];

  // Buttons are made here, not in the page: without this script they would do nothing.
  function button(className, label, text) {
    const made = document.createElement("button");
    made.type = "button";
    made.className = className;
    made.textContent = text;
    if (label) made.setAttribute("aria-label", label);
    return made;
  }

  const scheme = button("ps-bar__scheme", "Switch between light and dark", "◐");
  bar.append(scheme);
  scheme.addEventListener("click", () => {
    const index = body.dataset.mdColorScheme === "slate" ? 0 : 1;
    const color = { ...schemes[index], primary: "indigo", accent: "indigo" };
    body.dataset.mdColorScheme = color.scheme;
    try {
      localStorage.setItem(key, JSON.stringify({ index, color }));
    } catch (error) {
      console.warn(error);
    }
  });

  function copier(button, text) {
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(text());
      const label = button.textContent;
      button.textContent = "Copied";
      window.setTimeout(() => (button.textContent = label), 1500);
    });
  }

  const canonical = document.querySelector("link[rel=canonical]");
  const actions = document.querySelector(".ps-actions");
  if (actions) {
    const permalink = button("ps-permalink", null, "Copy permalink");
    copier(permalink, () => (canonical ? canonical.href : window.location.href));
    actions.prepend(permalink);
  }
  for (const block of document.querySelectorAll(".ps-cite pre")) {
    const copy = button("ps-copy", `Copy the ${block.dataset.format || "citation"}`, "Copy");
    copier(copy, () => block.textContent);
    block.before(copy);
  }
})();

// Paper pages (overrides/paper.html) do without Material's scripts: this switches the colour scheme,
// stored where Material keeps it so that every page agrees, and copies citations and the permalink.
(() => {
  "use strict";
  const body = document.body;
  if (!body.dataset.psBase) return;
  const key = `${new URL(body.dataset.psBase, window.location.href).pathname}.__palette`;
  const schemes = [
    { media: "(prefers-color-scheme: light)", scheme: "default" },
    { media: "(prefers-color-scheme: dark)", scheme: "slate" },
  ];

  document.querySelector("[data-ps-scheme]")?.addEventListener("click", () => {
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
  for (const button of document.querySelectorAll("[data-ps-copy-permalink]")) {
    copier(button, () => (canonical ? canonical.href : window.location.href));
  }
  for (const block of document.querySelectorAll(".ps-cite pre")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ps-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", `Copy the ${block.dataset.format || "citation"}`);
    copier(button, () => block.textContent);
    block.before(button);
  }
})();

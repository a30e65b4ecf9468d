// Paper search with Pagefind's JavaScript API: a query, tag filters combined with "all of" or
// "any of", and "has code". Everything a result shows is set as text, never as HTML.
(() => {
  "use strict";
  const root = document.querySelector("[data-ps-search]");
  if (!root) return;
  const input = root.querySelector("#ps-search-input");
  const panel = root.querySelector(".ps-search__panel");
  // Static markup, built here rather than sent with every page.
  panel.innerHTML = `
    <div class="ps-search__filters">
      <fieldset class="ps-search__mode">
        <legend>Papers with</legend>
        <label><input type="radio" name="ps-mode" value="all" checked> all of the tags</label>
        <label><input type="radio" name="ps-mode" value="any"> any of the tags</label>
        <label><input type="checkbox" name="ps-code"> code</label>
      </fieldset>
      <details class="ps-search__tags">
        <summary>Tags</summary>
        <div class="ps-search__tag-list" data-ps-tags><span>Loading tags…</span></div>
      </details>
    </div>
    <p class="ps-search__status" role="status" aria-live="polite"></p>
    <ol class="ps-search__results" data-ps-results></ol>`;
  const status = root.querySelector(".ps-search__status");
  const list = root.querySelector("[data-ps-results]");
  const tagBox = root.querySelector("[data-ps-tags]");
  const base = new URL(root.dataset.base, window.location.href);
  // Each shown result costs a fragment download: fetch no more than are shown.
  const SHOWN = 10;
  let pagefind = null;
  let generation = 0;

  async function engine() {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind/pagefind.js", base).href);
      await pagefind.options({ baseUrl: base.pathname });
      await pagefind.init();
    }
    return pagefind;
  }

  function chosenTags() {
    return [...tagBox.querySelectorAll("input:checked")].map((box) => box.value);
  }

  function filters() {
    const chosen = {};
    const tags = chosenTags();
    if (tags.length) {
      const mode = root.querySelector("input[name=ps-mode]:checked").value;
      chosen.tag = { [mode]: tags };
    }
    if (root.querySelector("input[name=ps-code]").checked) chosen.code = "has code";
    return chosen;
  }

  async function showTags() {
    const all = await (await engine()).filters();
    const counts = all.tag || {};
    tagBox.replaceChildren(
      ...Object.keys(counts)
        .sort((a, b) => a.localeCompare(b))
        .map((name) => {
          const label = document.createElement("label");
          const box = document.createElement("input");
          box.type = "checkbox";
          box.value = name;
          label.append(box, ` ${name} (${counts[name]})`);
          return label;
        }),
    );
  }

  // Pagefind weights the title highly; this also puts every paper whose title holds all the
  // query's words ahead of those that only mention them, whatever the abstracts' lengths.
  function titleFirst(query, items) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const inTitle = (item) => words.every((word) => (item.meta.title || "").toLowerCase().includes(word));
    return [...items.filter(inTitle), ...items.filter((item) => !inTitle(item))];
  }

  function excerptNodes(excerpt) {
    // Pagefind's excerpt is escaped text with <mark> around matches: keep the marks, nothing else.
    const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body.firstChild;
    return [...parsed.childNodes].map((node) => {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent);
    });
  }

  function resultItem(item) {
    const entry = document.createElement("li");
    const link = document.createElement("a");
    link.href = item.url;
    link.className = "ps-search__title";
    link.textContent = item.meta.title || item.url;
    const excerpt = document.createElement("p");
    excerpt.append(...excerptNodes(item.excerpt || ""));
    const tags = document.createElement("p");
    tags.className = "ps-search__result-tags";
    tags.textContent = ((item.filters && item.filters.tag) || []).join(" · ");
    entry.append(link, excerpt, tags);
    return entry;
  }

  async function run() {
    const mine = ++generation;
    const query = input.value.trim();
    const chosen = filters();
    if (!query && !Object.keys(chosen).length) {
      status.textContent = "Type a word, or pick tags.";
      list.replaceChildren();
      return;
    }
    const found = await (await engine()).search(query || null, { filters: chosen });
    if (mine !== generation || !found) return;
    const items = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
    if (mine !== generation) return;
    const ranked = query ? titleFirst(query, items) : items;
    const count = found.results.length;
    status.textContent = count === 1 ? "1 paper" : `${count} papers`;
    list.replaceChildren(...ranked.slice(0, SHOWN).map(resultItem));
  }

  let timer = 0;
  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => run().catch(report), 120);
  }

  function report(error) {
    status.textContent = "Search is not available right now.";
    console.warn(error);
  }

  function open() {
    panel.hidden = false;
  }

  // The tag list needs every filter's counts, a download of its own: only when a reader asks for it.
  let tagsShown = false;
  root.querySelector(".ps-search__tags").addEventListener("toggle", () => {
    if (tagsShown) return;
    tagsShown = true;
    showTags().catch(report);
  });

  input.addEventListener("focus", open);
  input.addEventListener("input", () => {
    open();
    soon();
  });
  root.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    soon();
  });
  panel.addEventListener("change", soon);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      panel.hidden = true;
      input.blur();
    }
  });
  document.addEventListener("click", (event) => {
    if (!root.contains(event.target)) panel.hidden = true;
  });
})();

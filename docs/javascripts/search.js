// Paper search over PaperShelf's own static index (generator/search/index.py describes its files):
// a query, tag filters combined with "all of" or "any of", and "has code". A first search fetches the
// entry file, one word chunk per query word and the few paper files of the results shown, whatever
// the catalog's size. Everything a result shows is set as text, never as HTML.
(() => {
  "use strict";
  const script = document.currentScript.src; // read now: it is null once this file has run
  // Material's pages hold the box's place in their header (overrides/partials/paper-search.html); the
  // slim pages of papers and lists (overrides/slim.html) leave it to this script, as the box needs it.
  let root = document.querySelector("[data-ps-search]");
  const bar = document.querySelector(".ps-bar");
  if (!root && bar) {
    root = document.createElement("div");
    root.className = "ps-search";
    root.dataset.psSearch = "";
    bar.append(root);
  }
  if (!root) return;
  // Static markup, built here rather than sent with every page.
  root.innerHTML = `
    <form class="ps-search__form" role="search" aria-label="Papers">
      <label class="ps-search__label" for="ps-search-input">Search papers</label>
      <input id="ps-search-input" class="ps-search__input" type="search" name="q" placeholder="Search papers"
        autocomplete="off" spellcheck="false" aria-controls="ps-search-panel" aria-keyshortcuts="/"
        aria-describedby="ps-search-keys">
      <p id="ps-search-keys" hidden>Down arrow moves to the results, Escape closes them.</p>
    </form>
    <div id="ps-search-panel" class="ps-search__panel md-typeset" tabindex="-1" hidden></div>`;
  const input = root.querySelector("#ps-search-input");
  const panel = root.querySelector(".ps-search__panel");
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
    <ol class="ps-search__results" data-ps-results></ol>
    <button type="button" class="ps-search__more" hidden>More results</button>`;
  const status = root.querySelector(".ps-search__status");
  const list = root.querySelector("[data-ps-results]");
  const more = root.querySelector(".ps-search__more");
  const tagBox = root.querySelector("[data-ps-tags]");
  const base = new URL("..", script); // the site's root: the folder above this file's (javascripts/search.js)
  const SHOWN = 10; // results per page of results: each may cost a paper file
  const PREFIX_WEIGHT = 0.6; // a word the query word only begins ranks below the word itself
  const PREFIX_CHUNKS = 2; // word chunks read for one query word, at most
  const WORD = /[\p{L}\p{N}]+/gu; // as generator/text/tokens.py's RUN, after NFKC and lowercasing (tests/test_tokens.py)
  const ACCENT = /[\u0300-\u036f]+/g; // as tokens.py's ACCENT
  const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g; // as tokens.py's CJK
  const STEM_WEIGHT = 0.8; // a word of the same stem ("agent" for "agents") ranks just below the word itself
  const PHRASE_CANDIDATES = 400; // papers a quoted phrase is looked for in: at most 50 paper files
  const TYPO_WEIGHT = 0.3; // a word one or two edits away ranks below the words the query word begins
  let generation = 0;
  let ranked = []; // [id, score] pairs of the current search, best first
  let complete = true; // whether `ranked` holds every match, or only common words' best papers
  let terms = [];
  let notice = ""; // shown instead of a count when the query has no word to search for

  const fetched = new Map();
  function fetchJson(path) {
    if (!fetched.has(path)) {
      const request = fetch(new URL(path, base)).then((response) => {
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return response.json();
      });
      request.catch(() => fetched.delete(path)); // a failed download may be tried again
      fetched.set(path, request);
    }
    return fetched.get(path);
  }
  const entry = () => fetchJson("search/index.json");
  async function part(path) {
    return fetchJson(`search/${(await entry()).root}${path}`);
  }

  function words(text) {
    const folded = text.normalize("NFKC").toLowerCase().normalize("NFKD").replace(ACCENT, "").normalize("NFC");
    return (folded.match(WORD) || []).flatMap(pairs);
  }

  // A run holding CJK characters: its other letters as words, each CJK stretch as its overlapping pairs.
  function pairs(run) {
    const found = [];
    let position = 0;
    for (const stretch of run.matchAll(CJK)) {
      if (stretch.index > position) found.push(run.slice(position, stretch.index));
      const cjk = [...stretch[0]];
      if (cjk.length === 1) found.push(cjk[0]);
      for (let i = 0; i + 1 < cjk.length; i += 1) found.push(cjk[i] + cjk[i + 1]);
      position = stretch.index + stretch[0].length;
    }
    if (position < run.length) found.push(run.slice(position));
    return found;
  }

  // Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`, or `limit + 1` once above it.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      const row = [i];
      for (let j = 1; j <= b.length; j += 1) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          row[j] = Math.min(row[j], before[j - 2] + 1);
        }
      }
      if (Math.min(...row) > limit) return limit + 1;
      [before, previous] = [previous, row];
    }
    return previous[b.length];
  }

  // Edits a query word may be away from an indexed word: none below five letters, two from nine.
  const typos = (word) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);

  // Python's order of strings, by code point (JavaScript's < compares UTF-16 units).
  function compare(a, b) {
    const x = [...a];
    const y = [...b];
    for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
      const difference = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (difference) return difference;
    }
    return x.length - y.length;
  }

  // The chunk a word sorts into: the last whose first word is not after it (-1 before the first).
  function chunkOf(index, word) {
    let low = 0;
    let high = index.chunks.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (compare(index.chunks[middle], word) <= 0) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  function ids(gaps) {
    let id = 0;
    return gaps.map((gap) => (id += gap));
  }

  // The indexed words that `word` begins (itself first if indexed), with where their files are and
  // their weight; then the words of its stem, which the word's own entry lists. A word not indexed
  // finds, in the chunks it lands in, the words a typing slip or two away from it.
  async function matchesOf(index, word) {
    const start = Math.max(0, chunkOf(index, word));
    const found = [];
    const near = [];
    const limit = typos(word);
    for (let n = start; n < Math.min(index.chunks.length, start + PREFIX_CHUNKS); n += 1) {
      if (n > start && !index.chunks[n].startsWith(word)) break;
      (await part(`w/${n}.json`)).forEach((item, position) => {
        if (item[0].startsWith(word)) {
          found.push({ chunk: n, position, item, weight: item[0] === word ? 1 : PREFIX_WEIGHT });
        } else if (limit && distance(word, item[0], limit) <= limit) {
          near.push({ chunk: n, position, item, weight: TYPO_WEIGHT });
        }
      });
    }
    const itself = found.find(({ item }) => item[0] === word);
    if (!itself) return found.length ? [...found, ...near] : near;
    const seen = new Set(found.map(({ item }) => item[0]));
    const stems = await Promise.all(
      (await stemOf(index, itself.item)).filter((other) => !seen.has(other)).map((other) => entryOf(index, other)),
    );
    return [...found, ...stems.filter(Boolean).map((match) => ({ ...match, weight: STEM_WEIGHT }))];
  }

  // The words of an entry's stem: its group's first word lists the others, the others name the first.
  async function stemOf(index, [word, , , , group]) {
    if (group === undefined) return [];
    if (Array.isArray(group)) return group;
    const first = await entryOf(index, group);
    return first ? [group, ...first.item[4].filter((other) => other !== word)] : [];
  }

  // The entry of an indexed word, with where its files are; null if it is not indexed.
  async function entryOf(index, word) {
    const chunk = chunkOf(index, word);
    if (chunk < 0) return null;
    const items = await part(`w/${chunk}.json`);
    const position = items.findIndex((item) => item[0] === word);
    return position < 0 ? null : { chunk, position, item: items[position] };
  }

  // One query word's papers and scores. Without `exact`, a common word keeps only its best papers.
  async function scoresOf(index, word, exact) {
    const scores = new Map();
    let complete = true;
    let atLeast = 0;
    const add = (gaps, values, weight) => {
      ids(gaps).forEach((id, i) => {
        const score = values[i] * weight;
        if (!(scores.get(id) >= score)) scores.set(id, score);
      });
    };
    const found = await matchesOf(index, word);
    await Promise.all(
      found.map(async ({ chunk, position, weight, item: [, count, gaps, values] }) => {
        add(gaps, values, weight);
        atLeast = Math.max(atLeast, count);
        if (count > gaps.length) {
          if (!exact) complete = false;
          else {
            // The rest ranks below the word's best papers: titles first, then the others.
            const [titled, others] = await part(`m/${chunk}-${position}.json`);
            add(titled, titled.map(() => index.titleScore), weight);
            add(others, others.map(() => 0), weight);
          }
        }
      }),
    );
    return { scores, complete, atLeast };
  }

  function chosenTags() {
    return [...tagBox.querySelectorAll("input:checked")].map((box) => Number(box.dataset.tag));
  }

  // The papers the filters allow, as a Set of ids; null when no filter is set.
  async function allowed() {
    const sets = [];
    const tags = chosenTags();
    if (tags.length) {
      const members = await Promise.all(tags.map(async (tag) => new Set(ids(await part(`t/${tag}.json`)))));
      const mode = root.querySelector("input[name=ps-mode]:checked").value;
      sets.push(
        mode === "any"
          ? new Set(members.flatMap((set) => [...set]))
          : members.reduce((kept, set) => new Set([...kept].filter((id) => set.has(id)))),
      );
    }
    if (root.querySelector("input[name=ps-code]").checked) sets.push(new Set(ids(await part("code.json"))));
    if (!sets.length) return null;
    return sets.reduce((kept, set) => new Set([...kept].filter((id) => set.has(id))));
  }

  // The words of each "quoted phrase" of two words or more in a query.
  function phrasesOf(query) {
    return [...query.matchAll(/"([^"]+)"/g)].map((match) => words(match[1])).filter((phrase) => phrase.length > 1);
  }

  // The papers among `found` whose title or excerpt (the abstract's first sentence, which a result
  // shows) holds each phrase word for word. The index keeps no word positions, which would more than
  // double it; a phrase further on in an abstract is not seen. The best PHRASE_CANDIDATES are read.
  async function phrased(index, found, phrases) {
    const candidates = found.slice(0, PHRASE_CANDIDATES);
    const records = await Promise.all(candidates.map(([id]) => paper(index, id)));
    const holds = (list, phrase) =>
      list.some((_, start) => phrase.every((word, offset) => list[start + offset] === word));
    return candidates.filter((_, i) => {
      const texts = [words(records[i][1]), words(records[i][4])];
      return phrases.every((phrase) => texts.some((list) => holds(list, phrase)));
    });
  }

  // Why a query of words that are all left out finds nothing; "" for an empty query.
  function unsearched(asked, stop) {
    const common = asked.filter((word) => stop.has(word)).map((word) => `"${word}"`);
    if (common.length === 1) return `${common[0]} is too common a word to search for.`;
    if (common.length) return `${common.join(", ")} are too common words to search for.`;
    return asked.length ? "Search words need two letters or more." : "";
  }

  // Ranked [id, score] pairs, and the count to show (a lower bound when `complete` is false).
  // Without `exact`, a single common word ranks only its best papers, which is all a first page needs.
  async function find(query, exact = false) {
    const index = await entry();
    const stop = new Set(index.stop);
    const asked = [...new Set(words(query))];
    terms = asked.filter((word) => word.length > 1 && !stop.has(word));
    notice = terms.length ? "" : unsearched(asked, stop);
    const filter = await allowed();
    if (!terms.length) {
      const found = query.trim() || !filter ? [] : [...filter].sort((a, b) => a - b).map((id) => [id, 0]);
      return { found, count: found.length, complete: true };
    }
    const whole = exact || terms.length > 1 || filter !== null || phrasesOf(query).length > 0;
    const perWord = await Promise.all(terms.map((word) => scoresOf(index, word, whole)));
    let scores = perWord[0].scores;
    for (const other of perWord.slice(1)) {
      const both = new Map();
      for (const [id, score] of scores) if (other.scores.has(id)) both.set(id, score + other.scores.get(id));
      scores = both;
    }
    let found = [...scores].filter(([id]) => filter === null || filter.has(id));
    found = found.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const phrases = phrasesOf(query);
    if (phrases.length) found = await phrased(index, found, phrases);
    const complete = perWord.every((word) => word.complete);
    return { found, count: complete ? found.length : Math.max(...perWord.map((word) => word.atLeast)), complete };
  }

  async function paper(index, id) {
    const records = await part(`d/${Math.floor(id / index.perFile)}.json`);
    return records[id % index.perFile];
  }

  // `text` as nodes, with the words that a query word begins in <mark>.
  function marked(text) {
    const nodes = [];
    let position = 0;
    for (const match of text.matchAll(WORD)) {
      const word = words(match[0])[0] || "";
      if (!terms.some((term) => word.startsWith(term))) continue;
      nodes.push(document.createTextNode(text.slice(position, match.index)));
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      nodes.push(mark);
      position = match.index + match[0].length;
    }
    nodes.push(document.createTextNode(text.slice(position)));
    return nodes;
  }

  function resultItem(index, [slug, title, tags, code, excerpt]) {
    const entry = document.createElement("li");
    const link = document.createElement("a");
    link.href = new URL(`papers/${encodeURIComponent(slug)}/`, base).href;
    link.className = "ps-search__title";
    link.append(...marked(title));
    const text = document.createElement("p");
    text.append(...marked(excerpt));
    const about = document.createElement("p");
    about.className = "ps-search__result-tags";
    about.textContent = [...tags.map((tag) => index.tags[tag][0]), ...(code ? ["code"] : [])].join(" · ");
    entry.append(link, text, about);
    return entry;
  }

  function showCount(count) {
    const number = count.toLocaleString("en");
    const noun = count === 1 ? "paper" : "papers";
    if (notice && !count) status.textContent = notice;
    else status.textContent = complete ? `${number} ${noun}` : `at least ${number} ${noun}`;
  }

  async function showMore(mine) {
    const index = await entry();
    if (!complete && list.children.length + SHOWN > ranked.length) {
      const found = await find(input.value, true);
      if (mine !== generation) return;
      ({ found: ranked, complete } = found);
      showCount(found.count);
    }
    const next = ranked.slice(list.children.length, list.children.length + SHOWN);
    const records = await Promise.all(next.map(([id]) => paper(index, id)));
    if (mine !== generation) return;
    const before = list.children.length;
    list.append(...records.map((record) => resultItem(index, record)));
    const pressed = document.activeElement === more;
    more.hidden = complete && list.children.length >= ranked.length;
    // The last "More results" hides under the reader's focus: focus goes on to the first result it added.
    if (pressed && more.hidden) (list.children[before]?.querySelector("a") || input).focus();
  }

  async function run() {
    const mine = ++generation;
    const query = input.value;
    const { found, count, complete: all } = await find(query);
    if (mine !== generation) return;
    if (!query.trim() && !found.length) {
      status.textContent = "Type a word, or pick tags.";
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    ranked = found;
    complete = all;
    showCount(count);
    list.replaceChildren();
    await showMore(mine);
  }

  function showTags(index) {
    tagBox.replaceChildren(
      ...index.tags
        .map(([name, count, slug], tag) => ({ name, count, slug, tag }))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ name, count, slug, tag }) => {
          const label = document.createElement("label");
          const box = document.createElement("input");
          box.type = "checkbox";
          box.value = name;
          box.dataset.tag = String(tag);
          box.dataset.slug = slug;
          label.append(box, ` ${name} (${count})`);
          return label;
        }),
    );
  }

  // The tag boxes, made once, when the reader opens the tags or an address names some.
  const details = root.querySelector(".ps-search__tags");
  let tagsShown = null;
  function tagBoxes() {
    if (!tagsShown) {
      tagsShown = entry().then(showTags);
      tagsShown.catch(() => (tagsShown = null)); // tried again on the next opening
    }
    return tagsShown;
  }

  function report(error) {
    status.textContent = "Search is not available right now.";
    console.warn(error);
  }

  // The search lives in the page's address, so that it can be shared and Back and Forward move between
  // searches: ?q=words&tags=slug,slug&mode=any&code=1 ("all of" the tags and no code filter go unsaid).
  const KEYS = ["q", "tags", "mode", "code"];
  const modeBox = (value) => root.querySelector(`input[name=ps-mode][value=${value}]`);
  const codeBox = root.querySelector("input[name=ps-code]");

  // This page's address with the search shown (`shown`) or with none; the page's other parameters kept.
  function addressOf(shown) {
    const url = new URL(window.location.href);
    KEYS.forEach((key) => url.searchParams.delete(key));
    const parts = url.search ? [url.search.slice(1)] : [];
    if (shown) {
      const slugs = [...tagBox.querySelectorAll("input:checked")].map((box) => box.dataset.slug);
      if (input.value.trim()) parts.push(`q=${encodeURIComponent(input.value)}`);
      if (slugs.length) parts.push(`tags=${slugs.map(encodeURIComponent).join(",")}`);
      if (modeBox("any").checked) parts.push("mode=any");
      if (codeBox.checked) parts.push("code=1");
    }
    url.search = parts.join("&");
    return url.href;
  }

  // The search an address holds; null when it holds none.
  function searchIn(address) {
    const params = new URL(address).searchParams;
    if (!KEYS.some((key) => params.has(key))) return null;
    return {
      query: params.get("q") || "",
      slugs: (params.get("tags") || "").split(",").filter(Boolean),
      mode: params.get("mode") === "any" ? "any" : "all",
      code: params.get("code") === "1",
    };
  }
  const searchKey = (address) => JSON.stringify(searchIn(address));

  // A query unchanged this long after the last key is one the reader settled on: the next key starts a
  // new history entry. Before that, each key replaces the entry, so a word typed is one entry, not one a letter.
  const SETTLE = 1000;
  let draft = false; // whether the current history entry is a query still being typed
  let settling = 0;
  let current = searchKey(window.location.href); // the search of the history entry shown

  // Puts the search shown in the address. `how`: "typing", "settled" (submitted, or shown again) or
  // "chosen" (a filter changed), which is always an entry of its own.
  function record(how) {
    const address = addressOf(true);
    if (address !== window.location.href) {
      if (draft && how !== "chosen") window.history.replaceState(null, "", address);
      else window.history.pushState(null, "", address);
      current = searchKey(address);
      if (how === "typing") draft = true;
    }
    if (how !== "typing") draft = false;
    window.clearTimeout(settling);
    if (draft) settling = window.setTimeout(() => (draft = false), SETTLE);
  }

  const STRENGTH = { typing: 0, settled: 1, chosen: 2 };
  let timer = 0;
  let pending = "typing"; // the strongest reason to record of the keys and changes the timer gathers
  function soon(how) {
    if (STRENGTH[how] > STRENGTH[pending]) pending = how;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (!panel.hidden) record(pending); // a search closed meanwhile stays out of the address
      pending = "typing";
      run().catch(report);
    }, 120);
  }

  // Shows the search `wanted` (from searchIn) in the box, the filters and the results; none closes it.
  let restoring = 0;
  async function restore(wanted) {
    const mine = ++restoring;
    window.clearTimeout(timer);
    window.clearTimeout(settling);
    pending = "typing";
    draft = false;
    current = JSON.stringify(wanted);
    if (panel.contains(document.activeElement)) backToBox(); // the results under the focus are replaced
    const slugs = new Set(wanted ? wanted.slugs : []);
    if (slugs.size) {
      await tagBoxes();
      if (mine !== restoring) return;
      details.open = true;
    }
    tagBox.querySelectorAll("input[type=checkbox]").forEach((box) => (box.checked = slugs.has(box.dataset.slug)));
    input.value = wanted ? wanted.query : "";
    modeBox(wanted ? wanted.mode : "all").checked = true;
    codeBox.checked = wanted ? wanted.code : false;
    panel.hidden = !wanted;
    await run();
  }

  // Opened by the reader: a search shown again is in the address again.
  function open() {
    if (!panel.hidden) return;
    panel.hidden = false;
    if (addressOf(true) !== addressOf(false)) record("settled");
  }

  // Closing takes the search out of the address, as an entry of its own: Back shows it again.
  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    window.clearTimeout(settling);
    draft = false;
    if (searchIn(window.location.href)) {
      window.history.pushState(null, "", addressOf(false));
      current = searchKey(window.location.href);
    }
  }

  let quiet = false; // the box's focus is given back, which leaves the panel as it is
  function backToBox() {
    quiet = true;
    input.focus();
    quiet = false;
  }

  details.addEventListener("toggle", () => {
    if (details.open) tagBoxes().catch(report);
  });
  more.addEventListener("click", () => showMore(generation).catch(report));
  input.addEventListener("focus", () => {
    if (!quiet) open();
  });
  input.addEventListener("input", () => {
    panel.hidden = false; // recorded as typing by soon()
    soon("typing");
  });
  root.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    panel.hidden = false;
    soon("settled");
  });
  panel.addEventListener("change", () => soon("chosen"));

  // Arrow keys move the focus itself along the result links, from and back to the box: each result stays
  // a link, announced as one, that Enter follows and a new tab can open. aria-activedescendant would need
  // the results to be a listbox, whose options may hold no link.
  root.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const stops = [input, ...list.querySelectorAll("a.ps-search__title"), ...(more.hidden ? [] : [more])];
    const at = stops.indexOf(document.activeElement);
    if (at < 0) return; // the mode's radio buttons keep their own arrow keys
    event.preventDefault();
    if (panel.hidden) open();
    else stops[Math.max(0, Math.min(stops.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))].focus();
  });

  // A field the reader types in, where "/" is a character rather than the way to the search box.
  const typing = (element) =>
    element instanceof Element &&
    (element.isContentEditable ||
      element.matches("textarea, select, input:not([type=checkbox], [type=radio], [type=button], [type=submit])"));

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && (!panel.hidden || event.target === input)) {
      event.preventDefault(); // a search box's own Escape empties it
      if (!panel.hidden) {
        close();
        backToBox();
      }
    } else if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
      event.preventDefault();
      input.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (!root.contains(event.target)) close();
  });
  // The panel covers the page under it: once focus leaves the search, the panel goes, so that the
  // focus is never behind it. Checked after the move, as focusout does not always say where focus went.
  root.addEventListener("focusout", () => {
    window.setTimeout(() => {
      if (!root.contains(document.activeElement)) close();
    });
  });

  // Back and Forward: a move between entries of one search (an anchor's) leaves the panel as it is.
  window.addEventListener("popstate", () => {
    if (searchKey(window.location.href) !== current) restore(searchIn(window.location.href)).catch(report);
  });
  const shared = searchIn(window.location.href);
  if (shared) restore(shared).catch(report);

  // The page of a missing address (overrides/404.html) offers a search for the words of the address: an
  // old or mistyped paper address still names the paper.
  const guess = document.querySelector("[data-ps-guess]");
  const guessed = guess && wordsOfAddress(new URL(window.location.href));
  if (guessed) {
    const link = document.createElement("a");
    link.href = `?q=${encodeURIComponent(guessed)}`;
    link.textContent = `Search the papers for “${guessed}”`;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      event.stopPropagation(); // a click outside the search closes its panel
      input.value = guessed;
      backToBox();
      root.querySelector("form").requestSubmit(); // searched as if the reader had typed it and pressed Enter
    });
    guess.append(link);
    guess.hidden = false;
  }

  // The words of an address's last part below the site's root ("papers/old-slug/" gives "old slug"); null
  // when it has none.
  function wordsOfAddress(address) {
    if (!address.pathname.startsWith(base.pathname)) return null;
    const parts = address.pathname.slice(base.pathname.length).split("/").filter(Boolean);
    let last = (parts.pop() || "").replace(/\.html?$/, "");
    if (last === "index") last = parts.pop() || "";
    if (last === "404") return null; // the page itself, asked for by its name
    try {
      last = decodeURIComponent(last);
    } catch {
      return null; // a malformed escape: no words to offer
    }
    const words = last.replace(/[\s\-_+.,;:]+/g, " ").trim().slice(0, 120);
    return words.length > 1 && !/^[\d ]+$/.test(words) ? words : null; // "papers/page/99/" names no paper
  }
})();

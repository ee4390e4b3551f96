// The header's search: queries the Pagefind index (pagefind/) as the reader types and
// lists the pages found, title and summary, as links. Pagefind loads only the index
// fragments a query needs. Keyboard: type, Down/Up to move through the results, Enter
// to open one, Escape to close the list.
(function () {
  "use strict";
  const script = document.currentScript;
  const form = document.querySelector("form.dossier-search");
  if (!form || !script) return;
  const root = new URL("..", script.src); // assets/ is one level below the site's root
  const input = form.querySelector("input[type=search]");
  const panel = form.querySelector(".dossier-search__panel");
  const status = form.querySelector(".dossier-search__status");
  const list = form.querySelector(".dossier-search__list");
  const SHOWN = 8;
  let engine = null;
  let asked = 0; // the latest query's number: results of older ones are dropped
  let timer = 0;
  let shardCount = 1;

  // The index comes in shards (dossier/site_search.py), listed in dossier-shards.json
  // (the first is usually pagefind/ itself): the first listed is loaded, the others
  // are merged into it. No shard (nothing to index): only the names table answers.
  function load() {
    if (!engine) {
      const index = new URL("pagefind/", root);
      engine = fetch(new URL("dossier-shards.json", index))
        .then((response) => (response.ok ? response.json() : [""]))
        .catch(() => [""])
        .then(async (shards) => {
          shardCount = shards.length;
          if (!shards.length) return null;
          const [first, ...others] = shards.map((folder) => new URL(folder, index));
          const pagefind = await import(new URL("pagefind.js", first).href);
          const options = { baseUrl: root.pathname };
          await pagefind.options(options);
          await pagefind.init();
          await Promise.all(others.map((url) => pagefind.mergeIndex(url.pathname, options)));
          return pagefind;
        });
    }
    return engine;
  }

  // The pages named exactly as the query (company names and aliases, deal titles):
  // they come first. A table split by a hash of the name (dossier/search_names.py).
  function fnv1a(text) {
    let value = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      value = Math.imul(value ^ byte, 0x01000193) >>> 0;
    }
    return value;
  }

  async function named(key) {
    if (!key) return [];
    const shard = (fnv1a(key) % 64).toString(16).padStart(2, "0");
    const response = await fetch(new URL(`search-names/${shard}.json`, root));
    if (!response.ok) return [];
    const entries = (await response.json())[key] || [];
    return entries.map(([path, title, summary]) => ({
      url: new URL(path, root).pathname,
      meta: { title, summary },
    }));
  }

  // Pagefind leaves out of a query a word its index does not hold. With shards, a word
  // can be in some shards and not in others, which would then answer for the other
  // words alone. So a query of several words keeps only pages that each word, searched
  // on its own, also finds (a word no shard holds is left out, as one index would).
  // The words' index chunks are the ones the query loaded: no further download.
  async function everyWord(pagefind, query) {
    const found = await pagefind.search(query);
    const words = query.trim().split(/\s+/);
    if (!found || words.length < 2 || shardCount < 2) return found; // one index: as is
    const alone = await Promise.all(words.map((word) => pagefind.search(word)));
    const kept = alone
      .filter((each) => each && each.results.length)
      .map((each) => new Set(each.results.map((r) => r.id)));
    return { ...found, results: found.results.filter((r) => kept.every((ids) => ids.has(r.id))) };
  }

  function open(shown) {
    panel.hidden = !shown;
  }

  function item(data) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = data.url;
    a.className = "dossier-search__result";
    const title = document.createElement("strong");
    title.textContent = data.meta.title || data.url; // text, never HTML
    a.append(title);
    const summary = data.meta.summary;
    if (summary) {
      const p = document.createElement("span");
      p.className = "dossier-search__summary";
      p.textContent = summary;
      a.append(p);
    }
    li.append(a);
    return li;
  }

  async function run(query) {
    const number = ++asked;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = "";
      open(false);
      return;
    }
    const key = query.trim().toLowerCase();
    const [own, pagefind] = await Promise.all([named(key), load()]);
    const found = pagefind ? await everyWord(pagefind, query) : { results: [] };
    if (number !== asked || !found) return;
    const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
    if (number !== asked) return;
    const firstUrls = new Set(own.map((d) => d.url));
    const ranked = [...own, ...data.filter((d) => !firstUrls.has(d.url))].slice(0, SHOWN);
    list.replaceChildren(...ranked.map(item));
    const total = Math.max(found.results.length, ranked.length);
    status.textContent =
      total === 0 ? "No pages found" :
      total === 1 ? "1 page found" :
      total > SHOWN ? `${total} pages found, the first ${SHOWN} shown` : `${total} pages found`;
    open(true);
  }

  function results() {
    return [...list.querySelectorAll("a")];
  }

  function move(step) {
    const links = results();
    if (!links.length) return;
    const at = links.indexOf(document.activeElement);
    const next = at + step;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), 30); // one query per burst of keys
  });
  input.addEventListener("focus", () => load()); // fetch the index's entry while typing begins
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = results()[0];
    if (first) { open(true); first.focus(); } else run(input.value);
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") { event.preventDefault(); open(results().length > 0); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") { open(false); input.focus(); }
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget)) open(false);
  });
  const asked_for = new URLSearchParams(location.search).get("q");
  if (asked_for) {
    input.value = asked_for;
    input.focus();
    run(asked_for);
  }
})();

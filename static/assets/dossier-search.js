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
  let probe = null; // with several shards: {pages: {probe page id: shard}}, see below
  let shardCount = 1;

  // The index comes in shards (dossier/site_search.py), listed in dossier-shards.json
  // (the first is usually pagefind/ itself): the first listed is loaded, the others
  // are merged into it, each tagged with its place (a filter, "dossier_shard"), and so
  // is the probe. No shard (nothing to index): only the names table answers.
  function load() {
    if (!engine) {
      const index = new URL("pagefind/", root);
      engine = fetch(new URL("dossier-shards.json", index))
        .then((response) => (response.ok ? response.json() : { shards: [""] }))
        .catch(() => ({ shards: [""] }))
        .then(async (listing) => {
          const shards = listing.shards || [];
          shardCount = shards.length;
          if (!shards.length) return null;
          const [first, ...others] = shards.map((folder) => new URL(folder, index));
          const pagefind = await import(new URL("pagefind.js", first).href);
          const options = { baseUrl: root.pathname };
          const tag = (name) => (shardCount > 1 ? { mergeFilter: { dossier_shard: name } } : {});
          await pagefind.options({ ...options, ...tag("0") });
          await pagefind.init();
          const merged = others.map((url, at) =>
            pagefind.mergeIndex(url.pathname, { ...options, ...tag(String(at + 1)) }));
          if (shardCount > 1 && listing.probe) {
            const folder = new URL(listing.probe.folder, index);
            merged.push(pagefind.mergeIndex(folder.pathname, { ...options, ...tag("probe") }));
            probe = listing.probe;
          }
          await Promise.all(merged);
          return pagefind;
        });
    }
    return engine;
  }

  // A shard decides on its own words how a query word matches (Pagefind/pagefind#315):
  // the words that start with it, or, when none does, the longest word it starts with,
  // or none (the word is left out). The probe, one page per shard holding that shard's
  // words, decides as one index of the whole site would: the shards whose probe page
  // it finds are the ones that decided alike for every word of the query, and only
  // they hold pages one index would find. So a query runs once on every shard and the
  // probe, and when some shards disagree, once more filtered to the others (on the
  // index chunks already loaded: no further download). A quoted phrase matches exact
  // words only, the same in every shard: it runs once, without the probe's answer.
  async function searchShards(pagefind, query) {
    const found = await pagefind.search(query);
    if (!found || !probe) return found; // one index: as is
    const own = found.results.filter((r) => !(r.id in probe.pages));
    if (/^\s*".+"\s*$/.test(query)) return { ...found, results: own };
    const agreeing = new Set(found.results.filter((r) => r.id in probe.pages)
      .map((r) => String(probe.pages[r.id])));
    if (agreeing.size === shardCount) return { ...found, results: own };
    if (!agreeing.size) return { ...found, results: [] };
    return pagefind.search(query, { filters: { dossier_shard: { any: [...agreeing] } } });
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
    const found = pagefind ? await searchShards(pagefind, query) : { results: [] };
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
  // Every page the index finds for a query, in order (not only the first shown): for
  // the tests, which compare a sharded index with one index; loads each page's fragment.
  form.dossierFindAll = async (query) => {
    const pagefind = await load();
    const found = pagefind ? await searchShards(pagefind, query) : { results: [] };
    return Promise.all(found.results.map(async (r) => (await r.data()).url));
  };
  const asked_for = new URLSearchParams(location.search).get("q");
  if (asked_for) {
    input.value = asked_for;
    input.focus();
    run(asked_for);
  }
})();

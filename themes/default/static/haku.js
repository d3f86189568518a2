// Search for hyte sites: runs only on a search page (/haku/, /sv/sok/…),
// fetches the index built by `hyte build` for the page's language from the
// folder in data-index of its script tag (meta.json, one i/<letter>.json
// per query word, and the d/<n>.json chunks of the top results), and
// applies the same fold rules and stopwords as the index (they come from
// meta.json). It stems nothing itself: a query word finds the index's keys
// that are prefixes of it, whatever the language.
// No framework, no inline code: works under a strict Content-Security-Policy.
(() => {
  "use strict";
  const script = document.currentScript;
  const base = (script && script.dataset.base) || "/";
  // Without data-index (a theme's older haku.html), the main language's.
  const index = (script && script.dataset.index) || base + "haku/";
  // The page's words, from the theme's language file (data-* of the
  // script tag), with {query}, {n} and {total} filled here.
  const say = (name, values = {}) =>
    ((script && script.dataset[name]) || "").replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  const form = document.getElementById("hakulomake");
  const input = document.getElementById("haku-q");
  const status = document.getElementById("hakutila");
  const results = document.getElementById("hakutulokset");
  if (!form || !input || !status || !results) return;

  const cache = new Map();
  const getJSON = (url) => {
    if (!cache.has(url)) cache.set(url, fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null));
    return cache.get(url);
  };
  const letters = (w) => [...w].length;
  const dia = (w) => w.replace(/[äå]/g, "a").replace(/ö/g, "o");
  const words = (text) => text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  const fold = (meta, word) => {
    let w = word;
    for (const [from, to, where] of meta.rules) {
      if (where === "word") { if (w === from) w = to; }
      else if (where === "end") { if (w.endsWith(from)) w = w.slice(0, w.length - from.length) + to; }
      else w = w.split(from).join(to);
    }
    return w;
  };
  const shardOf = (w) => {
    const c = dia([...w][0] || "");
    return /^[a-z0-9]$/.test(c) ? c : "_";
  };
  // Levenshtein distance at most one.
  const nearby = (a, b) => {
    if (a === b) return true;
    const x = [...a], y = [...b];
    if (Math.abs(x.length - y.length) > 1) return false;
    let i = 0, j = 0, edits = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (x.length > y.length) i++;
      else if (y.length > x.length) j++;
      else { i++; j++; }
    }
    return edits + (x.length - i) + (y.length - j) <= 1;
  };

  async function search(query) {
    const meta = await getJSON(index + "meta.json");
    if (!meta) return { terms: [], ranked: [], total: 0 };
    const terms = words(query).filter((w) => letters(w) >= 2 && !meta.stopwords.includes(w));
    const total = new Map();
    const covered = new Map();
    for (const term of terms) {
      const f = fold(meta, term);
      const typedWithout = dia(term) === term;
      const shard = shardOf(f);
      const keys = (meta.shards.includes(shard) && (await getJSON(index + "i/" + shard + ".json"))) || {};
      const best = new Map();
      // A key is [df, postings]: postings are the best few, df counts all.
      const consider = ([df, postings], quality) => {
        const idf = Math.log(1 + meta.docs / df);
        for (const [doc, weight] of postings) {
          const score = (weight / 10) * quality * idf;
          if (score > (best.get(doc) || 0)) best.set(doc, score);
        }
      };
      const fl = letters(f);
      for (const key in keys) {
        const kl = letters(key);
        if (kl < meta.min_key || kl > fl || fl - kl > meta.reach) continue;
        if (f.startsWith(key)) consider(keys[key], kl / fl);
        else if (typedWithout && dia(f).startsWith(dia(key))) consider(keys[key], (0.7 * kl) / fl);
      }
      // One-letter typos in longer words.
      if (!best.size && letters(term) >= 6) {
        const plain = [...dia(f)];
        for (const key in keys) {
          const kl = letters(key);
          if (kl < 5 || kl > fl + 1) continue;
          const k = dia(key);
          for (const n of [kl - 1, kl, kl + 1]) {
            if (n <= plain.length && fl - n <= meta.reach && nearby(k, plain.slice(0, n).join(""))) {
              consider(keys[key], (0.5 * kl) / fl);
              break;
            }
          }
        }
      }
      for (const [doc, score] of best) {
        total.set(doc, (total.get(doc) || 0) + score);
        covered.set(doc, (covered.get(doc) || 0) + 1);
      }
    }
    // A page appears once, at its best section.
    const seen = new Set();
    const pages = [...total]
      .map(([doc, score]) => [doc, score * Math.pow(covered.get(doc) / terms.length, 2)])
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .filter(([doc]) => !seen.has(meta.page_of[doc]) && seen.add(meta.page_of[doc]));
    // The best 20 are shown; the status tells how many pages matched.
    return { terms: terms.map((t) => dia(fold(meta, t))), ranked: pages.slice(0, 20), total: pages.length, meta };
  }

  // The text around the first matching word, the match in <mark>.
  function snippet(text, terms) {
    const p = document.createElement("p");
    p.className = "snippet";
    const re = /[\p{L}\p{N}]+/gu;
    let m, hit = null;
    while ((m = re.exec(text))) {
      const w = dia(m[0].toLowerCase());
      if (terms.some((t) => w.startsWith(t.slice(0, Math.max(3, letters(t) - 3))))) { hit = m; break; }
    }
    if (!hit) {
      p.textContent = text.slice(0, 200) + (text.length > 200 ? "…" : "");
      return p;
    }
    const start = Math.max(0, hit.index - 80);
    const end = Math.min(text.length, hit.index + hit[0].length + 120);
    p.append((start > 0 ? "…" : "") + text.slice(start, hit.index));
    const mark = document.createElement("mark");
    mark.textContent = hit[0];
    p.append(mark, text.slice(hit.index + hit[0].length, end) + (end < text.length ? "…" : ""));
    return p;
  }

  async function show(query) {
    results.replaceChildren();
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = say("searching");
    const { terms, ranked, total, meta } = await search(query);
    if (!ranked.length) {
      status.textContent = say("noResults", { query });
      return;
    }
    const chunks = [...new Set(ranked.map(([doc]) => Math.floor(doc / meta.chunk)))];
    const loaded = new Map(await Promise.all(chunks.map(async (c) => [c, (await getJSON(index + "d/" + c + ".json")) || []])));
    const ol = document.createElement("ol");
    for (const [doc] of ranked) {
      const d = loaded.get(Math.floor(doc / meta.chunk))[doc % meta.chunk];
      if (!d) continue;
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = d.url;
      a.textContent = d.title;
      const h = document.createElement("h2");
      h.append(a);
      li.append(h);
      if (d.in) {
        const where = document.createElement("p");
        where.className = "meta";
        where.textContent = d.in;
        li.append(where);
      }
      if (d.text) li.append(snippet(d.text, terms));
      ol.append(li);
    }
    results.append(ol);
    const n = ol.children.length;
    status.textContent =
      total > n
        ? say("topResults", { total, n, query })
        : say(n === 1 ? "oneResult" : "results", { n, query });
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    show(input.value);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      input.value = "";
      history.replaceState(null, "", location.pathname);
      show("");
    }
  });
  // Arriving with a query (from the search form of another page), focus
  // goes to the status, so a screen reader says how many results there
  // are and the next Tab reaches them, instead of starting from the top.
  const q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  show(q).then(() => {
    if (q.trim()) {
      status.tabIndex = -1;
      status.focus();
    }
  });
})();

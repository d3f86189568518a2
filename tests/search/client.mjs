// The theme's search script run in Node on index files, without a browser:
//
//   node tests/search/client.mjs HAKU_JS ROOT INDEX_URL QUERY...
//
// ROOT is a folder laid out as the site's output (the index of INDEX_URL,
// e.g. /sv/sok/, is ROOT/sv/sok/meta.json and so on). For each query the
// script runs as on INDEX_URL?q=QUERY, in a fresh context with the few
// parts of the DOM it uses, fetch reading ROOT, and its script tag's
// data-index set to INDEX_URL. Prints {"query": [result URLs, best
// first], …} as JSON. Exits 1 if the script fetches anything outside
// INDEX_URL, throws, or does not finish within 5 s.

import { readFile } from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";

const [script, root, indexUrl, ...queries] = process.argv.slice(2);
if (!script || !root || !indexUrl) {
  console.error("usage: node tests/search/client.mjs HAKU_JS ROOT INDEX_URL QUERY...");
  process.exit(2);
}
const source = await readFile(script, "utf8");

class Element {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.children = [];
    this.textContent = "";
    this.dataset = {};
  }
  append(...nodes) {
    this.children.push(...nodes);
  }
  replaceChildren() {
    this.children = [];
  }
  addEventListener() {}
  focus() {
    this.onfocus?.();
  }
}

// One query: the URLs of the result links, once the script has shown them
// (it focuses the status when it is done).
async function run(query) {
  const byId = {
    hakulomake: new Element("form"),
    "haku-q": new Element("input"),
    hakutila: new Element("p"),
    hakutulokset: new Element("div"),
  };
  const tag = new Element("script");
  Object.assign(tag.dataset, {
    base: "/",
    index: indexUrl,
    searching: "…",
    noResults: "0 {query}",
    oneResult: "{n} {query}",
    results: "{n} {query}",
    topResults: "{total} {n} {query}",
  });
  const fetch = async (url) => {
    if (!url.startsWith(indexUrl)) throw new Error(`fetched ${url}, outside ${indexUrl}`);
    try {
      const text = await readFile(path.join(root, url), "utf8");
      return { ok: true, json: async () => JSON.parse(text) };
    } catch {
      return { ok: false, json: async () => null };
    }
  };
  const search = `?q=${encodeURIComponent(query)}`;
  const done = new Promise((resolve, reject) => {
    byId.hakutila.onfocus = resolve;
    setTimeout(() => reject(new Error(`${JSON.stringify(query)}: no answer within 5 s`)), 5000);
  });
  const context = vm.createContext({
    document: {
      currentScript: tag,
      getElementById: (id) => byId[id] ?? null,
      createElement: (t) => new Element(t),
    },
    location: { href: `http://127.0.0.1${indexUrl}${search}`, search, pathname: indexUrl },
    history: { replaceState() {} },
    URL,
    URLSearchParams,
    fetch,
    console,
  });
  vm.runInContext(source, context, { filename: script });
  await done;
  const list = byId.hakutulokset.children[0];
  // <ol><li><h2><a href>
  return list ? list.children.map((li) => li.children[0].children[0].href) : [];
}

const out = {};
try {
  for (const q of queries) out[q] = await run(q);
} catch (e) {
  console.error(`client.mjs: ${e.message}`);
  process.exit(1);
}
console.log(JSON.stringify(out));
process.exit(0);

// Search quality of a built hyte site, measured with the Finnish query set
// in tests/search/queries.toml:
//
//   node tests/search/run.mjs PUBLIC_DIR [--min-recall 0.95]
//        [--engine hyte|pagefind] [--queries FILE] [--base-path /]
//        [--search-path haku/] [--json FILE] [--timeout MS]
//
// Serves PUBLIC_DIR on 127.0.0.1 and runs every query in headless Chromium:
//
// - engine hyte (default): opens /haku/?q=<query> (or the search page of
//   another language, --search-path sv/sok/), waits until the
//   role="status" element says how many results there are (its text is
//   non-empty and no longer the script's data-searching word, "Haetaan…",
//   "Söker…"), and reads the first <a href> of each <li> of the <ol>
//   inside #hakutulokset;
// - engine pagefind: the same queries through Pagefind's JavaScript API
//   (PUBLIC_DIR/pagefind/, made by `python3 -m pagefind_bin --site DIR`).
//
// A result's URL is compared without its #anchor (and without the base
// path) with the query's expected pages. Prints
//   recall@5  share of queries passed: a query with expected pages passes
//             when one of them is in the top 5; a query with `expect = []`
//             (stopwords) passes when it returns no result at all;
//   MRR       mean over the queries with expected pages of 1/rank of the
//             first expected page in the top 10 (0 if none);
//   no result share of the queries with expected pages that got no result;
// then the same per kind, and a table of the failed queries. Exits 1 when
// recall@5 < --min-recall, 2 when the run itself cannot be done (no search
// page, no Pagefind index, a bad query file, an expected page missing from
// PUBLIC_DIR).

import { readFile, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve } from "../browser/site.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

function die(message) {
  console.error(`run.mjs: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

const USAGE =
  "usage: node tests/search/run.mjs PUBLIC_DIR [--min-recall 0.95] [--engine hyte|pagefind] " +
  "[--queries FILE] [--base-path /] [--search-path haku/] [--json FILE] [--timeout MS]";

const opts = {
  root: null,
  minRecall: 0.95,
  engine: "hyte",
  queries: path.join(here, "queries.toml"),
  basePath: "/",
  searchPath: "haku/",
  json: null,
  timeout: 10000,
};
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      if (i + 1 >= args.length) die(`${a} needs a value\n${USAGE}`);
      return args[++i];
    };
    if (a === "--min-recall") opts.minRecall = Number(value());
    else if (a === "--engine") opts.engine = value();
    else if (a === "--queries") opts.queries = path.resolve(value());
    else if (a === "--base-path") opts.basePath = value();
    else if (a === "--search-path") opts.searchPath = value();
    else if (a === "--json") opts.json = path.resolve(value());
    else if (a === "--timeout") opts.timeout = Number(value());
    else if (a === "-h" || a === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith("--")) die(`unknown option ${a}\n${USAGE}`);
    else if (opts.root === null) opts.root = path.resolve(a);
    else die(`more than one PUBLIC_DIR\n${USAGE}`);
  }
  if (opts.root === null) die(USAGE);
  if (!Number.isFinite(opts.minRecall) || opts.minRecall < 0 || opts.minRecall > 1)
    die("--min-recall must be a number from 0 to 1");
  if (!["hyte", "pagefind"].includes(opts.engine)) die(`unknown engine ${opts.engine}: hyte or pagefind`);
  if (!Number.isFinite(opts.timeout) || opts.timeout <= 0) die("--timeout must be a positive number of ms");
  if (!opts.basePath.startsWith("/")) opts.basePath = "/" + opts.basePath;
  if (!opts.basePath.endsWith("/")) opts.basePath += "/";
  opts.searchPath = opts.searchPath.replace(/^\/+/, "");
  if (!opts.searchPath.endsWith("/")) opts.searchPath += "/";
}
const root = opts.root;
if (!(await stat(root).catch(() => null))?.isDirectory()) die(`${root} is not a folder`);

// ---------------------------------------------------------------------------
// The query file: the small part of TOML it uses ([[query]] tables whose
// keys are strings or arrays of strings; comments; arrays over several
// lines).
// ---------------------------------------------------------------------------

function parseQueries(text, file) {
  const queries = [];
  let current = null;
  let i = 0;
  let line = 1;
  const fail = (msg) => die(`${file}:${line}: ${msg}`);
  const skipSpace = (newlines) => {
    for (;;) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\r") i++;
      else if (c === "\n" && newlines) {
        i++;
        line++;
      } else if (c === "#") {
        while (i < text.length && text[i] !== "\n") i++;
      } else return;
    }
  };
  const parseString = () => {
    const quote = text[i];
    i++;
    let out = "";
    for (;;) {
      if (i >= text.length || text[i] === "\n") fail("unterminated string");
      const c = text[i++];
      if (c === quote) return out;
      if (c === "\\" && quote === '"') {
        const e = text[i++];
        const simple = { n: "\n", t: "\t", '"': '"', "\\": "\\", r: "\r", b: "\b", f: "\f" };
        if (e in simple) out += simple[e];
        else if (e === "u" || e === "U") {
          const n = e === "u" ? 4 : 8;
          out += String.fromCodePoint(parseInt(text.slice(i, i + n), 16));
          i += n;
        } else fail(`unknown escape \\${e}`);
      } else out += c;
    }
  };
  const parseValue = () => {
    const c = text[i];
    if (c === '"' || c === "'") return parseString();
    if (c === "[") {
      i++;
      const items = [];
      for (;;) {
        skipSpace(true);
        if (text[i] === "]") {
          i++;
          return items;
        }
        items.push(parseValue());
        skipSpace(true);
        if (text[i] === ",") i++;
        else if (text[i] !== "]") fail("expected , or ] in an array");
      }
    }
    fail(`unsupported value starting with ${JSON.stringify(text.slice(i, i + 10))}`);
  };
  for (;;) {
    skipSpace(true);
    if (i >= text.length) break;
    if (text.startsWith("[[query]]", i)) {
      i += "[[query]]".length;
      current = { line };
      queries.push(current);
    } else {
      const m = /^([A-Za-z0-9_-]+)[ \t]*=[ \t]*/.exec(text.slice(i, i + 200));
      if (!m) fail(`cannot read ${JSON.stringify(text.slice(i, i + 30))}`);
      if (!current) fail("a key before the first [[query]]");
      i += m[0].length;
      const key = m[1];
      if (key in current && key !== "line") fail(`${key} given twice`);
      current[key] = parseValue();
    }
    skipSpace(false);
    if (i < text.length && text[i] !== "\n") fail("unexpected text after a value");
  }
  for (const q of queries) {
    line = q.line;
    if (typeof q.q !== "string" || q.q.trim() === "") fail("a query needs q = \"…\"");
    if (!Array.isArray(q.expect) || q.expect.some((e) => typeof e !== "string"))
      fail(`query ${JSON.stringify(q.q)} needs expect = [\"/path/\", …]`);
    if (typeof q.kind !== "string") fail(`query ${JSON.stringify(q.q)} needs kind = \"…\"`);
  }
  return queries;
}

const queries = parseQueries(await readFile(opts.queries, "utf8"), opts.queries);
if (queries.length === 0) die(`${opts.queries} has no [[query]]`);

// Every expected page must exist in the built site: otherwise the query set
// and the site disagree and the figures mean nothing.
{
  const missing = [];
  for (const q of queries) {
    for (const e of q.expect) {
      const rel = e.split("#")[0];
      const file = rel.endsWith("/") ? path.join(root, rel, "index.html") : path.join(root, rel);
      if (!existsSync(file)) missing.push(`  ${JSON.stringify(q.q)}: ${e} (no ${path.relative(root, file)})`);
    }
  }
  if (missing.length) die(`expected pages missing from ${root}:\n${missing.join("\n")}`);
}
if (opts.engine === "hyte" && !existsSync(path.join(root, opts.searchPath, "index.html")))
  die(`${root} has no ${opts.searchPath}index.html: the site has no search page yet`);
if (opts.engine === "pagefind" && !existsSync(path.join(root, "pagefind", "pagefind.js")))
  die(`${root} has no pagefind/pagefind.js: run python3 -m pagefind_bin --site ${root}`);

// A result URL as a page path: same origin, base path removed, no #anchor,
// no query string, ".../index.html" as ".../".
function pagePath(href, base) {
  let u;
  try {
    u = new URL(href, base);
  } catch {
    return String(href);
  }
  if (u.origin !== new URL(base).origin) return u.href;
  let p = u.pathname;
  try {
    p = decodeURIComponent(p);
  } catch {}
  if (p.startsWith(opts.basePath)) p = "/" + p.slice(opts.basePath.length);
  if (p.endsWith("/index.html")) p = p.slice(0, -"index.html".length);
  return p;
}

// ---------------------------------------------------------------------------
// Engines: each returns the result URLs of one query, best first.
// ---------------------------------------------------------------------------

async function hyteEngine(page, base, problems) {
  return async (q) => {
    const url = `${base}${opts.basePath}${opts.searchPath}?q=${encodeURIComponent(q)}`;
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response || !response.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
    try {
      await page.waitForFunction(
        () => {
          const box = document.getElementById("hakutulokset");
          const status =
            box?.querySelector('[role="status"]') ??
            box?.closest("main")?.querySelector('[role="status"]') ??
            document.querySelector('[role="status"]');
          const text = (status?.textContent ?? "").trim();
          // The script's own words, from the theme's language file.
          const words = document.querySelector("script[data-searching]")?.dataset;
          if (words) return text !== "" && text !== words.searching.trim();
          return text !== "" && !/haetaan/i.test(text) && /tulos|tuloks/i.test(text);
        },
        null,
        { timeout: opts.timeout, polling: 25 },
      );
    } catch {
      const status = await page
        .evaluate(() => document.querySelector('[role="status"]')?.textContent?.trim() ?? null)
        .catch(() => null);
      throw new Error(
        `no result count within ${opts.timeout} ms (status element ${
          status === null ? "missing" : JSON.stringify(status)
        })`,
      );
    }
    const found = await page.evaluate(() => {
      const box = document.getElementById("hakutulokset");
      const status =
        box?.querySelector('[role="status"]') ??
        box?.closest("main")?.querySelector('[role="status"]') ??
        document.querySelector('[role="status"]');
      const list = box?.querySelector("ol");
      const hrefs = [];
      if (list) {
        for (const li of list.children) {
          if (li.tagName !== "LI") continue;
          const a = li.querySelector("a[href]");
          hrefs.push(a ? a.href : null);
        }
      }
      const none = document.querySelector("script[data-no-results]")?.dataset.noResults;
      const text = status?.textContent?.trim() ?? "";
      const noResults = none ? text.startsWith(none.split("{query}")[0].trim()) : /^ei tuloksia/i.test(text);
      return { status: text, noResults, hrefs };
    });
    if (found.noResults && found.hrefs.length > 0)
      problems.add(`${JSON.stringify(q)}: the status says "${found.status}" but the list has ${found.hrefs.length} results`);
    if (found.hrefs.includes(null)) problems.add(`${JSON.stringify(q)}: a result <li> has no <a href>`);
    return found.hrefs.filter((h) => h !== null);
  };
}

async function pagefindEngine(page, base) {
  const response = await page.goto(`${base}${opts.basePath}`, { waitUntil: "load" });
  if (!response || !response.ok()) throw new Error(`front page: HTTP ${response?.status()}`);
  await page.evaluate(async (src) => {
    const pf = await import(src);
    await pf.init();
    window.__pf = pf;
  }, `${opts.basePath}pagefind/pagefind.js`);
  return async (q) =>
    page.evaluate(async (query) => {
      const r = await window.__pf.search(query);
      if (!r) return [];
      const top = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      return top.map((d) => d.url);
    }, q);
}

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------

// The server and Chromium are those of the browser checks (tests/browser).
const server = await serve(root, opts.basePath);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

const results = [];
const problems = new Set();
const started = Date.now();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.add(`script error on ${pagePath(page.url(), base)}: ${e.message}`));
  page.on("console", (m) => {
    // Failed requests are reported below, with their URL.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
      problems.add(`console error on ${pagePath(page.url(), base)}: ${m.text()}`);
  });
  page.on("response", (r) => {
    const p = pagePath(r.url(), base);
    if (r.status() >= 400 && p !== "/favicon.ico") problems.add(`HTTP ${r.status()} for ${p}`);
  });
  const run = opts.engine === "hyte" ? await hyteEngine(page, base, problems) : await pagefindEngine(page, base);
  // A search page that never answers would take the timeout per query:
  // after five errors in a row the remaining queries are not run.
  let errorsInRow = 0;
  for (const q of queries) {
    let urls = [];
    let error = null;
    if (errorsInRow >= 5) error = "not run: 5 errors in a row before it";
    else {
      try {
        urls = await run(q.q);
        errorsInRow = 0;
      } catch (e) {
        error = e.message.split("\n")[0];
        errorsInRow++;
      }
    }
    const got = urls.map((u) => pagePath(u, base));
    const expect = new Set(q.expect.map((e) => e.split("#")[0]));
    let rank = 0;
    for (let k = 0; k < Math.min(got.length, 10); k++) {
      if (expect.has(got[k])) {
        rank = k + 1;
        break;
      }
    }
    const pass = error === null && (expect.size === 0 ? got.length === 0 : rank >= 1 && rank <= 5);
    results.push({ q: q.q, kind: q.kind, expect: q.expect, got: got.slice(0, 10), count: got.length, rank, pass, error });
  }
} finally {
  await browser.close();
  server.close();
}

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

function figures(rs) {
  const withExpect = rs.filter((r) => r.expect.length > 0);
  return {
    queries: rs.length,
    recall5: rs.length ? rs.filter((r) => r.pass).length / rs.length : 0,
    mrr: withExpect.length ? withExpect.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / withExpect.length : 0,
    noResult: withExpect.length ? withExpect.filter((r) => r.count === 0).length / withExpect.length : 0,
    withExpect: withExpect.length,
  };
}

const total = figures(results);
const kinds = [...new Set(results.map((r) => r.kind))];
const perKind = Object.fromEntries(kinds.map((k) => [k, figures(results.filter((r) => r.kind === k))]));
const f3 = (x) => x.toFixed(3);
const pct = (x) => `${(100 * x).toFixed(1)} %`;

console.log(`search quality, engine ${opts.engine}, ${results.length} queries, ${path.relative(process.cwd(), root) || "."}`);
console.log(`  recall@5   ${f3(total.recall5)}  (${results.filter((r) => r.pass).length}/${results.length} queries passed)`);
console.log(`  MRR        ${f3(total.mrr)}  (first expected page in the top 10, over ${total.withExpect} queries with expected pages)`);
console.log(`  no result  ${pct(total.noResult)}  (of the ${total.withExpect} queries with expected pages)`);
console.log(`  time       ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log("");
console.log("  kind            queries  recall@5    MRR  no result");
for (const k of kinds) {
  const f = perKind[k];
  console.log(
    `  ${k.padEnd(15)} ${String(f.queries).padStart(7)}  ${f3(f.recall5).padStart(8)}  ${f3(f.mrr).padStart(5)}  ${(f.withExpect ? pct(f.noResult) : "–").padStart(9)}`,
  );
}

const failed = results.filter((r) => !r.pass);
if (failed.length) {
  console.log("");
  console.log(`failed queries (${failed.length}):`);
  const short = (list, n) => (list.length > n ? [...list.slice(0, n), `… +${list.length - n}`] : list).join(" ");
  const rows = failed.map((r) => [
    r.q,
    r.kind,
    r.expect.length ? short(r.expect, 2) : "(no result)",
    r.error ? `ERROR: ${r.error}` : r.count === 0 ? "(no result)" : short(r.got.slice(0, 3), 3) + (r.rank ? `  [expected at ${r.rank}]` : ""),
  ]);
  const head = ["query", "kind", "expected", "got (top 3)"];
  const widths = [0, 1, 2].map((c) => Math.min(60, Math.max(head[c].length, ...rows.map((row) => row[c].length))));
  const fmt = (row) => row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join("  ");
  console.log("  " + fmt(head));
  for (const row of rows) console.log("  " + fmt(row));
}

if (problems.size) {
  console.log("");
  console.log(`problems seen while searching (${problems.size}):`);
  for (const p of [...problems].slice(0, 30)) console.log(`  ${p}`);
  if (problems.size > 30) console.log(`  … and ${problems.size - 30} more`);
}

if (opts.json) {
  await writeFile(
    opts.json,
    JSON.stringify({ engine: opts.engine, root, ...total, perKind, problems: [...problems], results }, null, 2) + "\n",
  );
}

if (total.recall5 < opts.minRecall) {
  console.log("");
  console.log(`recall@5 ${f3(total.recall5)} is below the minimum ${opts.minRecall}`);
  process.exit(1);
}

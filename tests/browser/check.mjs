// Browser checks of a built hyte site, run by tests/browser.rs:
//
//   node tests/browser/check.mjs <public-dir>
//
// Serves the folder on 127.0.0.1, visits every HTML page in headless
// Chromium and checks: axe-core (WCAG 2.0/2.1/2.2 A and AA and best
// practice) finds no violation; the first Tab lands on the skip link and
// following it moves focus into <main>; at 320 px the page does not scroll
// sideways. Then the Nu Html Checker validates every HTML file. Prints
// every problem and exits 1 if there was any.

import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const root = path.resolve(process.argv[2] ?? "public");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".json": "application/json",
};

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out;
}

function serve() {
  const server = createServer(async (req, res) => {
    try {
      let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = path.join(root, rel);
      if (!file.startsWith(root)) throw new Error("outside");
      if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(await readFile(path.join(root, "404.html")).catch(() => "not found"));
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const problems = [];
const files = (await walk(root)).filter((f) => f.endsWith(".html")).sort();
const pages = [];
for (const file of files) {
  const html = await readFile(file, "utf8");
  // A redirect page leaves at once; the validator still checks it.
  if (html.includes('http-equiv="refresh"')) continue;
  let rel = "/" + path.relative(root, file).split(path.sep).join("/");
  if (rel.endsWith("/index.html")) rel = rel.slice(0, -"index.html".length);
  pages.push(rel);
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const rel of pages) {
    const url = base + rel;
    const response = await page.goto(url);
    if (!response || !response.ok()) {
      problems.push(`${rel}: HTTP ${response?.status()}`);
      continue;
    }
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
      AXE_TAGS,
    );
    for (const v of result.violations) {
      const targets = v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(", ");
      problems.push(`${rel}: axe ${v.id} (${v.impact}): ${v.help} — ${targets}`);
    }

    // Keyboard: the first Tab reaches the skip link; following it moves
    // focus into main.
    await page.goto(url);
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => {
      const a = document.activeElement;
      return { text: a?.textContent?.trim(), href: a?.getAttribute("href") };
    });
    if (first.text !== "Siirry pääsisältöön") {
      problems.push(`${rel}: first Tab focuses ${JSON.stringify(first)}, not the skip link`);
    } else {
      await page.keyboard.press("Enter");
      const inMain = await page.evaluate(() => !!document.activeElement?.closest("main"));
      if (!inMain) problems.push(`${rel}: following the skip link does not move focus into main`);
    }

    // Reflow: nothing scrolls sideways at 320 px.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) problems.push(`${rel}: at 320 px the page is ${width} px wide`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  // Search with results: axe clean, the count announced, results on Tab.
  if (pages.includes("/haku/")) {
    const url = base + "/haku/?q=" + encodeURIComponent("neuvottelut");
    await page.goto(url);
    await page.waitForFunction(() => {
      const s = document.querySelector('[role="status"]')?.textContent || "";
      return s && !s.startsWith("Haetaan");
    }, null, { timeout: 10000 });
    const status = await page.textContent('[role="status"]');
    if (!/tulos/.test(status)) problems.push(`/haku/?q=neuvottelut: the status says ${JSON.stringify(status)}`);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
      AXE_TAGS,
    );
    for (const v of result.violations) problems.push(`/haku/?q=neuvottelut: axe ${v.id}: ${v.help}`);
    // Tab from the search button reaches the first result.
    await page.focus("#hakulomake button");
    await page.keyboard.press("Tab");
    const inResults = await page.evaluate(() => !!document.activeElement?.closest("#hakutulokset li"));
    if (!inResults) problems.push("/haku/?q=neuvottelut: Tab from the search button does not reach the results");
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(url);
    await page.waitForSelector("#hakutulokset li");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) problems.push(`/haku/?q=neuvottelut: at 320 px the page is ${width} px wide`);
  }
} finally {
  await browser.close();
  server.close();
}

// The Nu Html Checker over every HTML file.
const vnu = require.resolve("vnu-jar/build/dist/vnu.jar");
const run = spawnSync("java", ["-jar", vnu, "--errors-only", "--format", "json", ...files], {
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
if (run.error) {
  problems.push(`cannot run the Nu Html Checker: ${run.error.message}`);
} else {
  const report = JSON.parse(run.stderr || run.stdout || '{"messages":[]}');
  for (const m of report.messages) {
    if (m.type === "error" || m.subType === "fatal") {
      const where = path.relative(root, new URL(m.url).pathname);
      problems.push(`${where}:${m.lastLine ?? "?"}: Nu ${m.message}`);
    }
  }
}

console.log(`checked ${pages.length} pages in Chromium and ${files.length} HTML files with the Nu Html Checker`);
if (problems.length) {
  console.log(problems.join("\n"));
  console.log(`${problems.length} problems`);
  process.exit(1);
}
console.log("no problems");

// Browser checks of a built hyte site, run by tests/browser.rs:
//
//   node tests/browser/check.mjs <public-dir>
//
// Serves the folder on 127.0.0.1, visits every HTML page in headless
// Chromium and checks: axe-core (WCAG 2.0/2.1/2.2 A and AA and best
// practice) finds no violation; the first Tab lands on the skip link and
// following it moves focus into <main>; at 320 px the page does not scroll
// sideways; the page's Content-Security-Policy is not violated (by the
// theme, the search script or anything else); a search from the address
// leaves focus on its status, which tells when only the best 20 are shown.
// Then the Nu Html Checker validates every HTML file. Prints every problem
// and exits 1 if there was any.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { htmlPages, launch, serve } from "./site.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(process.argv[2] ?? "public");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const problems = [];
const { files, pages } = await htmlPages(root);

const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Every CSP violation of a page is recorded (init scripts run outside
  // the page's policy).
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  // axe is evaluated over the DevTools protocol: the pages' policy allows
  // no inline script, so it cannot be added as a script tag.
  const injectAxe = () => page.evaluate(axeSource);
  const cspViolations = async (rel) => {
    for (const v of await page.evaluate(() => window.__csp)) {
      problems.push(`${rel}: Content-Security-Policy violated: ${v}`);
    }
  };
  let withWord = 0;
  for (const rel of pages) {
    const url = base + rel;
    const response = await page.goto(url);
    if (!response || !response.ok()) {
      problems.push(`${rel}: HTTP ${response?.status()}`);
      continue;
    }
    if (!(await page.evaluate(() => !!document.querySelector('meta[http-equiv="Content-Security-Policy"]')))) {
      problems.push(`${rel}: no Content-Security-Policy`);
    }
    await cspViolations(rel);
    // How many pages say "neuvottelu…" in their main text (for the search).
    if (await page.evaluate(() => /neuvottel/i.test(document.querySelector("main")?.innerText ?? ""))) withWord++;
    await injectAxe();
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
      return { text: a?.textContent?.trim(), href: a?.getAttribute("href"), skip: a?.classList.contains("skip") };
    });
    if (!first.skip || first.href !== "#sisalto" || !first.text) {
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
    // Focus is not left on <body>: it is on the status, so the count is
    // read and the next Tab reaches the results.
    const focused = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    if (focused !== "hakutila") problems.push(`/haku/?q=neuvottelut: after the search focus is on ${focused}, not the status`);
    // Where well over the 20 shown have the word (not every page is in
    // the index: the search page, the 404 page), the status says that
    // only the best 20 are shown, and how many matched.
    const shown = await page.locator("#hakutulokset li").count();
    const claimed = Number(status.match(/\d+/)?.[0] ?? 0);
    if (withWord >= 30 && !(claimed > 20 && /näytetään 20/.test(status))) {
      problems.push(`/haku/?q=neuvottelut: ${withWord} pages say "neuvottelu…" and ${shown} results are shown, but the status says ${JSON.stringify(status)}`);
    }
    await cspViolations("/haku/?q=neuvottelut");
    await injectAxe();
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

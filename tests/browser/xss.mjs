// Hostile content in a real browser, run by tests/xss.rs:
//
//   node tests/browser/xss.mjs <public-dir>
//
// The payloads of the hostile test site set `window.__xss` or open a
// dialog if they ever run. Visits every page in headless Chromium, moves
// the pointer over and focuses every link, and fails if any payload ran,
// if a page asked for anything the Content-Security-Policy blocked, or if a
// link leads anywhere but a web page, an e-mail address or a phone number.

import path from "node:path";
import { htmlPages, launch, serve } from "./site.mjs";

const root = path.resolve(process.argv[2] ?? "public");
const problems = [];
const { pages } = await htmlPages(root);
const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
try {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  let current = "";
  page.on("dialog", async (d) => {
    problems.push(`${current}: a dialog opened: ${d.message()}`);
    await d.dismiss();
  });
  for (const rel of pages) {
    current = rel;
    await page.goto(base + rel, { waitUntil: "load" });
    const links = await page.$$("a[href]");
    for (const a of links.slice(0, 200)) {
      await a.hover({ timeout: 1000 }).catch(() => {});
      await a.focus().catch(() => {});
    }
    await page.waitForTimeout(50);
    const found = await page.evaluate(() => ({
      xss: window.__xss,
      csp: window.__csp,
      bad: [...document.querySelectorAll("[href], [src], [action]")]
        .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action"))
        .filter((u) => /^\s*[a-z][a-z0-9+.-]*:/i.test(u) && !/^\s*(https?|mailto|tel):/i.test(u)),
    }));
    if (found.xss !== undefined) problems.push(`${rel}: a payload ran: ${found.xss}`);
    for (const v of found.csp) problems.push(`${rel}: Content-Security-Policy blocked ${v}`);
    for (const u of found.bad) problems.push(`${rel}: a link or source to ${u}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`visited ${pages.length} pages`);
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log("no payload ran");

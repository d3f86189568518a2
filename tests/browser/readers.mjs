// What axe and the Nu checker do not see, run by tests/browser.rs:
//
//   node tests/browser/readers.mjs <public-dir>
//
// Visits every page of a built site in headless Chromium as different
// readers do and checks:
//
// - zoom: at 200 % and 400 % of a 1280 px window (a 640 and a 320 CSS px
//   viewport, which is what browser zoom does to the layout) no table cell
//   is narrower than a word in it and no word breaks across lines, no
//   caption is narrower than its table, nothing is cut by an overflow
//   that hides, and the page does not scroll sideways;
// - a region that scrolls sideways (at 700 px, between the stacked and
//   the full table) is reachable with Tab, and nothing takes a tab stop
//   that neither scrolls nor does anything;
// - print on A4 (190 mm of text, 718 CSS px): nothing clipped or wider
//   than the paper, the search form, navigation and skip link not printed,
//   the site name, heading, tables and the page's address printed, text
//   dark enough on white paper (4.5:1), internal links followed by where
//   they go;
// - forced colours: no main navigation link has a bar under it but the
//   current one, and the current one differs by more than colour;
// - the current section of the main navigation has aria-current ("page"
//   on its own page, "true" on the pages inside it);
// - Chromium's accessibility tree: no decorative character ("›", "•", "–"
//   alone) read as text, no stacked-table label read as well as its
//   header, no two links with one name and different targets, no row
//   header over 12 words;
// - names: the main navigation, footer and breadcrumb name a page as its
//   heading does; every page title is unique and a page of a year has the
//   year in its title; dates are d.m.yyyy without leading zeros; a status
//   is one of the words of the theme's status macro.
//
// Prints every problem and exits 1 if there was any.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { htmlPages, launch, serve } from "./site.mjs";

const root = path.resolve(process.argv[2] ?? "public");
// The status words of the default theme (the [status] table of each
// language file, which the `status` macro prints), and the header of the
// tables' status column ([sessions] status): every status on every page
// is one of its language's words.
const table = (text, name) => text.split(new RegExp(`^\\[${name}\\]$`, "m"))[1]?.split(/^\[/m)[0] ?? "";
const WORDS = {};
for (const lang of ["fi", "sv", "en"]) {
  const text = readFileSync(fileURLToPath(new URL(`../../themes/default/i18n/${lang}.toml`, import.meta.url)), "utf8");
  const status = [...table(text, "status").matchAll(/^\w+ = "([^"]+)"/gm)].map((m) => m[1].trim()).filter(Boolean);
  if (status.length < 3) throw new Error(`the status words not found in themes/default/i18n/${lang}.toml: ${status}`);
  const column = table(text, "sessions").match(/^status = "([^"]+)"/m)?.[1];
  WORDS[lang] = { status, column };
}
// A slash is not among them: between words it means "or" and is read so.
const DECORATIVE = /^[\s›»«‹•·–—|>→]+$/u;
const ZOOMS = [
  { name: "200 %", width: 640, scale: 2 },
  { name: "400 %", width: 320, scale: 4 },
];
const PRINT_WIDTH = 718;
const SCROLL_WIDTH = 700;

const problems = [];
const report = (rel, rest) => problems.push([rel, rest]);
const { pages } = await htmlPages(root);
const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// Per page, what the site-wide checks need.
const seen = new Map();

// A page, and a DevTools session on it for the accessibility tree (a
// session resets emulated media, so print and forced colours have none).
async function open(context, { cdp = false } = {}) {
  const page = await context.newPage();
  return { page, cdp: cdp ? await context.newCDPSession(page) : null };
}

/// Chromium's accessibility tree, each node with the attributes of its
/// element (href, data-label, tag).
async function axTree({ page, cdp }) {
  const { root: doc } = await cdp.send("DOM.getDocument", { depth: -1 });
  const elements = new Map();
  const walk = (n) => {
    if (n.nodeType === 1) {
      const attrs = {};
      for (let i = 0; i + 1 < (n.attributes ?? []).length; i += 2) attrs[n.attributes[i]] = n.attributes[i + 1];
      elements.set(n.backendNodeId, { tag: n.nodeName.toLowerCase(), attrs });
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(doc);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  // The nearest ancestor that a screen reader names, to say where a node is.
  const within = (n) => {
    for (let p = byId.get(n.parentId); p; p = byId.get(p.parentId)) {
      if (!p.ignored && !["none", "generic", "StaticText"].includes(p.role?.value)) return p;
    }
    return null;
  };
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({
      role: n.role?.value ?? "",
      name: (n.name?.value ?? "").trim(),
      element: elements.get(n.backendDOMNodeId),
      parent: within(n),
      url: page.url(),
    }));
}

function axChecks(rel, where, nodes, { links: checkLinks }) {
  const doubled = new Map();
  for (const n of nodes) {
    if (n.role === "StaticText" && n.name && DECORATIVE.test(n.name)) {
      const p = n.parent;
      report(rel, ` (${where}): the decorative "${n.name}" is read as text (in ${p?.role?.value ?? "the page"}${p?.name?.value ? ` "${p.name.value}"` : ""})`);
    }
    const label = n.element?.attrs["data-label"];
    if (label && ["cell", "rowheader", "columnheader", "gridcell"].includes(n.role) && n.name.startsWith(label + ":")) {
      if (!doubled.has(label)) doubled.set(label, []);
      doubled.get(label).push(n.name);
    }
    if (n.role === "rowheader") {
      const words = n.name.split(/\s+/).filter(Boolean).length;
      if (words > 12) report(rel, ` (${where}): a row header of ${words} words (at most 12): "${n.name.slice(0, 80)}…"`);
    }
  }
  for (const [label, cells] of doubled) {
    report(rel, ` (${where}): ${cells.length} cells read their column's label "${label}" as well as its header, e.g. "${cells[0].slice(0, 50)}"`);
  }
  if (!checkLinks) return;
  const links = new Map();
  for (const n of nodes) {
    if (n.role !== "link" || !n.element?.attrs.href) continue;
    const href = new URL(n.element.attrs.href, n.url).href;
    if (!links.has(n.name)) links.set(n.name, new Set());
    links.get(n.name).add(href);
  }
  for (const [name, hrefs] of links) {
    if (hrefs.size > 1) {
      const list = [...hrefs].map((h) => h.replace(base, "")).slice(0, 4).join(", ");
      report(rel, ` (${where}): ${hrefs.size} links named "${name}" go to different places: ${list}`);
    }
  }
}

// In the page: every table cell fits its longest word, no word breaks
// across lines, captions are as wide as their tables, nothing is cut,
// and nothing scrolls sideways.
function layoutProblems({ allowScroll }) {
  const out = [];
  const hidden = (el) => {
    const r = el.getBoundingClientRect();
    return r.width <= 1 || r.height <= 1 || !el.checkVisibility({ visibilityProperty: true });
  };
  const short = (el) => `<${el.tagName.toLowerCase()}> "${el.textContent.trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  for (const cell of document.querySelectorAll("th, td, caption")) {
    if (hidden(cell)) continue;
    const cs = getComputedStyle(cell);
    const box = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let worst = null;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.parentElement || hidden(t.parentElement)) continue;
      // Words, and the parts of a hyphenated word (a line may break after
      // a hyphen, a dash or a slash).
      for (const m of t.data.matchAll(/[^\s\-‐–—/]+[\-‐–—/]?/gu)) {
        const range = document.createRange();
        range.setStart(t, m.index);
        range.setEnd(t, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        // A line of its own for each rectangle that starts below the last.
        const tops = rects.map((r) => r.top).sort((a, b) => a - b);
        const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1] > 2).length;
        const width = rects.reduce((s, r) => s + r.width, 0);
        if (lines > 1) {
          out.push(`the word "${m[0]}" breaks across ${lines} lines in ${short(cell)} (${Math.round(box)} px wide)`);
          worst = null;
          break;
        }
        if (width > box + 1 && (!worst || width > worst.width)) worst = { word: m[0], width };
      }
    }
    if (worst) out.push(`${short(cell)} is ${Math.round(box)} px wide, narrower than its word "${worst.word}" (${Math.round(worst.width)} px)`);
  }
  for (const table of document.querySelectorAll("table")) {
    if (!table.caption || hidden(table)) continue;
    const c = table.caption.getBoundingClientRect().width;
    const w = table.getBoundingClientRect().width;
    if (c < w - 1) out.push(`the caption "${table.caption.textContent.trim()}" is ${Math.round(c)} px wide, its table ${Math.round(w)} px`);
  }
  for (const el of document.body.querySelectorAll("*")) {
    const cs = getComputedStyle(el);
    const x = cs.overflowX, y = cs.overflowY;
    if ((x === "visible" && y === "visible") || hidden(el)) continue;
    const wide = x !== "visible" && el.scrollWidth > el.clientWidth + 1;
    const tall = y !== "visible" && el.scrollHeight > el.clientHeight + 1;
    if (!wide && !tall) continue;
    const scrolls = (wide && (x === "auto" || x === "scroll")) || (tall && (y === "auto" || y === "scroll"));
    if (scrolls && allowScroll) continue;
    out.push(`${short(el)} ${scrolls ? "scrolls" : "cuts its content"}: ${el.scrollWidth}×${el.scrollHeight} px in ${el.clientWidth}×${el.clientHeight} px (overflow ${x} ${y})`);
  }
  const page = document.documentElement.scrollWidth;
  if (page > innerWidth) out.push(`the page is ${page} px wide in a ${innerWidth} px window`);
  return out;
}

// In the page, in print media: what must not print, what must, contrast
// on white paper, and where internal links go.
function printProblems() {
  const out = [];
  if (!matchMedia("print").matches) return ["the page is not in print media"];
  const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 1;
  const short = (el) => `<${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""}> "${el.textContent.trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  for (const sel of ['form[role="search"]', "nav", ".skip", "button", "input", ".site-footer ul"]) {
    for (const el of document.querySelectorAll(sel)) if (shown(el)) out.push(`${short(el)} (${sel}) is printed`);
  }
  for (const sel of [".site-name", "main h1", "main table", "main th", "main td", ".provenance"]) {
    for (const el of document.querySelectorAll(sel)) if (!shown(el)) out.push(`${short(el)} (${sel}) is not printed`);
  }
  if (!document.querySelector(".site-name")) out.push("no site name to print");
  const canonical = document.querySelector('link[rel="canonical"]')?.href;
  if (canonical && !document.body.innerText.includes(canonical)) out.push(`the page's address ${canonical} is not printed`);
  // Browsers print no backgrounds: all text is on white.
  const lum = (rgb) => {
    const [r, g, b, a = 1] = rgb.match(/[\d.]+/g).map(Number);
    const lin = (c) => {
      const v = (c * a + 255 * (1 - a)) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const bad = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!t.data.trim() || !el || !shown(el)) continue;
    const color = getComputedStyle(el).color;
    const ratio = 1.05 / (lum(color) + 0.05);
    if (ratio < 4.5 && !bad.has(el)) bad.set(el, `${short(el)} prints ${color} on white: ${ratio.toFixed(1)}:1`);
  }
  out.push(...[...bad.values()].slice(0, 5));
  for (const a of document.querySelectorAll("main a[href]")) {
    const href = a.getAttribute("href");
    if (!shown(a) || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("tel:")) continue;
    const after = getComputedStyle(a, "::after").content;
    if (!after.includes("attr(href)") && !after.includes(href)) {
      out.push(`the link ${short(a)} does not show where it goes (${href})`);
      break;
    }
  }
  return out;
}

// In the page, in forced colours: bars under the main navigation's links.
function forcedColourProblems() {
  const out = [];
  if (!matchMedia("(forced-colors: active)").matches) return ["the page is not in forced colours"];
  const bar = (cs) =>
    ["Bottom", "Top", "Left", "Right"].some(
      (s) => parseFloat(cs[`border${s}Width`]) > 0 && cs[`border${s}Style`] !== "none" && cs[`border${s}Style`] !== "hidden" && !cs[`border${s}Color`].endsWith(", 0)"),
    ) || (cs.textDecorationLine.includes("underline") && parseFloat(cs.textDecorationThickness) > 2);
  const links = [...document.querySelectorAll("header nav a")];
  const current = links.filter((a) => a.hasAttribute("aria-current"));
  for (const a of links) {
    if (!current.includes(a) && bar(getComputedStyle(a))) out.push(`"${a.textContent}" has a bar, but it is not the current page`);
  }
  const other = links.find((a) => !current.includes(a));
  for (const a of current) {
    if (!other) break;
    const c = getComputedStyle(a), o = getComputedStyle(other);
    const props = ["fontWeight", "borderBottomWidth", "borderBottomStyle", "textDecorationLine", "textDecorationThickness", "outlineStyle", "fontStyle"];
    if (props.every((p) => c[p] === o[p])) out.push(`the current "${a.textContent}" differs from "${other.textContent}" only by colour`);
  }
  return out;
}

// In the page: aria-current of the main navigation.
function currentProblems() {
  const out = [];
  const here = location.pathname;
  for (const a of document.querySelectorAll("header nav a")) {
    const to = new URL(a.href).pathname;
    const want = here === to ? "page" : here.startsWith(to) && to !== "/" ? "true" : null;
    const got = a.getAttribute("aria-current");
    if (got !== want) out.push(`the main navigation's "${a.textContent}" has aria-current=${got}, not ${want}`);
  }
  return out;
}

// In the page: the tab stops that neither do anything nor scroll, and the
// regions that scroll sideways (marked for the Tab walk).
function tabStops() {
  const out = [];
  const native = "a[href], button, input, select, textarea, summary, iframe, [contenteditable]";
  for (const el of document.querySelectorAll("[tabindex]")) {
    if (el.tabIndex < 0 || el.matches(native)) continue;
    if (el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1) {
      out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> takes a tab stop but nothing in it scrolls`);
    }
  }
  let n = 0;
  for (const el of document.body.querySelectorAll("*")) {
    const x = getComputedStyle(el).overflowX;
    if ((x === "auto" || x === "scroll") && el.scrollWidth > el.clientWidth + 1) el.dataset.scroller = String(n++);
  }
  return { out, scrollers: n };
}

/// Which of the marked regions Tab reaches, in one round of the page's
/// tab stops.
async function tabReaches(page, count) {
  const reached = new Set();
  await page.keyboard.press("Tab");
  await page.evaluate(() => (window.__firstStop = document.activeElement));
  for (let i = 0; i < 1000 && reached.size < count; i++) {
    const at = await page.evaluate(() => document.activeElement?.closest("[data-scroller]")?.dataset.scroller);
    if (at !== undefined) reached.add(at);
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement === window.__firstStop)) break;
  }
  return reached;
}

try {
  const desk = await open(await browser.newContext({ viewport: { width: 1280, height: 900 } }), { cdp: true });
  const zooms = [];
  for (const z of ZOOMS) {
    zooms.push({ ...z, ...(await open(await browser.newContext({ viewport: { width: z.width, height: 900 }, deviceScaleFactor: z.scale }), { cdp: z.width === 320 })) });
  }
  const mid = await open(await browser.newContext({ viewport: { width: SCROLL_WIDTH, height: 900 } }));
  const print = await open(await browser.newContext({ viewport: { width: PRINT_WIDTH, height: 1123 } }));
  await print.page.emulateMedia({ media: "print" });
  const forced = await open(await browser.newContext({ viewport: { width: 1280, height: 900 }, forcedColors: "active" }));
  await forced.page.emulateMedia({ forcedColors: "active" });

  for (const rel of pages) {
    const url = base + rel;
    const response = await desk.page.goto(url);
    if (!response?.ok()) {
      report(rel, `: HTTP ${response?.status()}`);
      continue;
    }
    axChecks(rel, "1280 px", await axTree(desk), { links: true });
    for (const p of await desk.page.evaluate(layoutProblems, { allowScroll: true })) report(rel, ` at 1280 px: ${p}`);
    for (const p of await desk.page.evaluate(currentProblems)) report(rel, `: ${p}`);
    const { out: stops } = await desk.page.evaluate(tabStops);
    for (const p of stops) report(rel, ` (1280 px): ${p}`);
    const lang = await desk.page.evaluate(() => document.documentElement.lang);
    seen.set(rel, await desk.page.evaluate((column) => {
      const links = (sel) => [...document.querySelectorAll(sel)].map((a) => ({ text: a.textContent.trim(), to: new URL(a.href).pathname }));
      const col = (table, name) => [...table.tHead?.rows[0]?.cells ?? []].findIndex((c) => c.textContent.trim() === name);
      const statuses = [...document.querySelectorAll('main .status[class*="status-"]')].map((e) => e.textContent.trim());
      for (const t of document.querySelectorAll("table")) {
        const i = col(t, column);
        if (i >= 0) for (const r of t.tBodies[0]?.rows ?? []) statuses.push(r.cells[i]?.textContent.trim());
      }
      return {
        title: document.title,
        h1: document.querySelector("h1")?.textContent.trim() ?? "",
        text: document.body.innerText,
        // The language switcher names a language, not a page.
        names: [...links("header nav:not(.languages) a"), ...links("footer a:not([href^='mailto:'])"), ...links(".breadcrumbs a")],
        statuses,
        lang: document.documentElement.lang,
      };
    }, (WORDS[lang] ?? WORDS.fi).column));

    for (const z of zooms) {
      await z.page.goto(url);
      for (const p of await z.page.evaluate(layoutProblems, { allowScroll: false })) report(rel, ` at ${z.name} zoom (${z.width} px): ${p}`);
      if (z.width === 320) {
        axChecks(rel, "320 px", await axTree(z), { links: false });
        const { out } = await z.page.evaluate(tabStops);
        for (const p of out) report(rel, ` (320 px): ${p}`);
      }
    }

    await mid.page.goto(url);
    const { out, scrollers } = await mid.page.evaluate(tabStops);
    for (const p of out) report(rel, ` (${SCROLL_WIDTH} px): ${p}`);
    if (scrollers) {
      const reached = await tabReaches(mid.page, scrollers);
      for (let i = 0; i < scrollers; i++) {
        if (!reached.has(String(i))) {
          const what = await mid.page.evaluate((i) => document.querySelector(`[data-scroller="${i}"]`).outerHTML.slice(0, 80), i);
          report(rel, ` (${SCROLL_WIDTH} px): a region that scrolls sideways is not reachable with Tab: ${what}`);
        }
      }
    }

    await print.page.goto(url);
    for (const p of await print.page.evaluate(layoutProblems, { allowScroll: false })) report(rel, ` in print (A4): ${p}`);
    for (const p of await print.page.evaluate(printProblems)) report(rel, ` in print (A4): ${p}`);

    await forced.page.goto(url);
    for (const p of await forced.page.evaluate(forcedColourProblems)) report(rel, ` in forced colours: ${p}`);
  }
} finally {
  await browser.close();
  server.close();
}

// Site-wide: one name for one page, unique titles, one date format, one
// status vocabulary.
const titles = new Map();
for (const [rel, s] of seen) {
  if (titles.has(s.title)) report(rel, `: the same title as ${titles.get(s.title)}: "${s.title}"`);
  else titles.set(s.title, rel);
  const year = rel.match(/^\/(\d{4})\//)?.[1];
  if (year && !s.title.includes(year)) report(rel, `: the title "${s.title}" does not say the year ${year}`);
  for (const link of s.names) {
    const target = seen.get(link.to);
    // A front page (the main language's or another's) is named by the
    // site's title, its link by the word for front page.
    if (!target || /^\/([a-z]{2,3}\/)?$/.test(link.to) || link.to === rel) continue;
    if (!target.h1.toLowerCase().includes(link.text.toLowerCase())) {
      report(rel, `: a link calls ${link.to} "${link.text}", its heading says "${target.h1}"`);
    }
  }
  for (const m of s.text.matchAll(/(?<![\d.])(?:0\d\.\d{1,2}|\d{1,2}\.0\d)\.\d{4}(?!\d)/g)) {
    report(rel, `: the date "${m[0]}" has a leading zero (write d.m.yyyy, e.g. 7.10.2025)`);
  }
  const words = WORDS[s.lang]?.status ?? WORDS.fi.status;
  for (const st of s.statuses) {
    const word = st.charAt(0).toLowerCase() + st.slice(1);
    if (!words.includes(word)) report(rel, `: the status "${st}" is not one of the theme's words (${words.join(", ")})`);
  }
}

// The same problem on many pages is one line, with the pages it is on.
const grouped = new Map();
for (const [rel, rest] of problems) {
  if (!grouped.has(rest)) grouped.set(rest, []);
  grouped.get(rest).push(rel);
}
const lines = [...grouped].map(([rest, rels]) => (rels.length > 3 ? `${rels.slice(0, 3).join(", ")} and ${rels.length - 3} more pages${rest}` : `${rels.join(", ")}${rest}`));
console.log(`checked ${pages.length} pages at 200 % and 400 % zoom, in print, in forced colours and in the accessibility tree`);
if (lines.length) {
  console.log(lines.join("\n"));
  console.log(`${problems.length} problems`);
  process.exit(1);
}
console.log("no problems");

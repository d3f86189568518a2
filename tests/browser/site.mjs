// What the browser checks share: a static server for a built site, the
// list of its pages, and a headless Chromium.

import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".json": "application/json",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
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

/// Serves `root` on 127.0.0.1 (a free port) under `basePath`; the 404
/// page for what is not there.
export function serve(root, basePath = "/") {
  const server = createServer(async (req, res) => {
    try {
      let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
      if (!rel.startsWith(basePath)) throw new Error("outside the base path");
      rel = "/" + rel.slice(basePath.length);
      let file = path.join(root, rel);
      if (file !== root && !file.startsWith(root + path.sep)) throw new Error("outside");
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

/// Every HTML file under `root` (sorted), and the URL paths of the pages
/// among them (redirect pages leave at once and are not visited).
export async function htmlPages(root) {
  const files = (await walk(root)).filter((f) => f.endsWith(".html")).sort();
  const pages = [];
  for (const file of files) {
    const html = await readFile(file, "utf8");
    if (html.includes('http-equiv="refresh"')) continue;
    let rel = "/" + path.relative(root, file).split(path.sep).join("/");
    if (rel.endsWith("/index.html")) rel = rel.slice(0, -"index.html".length);
    pages.push(rel);
  }
  return { files, pages };
}

/// Headless Chromium (Debian's, or $CHROMIUM).
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
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
}

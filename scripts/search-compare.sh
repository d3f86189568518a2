#!/usr/bin/env bash
# Compares hyte's own search with Pagefind on the real site, with the
# Finnish query set of tests/search/queries.toml:
#
#   scripts/search-compare.sh [--keep]
#
# 1. builds the real site into a temporary folder;
# 2. runs tests/search/run.mjs on it with --engine hyte;
# 3. copies the same built pages, indexes the copy with Pagefind
#    (PyPI pagefind-bin, installed with pip if missing) and runs the same
#    queries with --engine pagefind;
# 4. prints both summaries side by side.
#
# Both runs use --min-recall 0: this script reports, it does not judge.
# --keep leaves the temporary folder (built sites, JSON results) in place.
# Needs cargo, node, python3 and Chromium (/usr/bin/chromium or $CHROMIUM),
# and tests/browser/node_modules (cd tests/browser && npm ci).

set -uo pipefail

keep=0
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "search-compare.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo" || exit 2
runner="$repo/tests/search/run.mjs"

if [ ! -d tests/browser/node_modules/playwright-core ]; then
  echo "search-compare.sh: tests/browser/node_modules is missing: run (cd tests/browser && npm ci)" >&2
  exit 2
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/hyte-search-compare.XXXXXX")" || exit 2
if [ "$keep" = 1 ]; then
  trap 'echo; echo "kept: $tmp"' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi

echo "== building the real site into $tmp/hyte"
if ! cargo run -q -- build --output "$tmp/hyte"; then
  echo "search-compare.sh: the build failed" >&2
  exit 2
fi

echo
echo "== hyte search"
node "$runner" "$tmp/hyte" --engine hyte --min-recall 0 --json "$tmp/hyte.json"
hyte_status=$?

echo
echo "== Pagefind over the same pages"
cp -R "$tmp/hyte" "$tmp/pagefind"
if ! python3 -m pagefind_bin --version >/dev/null 2>&1; then
  echo "installing pagefind-bin with pip"
  python3 -m pip install --quiet pagefind-bin || { echo "search-compare.sh: cannot install pagefind-bin" >&2; exit 2; }
fi
python3 -m pagefind_bin --version
if ! python3 -m pagefind_bin --site "$tmp/pagefind" >"$tmp/pagefind.log" 2>&1; then
  cat "$tmp/pagefind.log" >&2
  echo "search-compare.sh: Pagefind failed" >&2
  exit 2
fi
grep -E 'Indexed [0-9]+ (pages|words)' "$tmp/pagefind.log" | sed 's/^ */  /'
node "$runner" "$tmp/pagefind" --engine pagefind --min-recall 0 --json "$tmp/pagefind.json"
pagefind_status=$?

echo
echo "== side by side"
node - "$tmp/hyte.json" "$tmp/pagefind.json" <<'EOF'
const fs = require("node:fs");
const load = (f) => {
  try {
    return JSON.parse(fs.readFileSync(f, "utf8"));
  } catch {
    return null;
  }
};
const [hyte, pagefind] = process.argv.slice(2).map(load);
const f3 = (x) => x.toFixed(3);
const pct = (x) => `${(100 * x).toFixed(1)} %`;
const cell = (r, get) => (r ? get(r) : "n/a").padStart(10);
const rows = [
  ["queries", (r) => String(r.queries)],
  ["recall@5", (r) => f3(r.recall5)],
  ["MRR", (r) => f3(r.mrr)],
  ["no result", (r) => pct(r.noResult)],
];
console.log(`  ${"".padEnd(24)}${"hyte".padStart(10)}${"Pagefind".padStart(10)}`);
for (const [name, get] of rows) console.log(`  ${name.padEnd(24)}${cell(hyte, get)}${cell(pagefind, get)}`);
const kinds = [...new Set([...Object.keys(hyte?.perKind ?? {}), ...Object.keys(pagefind?.perKind ?? {})])];
console.log("  recall@5 by kind:");
for (const k of kinds) {
  const n = (hyte ?? pagefind).perKind[k]?.queries ?? 0;
  const get = (r) => (r.perKind[k] ? f3(r.perKind[k].recall5) : "n/a");
  console.log(`    ${`${k} (${n})`.padEnd(22)}${cell(hyte, get)}${cell(pagefind, get)}`);
}
if (!hyte) console.log("  (hyte: no figures, see the hyte run above)");
if (!pagefind) console.log("  (Pagefind: no figures, see the Pagefind run above)");
EOF

# 0 when both runs produced figures; 2 when one of them could not run.
if [ "$hyte_status" -ge 2 ] || [ "$pagefind_status" -ge 2 ]; then exit 2; fi
exit 0

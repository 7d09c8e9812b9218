#!/usr/bin/env bash
# Times full builds of a synthetic site of N seeds (default: 3 and 1000) with the release
# binary and reports the median of RUNS runs and the peak memory (max RSS).
#
#   bash scripts/bench.sh [N...]          RUNS=5 by default
#
# Two figures per N:
#   first  — a fresh site: every seed is ingested into content/briefings/ and the site
#            rendered into dist/ (the cost on a new checkout)
#   again  — the same site rebuilt with its pages in place (the everyday build)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(3 1000)
cargo build --release --quiet
BIN="$PWD/target/release/briefing"
WORK="$(mktemp -d /tmp/briefing-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

measure() { # measure DIR -> "seconds maxrss_kib"
  local t0 t1 rss
  t0=$(date +%s.%N)
  rss=$( { /usr/bin/time -f '%M' "$BIN" build --root "$1" >/dev/null; } 2>&1 | tail -1)
  t1=$(date +%s.%N)
  echo "$(echo "$t1 - $t0" | bc) $rss"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-6s %-6s %10s %10s %12s\n' N build median_s min_s peak_rss_MiB
for n in "${SIZES[@]}"; do
  site="$WORK/site-$n"
  python3 scripts/synth_seeds.py "$n" "$site"
  for kind in first again; do
    : > "$WORK/times"; : > "$WORK/rss"
    for _ in $(seq "$RUNS"); do
      if [ "$kind" = first ]; then rm -rf "$site/content/briefings" "$site/dist"; fi
      read -r secs rss < <(measure "$site")
      echo "$secs" >> "$WORK/times"; echo "$rss" >> "$WORK/rss"
      [ "$kind" = first ] || true
    done
    printf '%-6s %-6s %10.3f %10.3f %12.1f\n' "$n" "$kind" "$(median < "$WORK/times")" \
      "$(sort -n "$WORK/times" | head -1)" "$(echo "$(sort -n "$WORK/rss" | tail -1) / 1024" | bc -l)"
  done
done

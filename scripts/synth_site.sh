#!/usr/bin/env bash
# A synthetic briefing site of N seeds for timing `build` and `serve`:
#   scripts/synth_site.sh N DIR
# Seed i is real seed (i mod 3) with its standfirst prefixed by "Dispatch i:" (so every
# title and slug differs) and a closing paragraph naming the dispatch. DIR gets site.yaml,
# content/about.md and content/_data from this repository; run `briefing build --root DIR`
# (or `serve`) afterwards to ingest the seeds into content/briefings/.
set -euo pipefail
n=${1:?usage: synth_site.sh N DIR}
dir=${2:?usage: synth_site.sh N DIR}
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
  echo "synth_site: $dir exists and is not empty" >&2
  exit 2
fi
mkdir -p "$dir/seeds" "$dir/content"
cp "$here/site.yaml" "$dir/"
cp "$here/content/about.md" "$dir/content/"
if [ -d "$here/content/_data" ]; then cp -r "$here/content/_data" "$dir/content/"; fi
mapfile -t real < <(ls "$here"/seeds/*.txt | sort)
for ((i = 0; i < n; i++)); do
  src="${real[$((i % ${#real[@]}))]}"
  name=$(printf '%05d_synth%06d.txt' "$i" "$i")
  {
    printf 'Dispatch %d: ' "$i"
    cat "$src"
    printf '\nThis is dispatch %d of %d in the synthetic briefing.\n' "$i" "$n"
  } >"$dir/seeds/$name"
done
echo "synth_site: $n seeds in $dir/seeds"

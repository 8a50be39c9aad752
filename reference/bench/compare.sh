#!/usr/bin/env bash
# Side-by-side multipart/form-data throughput: upspec's C++ parser and a memcpy
# baseline (multipart_throughput) against busboy and @remix-run/multipart-parser
# (js/compare.mjs), all on the same bodies written by multipart_bodies.
#
#   reference/bench/compare.sh [OUT_DIR]   # OUT_DIR defaults to build/bench
#
# Prints a table and writes the raw JSON lines to OUT_DIR/compare.jsonl.
set -euo pipefail

# Resolve OUT_DIR against the caller's directory before moving to the repo root.
out_dir="$(realpath -m "${1:-$(dirname "${BASH_SOURCE[0]}")/../../build/bench}")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

js=reference/bench/js
bin=build/release/reference/bench

# node_modules is not committed; install exactly what package-lock.json pins.
if [[ ! -d $js/node_modules ]]; then
  echo "compare.sh: installing JS parsers (npm ci)" >&2
  (cd "$js" && npm ci --no-audit --no-fund)
fi

if [[ ! -x $bin/multipart_bodies || ! -x $bin/multipart_throughput ]]; then
  echo "compare.sh: building the release preset" >&2
  cmake --preset release
  cmake --build --preset release
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "compare.sh: writing bodies to $tmp" >&2
"$bin/multipart_bodies" --out "$tmp"

# Each tool prints one JSON object per line on stdout; progress goes to stderr.
echo "compare.sh: timing upspec and memcpy" >&2
"$bin/multipart_throughput" "$tmp" >"$tmp/results.jsonl"
echo "compare.sh: timing busboy and remix" >&2
node "$js/compare.mjs" "$tmp" >>"$tmp/results.jsonl"

mkdir -p "$out_dir"
cp "$tmp/results.jsonl" "$out_dir/compare.jsonl"
node "$js/table.mjs" <"$out_dir/compare.jsonl"
echo "compare.sh: raw results in $out_dir/compare.jsonl" >&2

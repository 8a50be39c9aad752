#!/usr/bin/env bash
# Side-by-side multipart/form-data throughput: upspec's C++ parser (scalar and
# vector delimiter search) and two baselines, a plain read of the buffer (the
# machine's read bandwidth) and a memcpy (multipart_throughput), against busboy
# and @remix-run/multipart-parser (js/compare.mjs), all on the same bodies
# written by multipart_bodies, each measured until it reaches a steady state.
#
#   reference/bench/compare.sh [OUT_DIR]   # OUT_DIR defaults to build/bench
#   UPSPEC_BENCH_MIN_SECONDS=S             # each parser runs S seconds per body at least (1)
#
# Prints a table and writes the raw JSON lines to OUT_DIR/compare.jsonl. The
# bodies take about 350 MB in $TMPDIR while it runs.
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

# Always build: a stale binary would time yesterday's parser.
[[ -f build/release/CMakeCache.txt ]] || cmake --preset release >&2
cmake --build build/release --target multipart_bodies multipart_throughput >&2

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

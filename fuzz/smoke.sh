#!/usr/bin/env bash
# CI smoke: builds the fuzz preset and runs every target for a short fixed time under
# ASan+UBSan, two at a time (one per core). Fails on any crash, leak, timeout or out-of-memory.
#   UPSPEC_FUZZ_SMOKE_SECONDS  seconds per target (default 30)
#   UPSPEC_FUZZ_SMOKE_TARGETS  targets to run (default: all)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$UPSPEC_ROOT"

seconds=${UPSPEC_FUZZ_SMOKE_SECONDS:-30}
read -r -a targets <<<"${UPSPEC_FUZZ_SMOKE_TARGETS:-$(upspec_fuzz_targets)}"
build=$UPSPEC_ROOT/build/fuzz

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Kept after the run: a crash's input is what the findings workflow starts from.
artifacts=$build/smoke-artifacts
rm -rf "$artifacts"

# A fresh corpus each time: the smoke checks this change, it does not grow a corpus.
run_one() {
  local t=$1
  mkdir -p "$work/$t/corpus" "$artifacts/$t"
  # shellcheck disable=SC2046
  "$build/fuzz/bin/$t" $(upspec_fuzz_flags "$t") -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$t/" "$work/$t/corpus" \
    $(upspec_fuzz_seed_dirs "$build" "$t") >"$work/$t.log" 2>&1
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
pending=("${targets[@]}")
while ((${#pending[@]})); do
  batch=("${pending[@]:0:2}")
  pending=("${pending[@]:2}")
  pids=()
  for t in "${batch[@]}"; do
    run_one "$t" &
    pids+=($!)
  done
  for i in "${!batch[@]}"; do
    t=${batch[$i]}
    if wait "${pids[$i]}"; then
      echo "smoke: $t ok, $(grep -o 'average_exec_per_sec: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$') exec/s"
    else
      echo "smoke: $t FAILED; its log:" >&2
      tail -60 "$work/$t.log" >&2
      ls "$artifacts/$t"/* >&2 || true
      failed+=("$t")
    fi
  done
done

if ((${#failed[@]})); then
  echo "smoke: failed: ${failed[*]}" >&2
  exit 1
fi
echo "smoke: every target ran ${seconds}s clean"

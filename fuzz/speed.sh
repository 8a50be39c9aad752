#!/usr/bin/env bash
# Speed: builds the fuzz preset and runs every target for a fixed time under ASan+UBSan, one at a
# time (so the figures are comparable), each on a fresh corpus plus its seeds, and prints a table
# of executions per second against a goal of 10,000. Fails only when a target crashes, leaks,
# times out or runs out of memory; a target below the goal is reported, not failed.
#   UPSPEC_FUZZ_SPEED_SECONDS  seconds per target (default 20)
#   UPSPEC_FUZZ_SPEED_TARGETS  targets to run (default: all)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$UPSPEC_ROOT"

seconds=${UPSPEC_FUZZ_SPEED_SECONDS:-20}
read -r -a targets <<<"${UPSPEC_FUZZ_SPEED_TARGETS:-$(upspec_fuzz_targets)}"
goal=10000
build=$UPSPEC_ROOT/build/fuzz

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Kept after the run, as the smoke keeps them: a crash's input.
artifacts=$build/speed-artifacts
rm -rf "$artifacts"

# libFuzzer's -print_final_stats=1 line "stat::NAME: VALUE" of a log, or 0.
final_stat() {
  sed -n "s/^stat::$2:[[:space:]]*\([0-9]*\).*/\1/p" "$1" | tail -n 1 | grep . || echo 0
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
rows=()
for t in "${targets[@]}"; do
  mkdir -p "$work/$t/corpus" "$artifacts/$t"
  echo "speed: $t for ${seconds}s" >&2
  status=0
  start=$(date +%s%N)
  # shellcheck disable=SC2046
  "$build/fuzz/bin/$t" $(upspec_fuzz_flags "$t") -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$t/" "$work/$t/corpus" \
    $(upspec_fuzz_seed_dirs "$build" "$t") >"$work/$t.log" 2>&1 || status=$?
  end=$(date +%s%N)
  execs=$(final_stat "$work/$t.log" number_of_executed_units)
  rate=$(final_stat "$work/$t.log" average_exec_per_sec)
  wall=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
  if ((status != 0)); then
    verdict=CRASH
    echo "speed: $t FAILED (status $status); its log:" >&2
    tail -60 "$work/$t.log" >&2
    ls "$artifacts/$t"/* >&2 || true
    failed+=("$t")
  elif ((rate >= goal)); then
    verdict=PASS
  else
    verdict=BELOW
  fi
  rows+=("$(printf '%-18s %12s %8s %9s  %s' "$t" "$execs" "$wall" "$rate" "$verdict")")
done

printf '%-18s %12s %8s %9s  %s\n' target executions seconds exec/s "goal $goal"
printf '%s\n' "${rows[@]}"
if ((${#failed[@]})); then
  echo "speed: crashed: ${failed[*]}" >&2
  exit 1
fi

#!/usr/bin/env bash
# Speed: builds the fuzz preset and runs every target for a fixed time under ASan+UBSan, one at a
# time (so the figures are comparable), and prints a table of executions per second against a
# goal of 10,000. Each target runs twice: from an empty corpus (libFuzzer grows its inputs from
# a few bytes) and from a fresh corpus plus its seeds (the conformance corpus's requests, as the
# smoke and the campaigns start). Fails only when a target crashes, leaks, times out or runs out
# of memory; a target below the goal is reported, not failed.
#   UPSPEC_FUZZ_SPEED_SECONDS        seconds per target from its seeds (default 20)
#   UPSPEC_FUZZ_SPEED_EMPTY_SECONDS  seconds per target from an empty corpus (default 8)
#   UPSPEC_FUZZ_SPEED_TARGETS        targets to run (default: all)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$UPSPEC_ROOT"

seconds=${UPSPEC_FUZZ_SPEED_SECONDS:-20}
empty_seconds=${UPSPEC_FUZZ_SPEED_EMPTY_SECONDS:-8}
read -r -a targets <<<"${UPSPEC_FUZZ_SPEED_TARGETS:-$(upspec_fuzz_targets)}"
goal=10000
build=$UPSPEC_ROOT/build/fuzz

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

# The corpora in memory where there is a tmpfs: a fresh run adds an input every few executions, and
# creating those files on a disk file system took a tenth of a run's time.
tmp_root=${TMPDIR:-/tmp}
[[ -d /dev/shm && -w /dev/shm ]] && tmp_root=/dev/shm
work=$(mktemp -d -p "$tmp_root")
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
# One run of target $1 for $2 seconds from corpus $3 plus the directories after it; sets rate,
# and records a crash.
rate=0
run() {
  local t=$1 secs=$2 corpus=$3 status=0
  shift 3
  mkdir -p "$corpus" "$artifacts/$t"
  # shellcheck disable=SC2046
  "$build/fuzz/bin/$t" $(upspec_fuzz_flags "$t") -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$t/" "$corpus" "$@" >"$corpus.log" 2>&1 || status=$?
  rate=$(final_stat "$corpus.log" average_exec_per_sec)
  if ((status != 0)); then
    echo "speed: $t FAILED (status $status); its log:" >&2
    tail -60 "$corpus.log" >&2
    ls "$artifacts/$t"/* >&2 || true
    failed+=("$t")
  fi
}

verdict() {
  if [[ " ${failed[*]} " == *" $1 "* ]]; then
    echo CRASH
  elif (($2 >= goal && $3 >= goal)); then
    echo PASS
  else
    echo BELOW
  fi
}

for t in "${targets[@]}"; do
  echo "speed: $t, ${empty_seconds}s from an empty corpus, ${seconds}s from its seeds" >&2
  run "$t" "$empty_seconds" "$work/$t/empty"
  from_empty=$rate
  # shellcheck disable=SC2046
  run "$t" "$seconds" "$work/$t/seeded" $(upspec_fuzz_seed_dirs "$build" "$t")
  from_seeds=$rate
  rows+=("$(printf '%-18s %11s %11s  %s' "$t" "$from_empty" "$from_seeds" \
    "$(verdict "$t" "$from_empty" "$from_seeds")")")
done

echo "executions per second, libFuzzer's average over each run:"
printf '%-18s %11s %11s  %s\n' target "from empty" "from seeds" "goal $goal (both)"
printf '%s\n' "${rows[@]}"
if ((${#failed[@]})); then
  echo "speed: crashed: ${failed[*]}" >&2
  exit 1
fi

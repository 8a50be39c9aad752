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

upspec_fuzz_sanitizer_defaults
failed=()
rows=()
# One run of target $1 for $2 seconds into corpus $3, from the directories after it: sets rate
# and records a crash.
rate=0
run() {
  local t=$1 seconds=$2 corpus=$3
  shift 3
  if ! upspec_fuzz_bounded_run "$t" "$seconds" "$corpus" "$artifacts/$t" "$corpus.log" "$@"; then
    upspec_fuzz_show_failure speed "$t" "$corpus.log" "$artifacts/$t"
    failed+=("$t")
  fi
  rate=$(upspec_fuzz_final_stat "$corpus.log" average_exec_per_sec)
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

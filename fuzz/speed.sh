#!/usr/bin/env bash
# Speed: builds the fuzz preset and runs every target for a fixed time under ASan+UBSan, one at a
# time (so the figures are comparable), and prints a table of executions per second against a
# goal of 10,000. Each target runs twice: from an empty corpus (libFuzzer grows its inputs from
# a few bytes) and from a fresh corpus plus its seeds (the conformance corpus's requests, as the
# smoke and the campaigns start). Fails only when a target crashes, leaks, times out or runs out
# of memory; a target below the goal is reported, not failed.
# The runs from empty are seeded (-seed=1, 2, ...) and the table gives their median: one run's
# rate depends on the inputs it happens to grow, and those depend on the address layout too
# (libFuzzer mutates with values it saw compared, pointers among them), so a seed alone does not
# repeat a run.
#   UPSPEC_FUZZ_SPEED_SECONDS        seconds per target from its seeds (default 20)
#   UPSPEC_FUZZ_SPEED_EMPTY_SECONDS  seconds per run from an empty corpus (default 8)
#   UPSPEC_FUZZ_SPEED_EMPTY_RUNS     runs per target from an empty corpus (default 3)
#   UPSPEC_FUZZ_SPEED_TARGETS        targets to run (default: all)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$UPSPEC_ROOT"

seconds=${UPSPEC_FUZZ_SPEED_SECONDS:-20}
empty_seconds=${UPSPEC_FUZZ_SPEED_EMPTY_SECONDS:-8}
empty_runs=${UPSPEC_FUZZ_SPEED_EMPTY_RUNS:-3}
if ! [[ $empty_runs =~ ^[1-9][0-9]*$ ]]; then
  echo "speed: UPSPEC_FUZZ_SPEED_EMPTY_RUNS must be a positive whole number, not '$empty_runs'" >&2
  exit 2
fi
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
    [[ " ${failed[*]} " == *" $t "* ]] || failed+=("$t")
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

# The median of the numbers given.
median() {
  printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}

for t in "${targets[@]}"; do
  echo "speed: $t, ${empty_runs} x ${empty_seconds}s from an empty corpus, ${seconds}s from its seeds" >&2
  empty_rates=()
  for ((r = 1; r <= empty_runs; r++)); do
    run "$t" "$empty_seconds" "$work/$t/empty-$r" -seed="$r"
    empty_rates+=("$rate")
  done
  from_empty=$(median "${empty_rates[@]}")
  # shellcheck disable=SC2046
  run "$t" "$seconds" "$work/$t/seeded" -seed=1 $(upspec_fuzz_seed_dirs "$build" "$t")
  from_seeds=$rate
  rows+=("$(printf '%-18s %11s %-23s %11s  %s' "$t" "$from_empty" "(${empty_rates[*]})" \
    "$from_seeds" "$(verdict "$t" "$from_empty" "$from_seeds")")")
done

echo "executions per second, libFuzzer's average over each run (from empty: the median of the runs):"
printf '%-18s %11s %-23s %11s  %s\n' target "from empty" "(each run)" "from seeds" "goal $goal (both)"
printf '%s\n' "${rows[@]}"
if ((${#failed[@]})); then
  echo "speed: crashed: ${failed[*]}" >&2
  exit 1
fi

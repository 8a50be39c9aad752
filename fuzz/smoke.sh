#!/usr/bin/env bash
# CI smoke: builds the fuzz-smoke preset (the fuzz preset in unity batches: quicker to build,
# slower to fuzz with, docs/building.md) and runs every target for a short fixed time under
# ASan+UBSan, two at a time (one per core). Fails on any crash, leak, timeout or out-of-memory.
# Then each fresh corpus is replayed through the gcc ASan+UBSan replay build, where one exists.
#   UPSPEC_FUZZ_SMOKE_SECONDS       seconds per target (default 30)
#   UPSPEC_FUZZ_SMOKE_TARGETS       targets to run (default: all)
#   UPSPEC_FUZZ_SMOKE_REPLAY_BUILD  the build whose fuzz/bin replays the corpora (default
#                                   build/asan, skipped where it has no replay programs; empty: none)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$UPSPEC_ROOT"

seconds=${UPSPEC_FUZZ_SMOKE_SECONDS:-30}
read -r -a targets <<<"${UPSPEC_FUZZ_SMOKE_TARGETS:-$(upspec_fuzz_targets)}"
build=$UPSPEC_ROOT/build/fuzz-smoke
export UPSPEC_FUZZ_BUILD=$build

cmake --preset fuzz-smoke >/dev/null
cmake --build --preset fuzz-smoke

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Kept after the run: a crash's input is what the findings workflow starts from.
artifacts=$build/smoke-artifacts
rm -rf "$artifacts"

# A fresh corpus each time: the smoke checks this change, it does not grow a corpus.
upspec_fuzz_sanitizer_defaults
failed=()
pending=("${targets[@]}")
while ((${#pending[@]})); do
  batch=("${pending[@]:0:2}")
  pending=("${pending[@]:2}")
  pids=()
  for t in "${batch[@]}"; do
    # shellcheck disable=SC2046
    upspec_fuzz_bounded_run "$t" "$seconds" "$work/$t/corpus" "$artifacts/$t" "$work/$t.log" \
      $(upspec_fuzz_seed_dirs "$build" "$t") &
    pids+=($!)
  done
  for i in "${!batch[@]}"; do
    t=${batch[$i]}
    if wait "${pids[$i]}"; then
      echo "smoke: $t ok, $(upspec_fuzz_final_stat "$work/$t.log" average_exec_per_sec) exec/s"
    else
      upspec_fuzz_show_failure smoke "$t" "$work/$t.log" "$artifacts/$t"
      failed+=("$t")
    fi
  done
done

# What clang's fuzzing grew, once more through gcc's build: the compilers differ where the
# language leaves a choice (the order in which a call's arguments are evaluated, for one), and a
# campaign input found such a bug that only the gcc build's replay crashed on.
replay_build=${UPSPEC_FUZZ_SMOKE_REPLAY_BUILD-$build/../asan}
for t in "${targets[@]}"; do
  [[ -n $replay_build && -x $replay_build/fuzz/bin/$t && -d $work/$t/corpus ]] || continue
  if "$replay_build/fuzz/bin/$t" "$work/$t/corpus" >"$work/$t.replay.log" 2>&1; then
    echo "smoke: $t's corpus replayed clean through $(cd "$replay_build" && pwd)"
  else
    # The replay names each input before running it: the last one named is the finding.
    finding=$(sed -n 's/^replay: \(.*\) ([0-9]* bytes)$/\1/p' "$work/$t.replay.log" | tail -n 1)
    mkdir -p "$artifacts/$t"
    [[ -n $finding ]] && cp "$finding" "$artifacts/$t/replay-$(basename "$finding")"
    upspec_fuzz_show_failure "smoke (gcc replay)" "$t" "$work/$t.replay.log" "$artifacts/$t"
    [[ " ${failed[*]} " == *" $t "* ]] || failed+=("$t")
  fi
done

if ((${#failed[@]})); then
  echo "smoke: failed: ${failed[*]}" >&2
  exit 1
fi
echo "smoke: every target ran ${seconds}s clean"

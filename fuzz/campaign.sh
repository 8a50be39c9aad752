#!/usr/bin/env bash
# A local fuzzing campaign: each target in turn for SECONDS with libFuzzer's -fork=2 (both
# cores), its corpus kept and grown in fuzz/work/corpus/<target>/ (gitignored) from one
# campaign to the next. Prints exec/s and corpus size per target; stops at the first crash,
# whose input is in fuzz/work/artifacts/<target>/. Every finished run is appended to
# fuzz/work/ledger.tsv, so a campaign may be run in parts; fuzz/campaign-totals.sh sums them.
#   usage: fuzz/campaign.sh [SECONDS] [TARGET...]     (default: 300 s, every target)
#   UPSPEC_FUZZ_JOBS  parallel fuzzing processes (default 2)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$UPSPEC_ROOT"

seconds=${1:-300}
shift || true
targets=("$@")
((${#targets[@]})) || read -r -a targets <<<"$(upspec_fuzz_targets)"
jobs=${UPSPEC_FUZZ_JOBS:-2}
build=$UPSPEC_ROOT/build/fuzz
work=$UPSPEC_FUZZ_DIR/work

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
summary=()
for t in "${targets[@]}"; do
  corpus=$work/corpus/$t
  mkdir -p "$corpus" "$work/artifacts/$t" "$work/logs"
  log=$work/logs/$t.log
  echo "campaign: $t for ${seconds}s (-fork=$jobs), log in $log"
  status=0
  # shellcheck disable=SC2046
  "$build/fuzz/bin/$t" $(upspec_fuzz_flags "$t") -fork="$jobs" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t/" "$corpus" \
    $(upspec_fuzz_seed_dirs "$build" "$t") >"$log" 2>&1 || status=$?
  # Fork mode's status lines ("#EXECS: cov: C ft: F corp: N exec/s R ... time: Ts") count the
  # executions of every job since the start; the last one over its time is the campaign's rate.
  read -r execs elapsed cov <<<"$(awk '/^#[0-9]+: cov:/ {
      e = substr($1, 2) + 0; c = $3; for (i = 1; i < NF; i++) if ($i == "time:") t = $(i + 1) + 0 }
    END {print e + 0, t + 0, c + 0}' "$log")"
  rate=$((elapsed > 0 ? execs / elapsed : 0))
  size=$(find "$corpus" -type f | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$elapsed" "$execs" "$size" \
    "$cov" "$status" >>"$work/ledger.tsv"
  line=$(printf '%-18s %8s exec/s  %6s inputs  cov %s' "$t" "$rate" "$size" "$cov")
  summary+=("$line")
  if ((status != 0)); then
    echo "campaign: $t stopped with status $status; artifacts:" >&2
    ls "$work/artifacts/$t" >&2
    printf '%s\n' "${summary[@]}"
    exit 1
  fi
done
echo "campaign: done"
printf '%s\n' "${summary[@]}"

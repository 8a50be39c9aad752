# Shared by smoke.sh, campaign.sh and coverage.sh (sourced, not run): where the targets, their
# options and their seeds are.

UPSPEC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
UPSPEC_FUZZ_DIR=$UPSPEC_ROOT/fuzz

# Every target, in the order the README lists them.
upspec_fuzz_targets() {
  echo multipart_parser request_processor object_path graphql_parser graphql_execute \
    differential structured server
}

# libFuzzer flags from a target's .options file ("[libfuzzer]" then "key = value" lines), as
# OSS-Fuzz reads them, plus its dictionary.
upspec_fuzz_flags() {
  local target=$1
  local options=$UPSPEC_FUZZ_DIR/options/$target.options
  [[ -f $options ]] && sed -n 's/^[[:space:]]*\([a-z_]*\)[[:space:]]*=[[:space:]]*\(.*\)$/-\1=\2/p' "$options"
  [[ -f $UPSPEC_FUZZ_DIR/dict/$target.dict ]] && echo "-dict=$UPSPEC_FUZZ_DIR/dict/$target.dict"
  return 0
}

# Directories of inputs a target starts from: generated seeds, committed seeds, past findings.
upspec_fuzz_seed_dirs() {
  local build=$1 target=$2 d
  for d in "$build/fuzz/seeds/$target" "$UPSPEC_FUZZ_DIR/seeds/$target" \
    "$UPSPEC_FUZZ_DIR/regressions/$target"; do
    [[ -d $d ]] && echo "$d"
  done
  return 0
}

# Sanitizer options of a bounded run (the smoke, the speed table): a leak, an error or undefined
# behaviour stops it, unless the caller set its own.
upspec_fuzz_sanitizer_defaults() {
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
}

# A bounded run of the fuzz preset's target $1 for $2 seconds (the build in $UPSPEC_FUZZ_BUILD
# instead, where set): new inputs into corpus $3, a crash's input into directory $4, libFuzzer's
# output into log $5; the arguments after them are further corpus directories to start from.
# Fails as the target does.
upspec_fuzz_bounded_run() {
  local t=$1 seconds=$2 corpus=$3 artifacts=$4 log=$5
  shift 5
  mkdir -p "$corpus" "$artifacts"
  local build=${UPSPEC_FUZZ_BUILD:-$UPSPEC_ROOT/build/fuzz}
  # shellcheck disable=SC2046
  "$build/fuzz/bin/$t" $(upspec_fuzz_flags "$t") -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" "$@" >"$log" 2>&1
}

# The value of libFuzzer's -print_final_stats=1 line "stat::$2: VALUE" in log $1, or 0.
upspec_fuzz_final_stat() {
  sed -n "s/^stat::$2:[[:space:]]*\([0-9]*\).*/\1/p" "$1" | tail -n 1 | grep . || echo 0
}

# What a failed bounded run of target $2 left (log $3, artifacts directory $4), told as $1.
upspec_fuzz_show_failure() {
  echo "$1: $2 FAILED; its log:" >&2
  tail -60 "$3" >&2
  ls "$4"/* >&2 || true
}

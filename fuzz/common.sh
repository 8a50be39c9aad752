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

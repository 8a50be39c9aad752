#!/usr/bin/env bash
# The `tool` preset, configured into a folder of its own (a configure only: seconds, no second
# build in CI): it configures while GoogleTest and Google Benchmark cannot be found (the preset
# forbids looking for them), its only program is upspec, and properties/'s request generators are
# still a library of it, since the command links them.
#   bash ci/tests/tool_preset_test.sh SOURCE_DIR
set -euo pipefail
source_dir=$(cd "${1:?usage: tool_preset_test.sh SOURCE_DIR}" && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

checks=0 failures=0
check() {
  local what=$1
  shift
  checks=$((checks + 1))
  if "$@"; then
    echo "ok: $what"
  else
    echo "FAILED: $what" >&2
    failures=$((failures + 1))
  fi
}
same() { [[ $1 == "$2" ]]; }

status=0
(cd "$source_dir" && cmake --preset tool -B "$tmp/tool") >"$tmp/configure.log" 2>&1 || status=$?
check "the tool preset configures without GoogleTest and Google Benchmark" same "$status" 0
if ((status != 0)); then cat "$tmp/configure.log" >&2; fi

targets=$(ninja -C "$tmp/tool" -t targets all 2>/dev/null || true)
programs=$(sed -n 's/^\([^:]*\): CXX_EXECUTABLE_LINKER.*/\1/p' <<<"$targets" | sort)
check "its one program is upspec" same "$programs" "harness/upspec"
check "it builds properties/'s request generators" grep -q '^upspec_generators: phony' <<<"$targets"
check "it registers no test" same "$(cd "$tmp/tool" && ctest -N 2>/dev/null | sed -n 's/^Total Tests: //p')" "0"

echo "tool preset: $((checks - failures)) passed, $failures failed"
((failures == 0))

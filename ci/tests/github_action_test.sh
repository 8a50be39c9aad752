#!/usr/bin/env bash
# The GitHub action's steps (ci/github/*.sh, in action.yml's order) run here with the variables
# GitHub sets pointing at temporary files: against the built-in reference server (exit 0), against
# a target that refuses every request (FAIL, exit 1), in a run that cannot happen (exit 2), and
# with a stand-in upspec that records how the inputs became arguments. actions/cache's restore is
# played by installing this build into the prefix the action caches.
#   bash ci/tests/github_action_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: github_action_test.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
steps=$here/../github

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

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
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
matches() { [[ $1 =~ $2 ]]; }
same() { [[ $1 == "$2" ]]; }
# The last value a step wrote for NAME to its $GITHUB_OUTPUT.
output_of() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -n 1; }
testcases() { grep -o '<testcase ' "$1" | wc -l; }

export RUNNER_TEMP=$tmp/runner-temp GITHUB_WORKSPACE=$tmp/workspace ImageOS=test-image
mkdir -p "$RUNNER_TEMP" "$GITHUB_WORKSPACE"
cd "$GITHUB_WORKSPACE"
# GitHub gives every step files of its own.
new_step() {
  mkdir -p "$tmp/steps/$1"
  export GITHUB_OUTPUT=$tmp/steps/$1/output GITHUB_STEP_SUMMARY=$tmp/steps/$1/summary
  export GITHUB_PATH=$tmp/steps/$1/path
  : >"$GITHUB_OUTPUT"
  : >"$GITHUB_STEP_SUMMARY"
  : >"$GITHUB_PATH"
}

echo "== the cache key"
new_step key
bash "$steps/cache-key.sh"
key=$(output_of key)
check "it names the runner's image and architecture, then a hash of the sources" \
  matches "$key" "^upspec-tool-test-image-$(uname -m)-[0-9a-f]{16}$"
new_step key-again
bash "$steps/cache-key.sh"
check "the same sources give the same key" same "$(output_of key)" "$key"

echo "== the build, restored from the cache"
prefix=$RUNNER_TEMP/upspec
cmake --install "$build" --prefix "$prefix" >/dev/null
new_step build
UPSPEC_PREFIX=$prefix bash "$steps/build.sh" >"$tmp/build.log"
check "build.sh takes the restored build rather than building" \
  contains "$tmp/build.log" "restored from the cache"
upspec=$(output_of upspec)
check "it names the binary for the next step" same "$upspec" "$prefix/bin/upspec"
check "it puts the binary's folder on the job's PATH" contains "$GITHUB_PATH" "$prefix/bin"

# run.sh with the given INPUT_* assignments, then finish.sh with run.sh's exit-code output.
run_action() {
  local name=$1
  shift
  new_step "$name"
  run_status=0 finish_status=0
  env UPSPEC="$upspec" "$@" bash "$steps/run.sh" >"$tmp/$name.log" 2>&1 || run_status=$?
  exit_code=$(output_of exit-code)
  report=$(output_of report-dir)
  junit=$(output_of junit)
  UPSPEC_EXIT_CODE=$exit_code bash "$steps/finish.sh" >"$tmp/$name.finish.log" 2>&1 ||
    finish_status=$?
}
has_report() {
  local f
  for f in index.json junit.xml summary.md index.html; do [[ -s $1/$f ]] || return 1; done
}
# The step summary holds summary.md whole, as the report has it, before upspec's status.
summary_has_report() { [[ $(head -c "$(wc -c <"$1/summary.md")" "$GITHUB_STEP_SUMMARY") == "$(cat "$1/summary.md")" ]]; }

echo "== the built-in reference server: every case passes"
run_action builtin INPUT_SELECT='spec-examples.*' INPUT_EXCLUDE='spec-examples.batching'
check "run.sh itself succeeds" same "$run_status" 0
check "upspec's exit status is 0" same "$exit_code" 0
check "the report goes under RUNNER_TEMP" same "$report" "$RUNNER_TEMP/upspec-report"
check "the report folder holds index.json, junit.xml, summary.md and index.html" has_report "$report"
check "the junit output names the report's junit.xml" same "$junit" "$report/junit.xml"
check "select and exclude leave two cases in the JUnit file" same "$(testcases "$junit")" 2
check "the step summary is summary.md" summary_has_report "$report"
check "the step summary ends with the exit status" \
  contains "$GITHUB_STEP_SUMMARY" "**upspec run exited 0**: nothing failed."
check "finish.sh exits 0" same "$finish_status" 0

echo "== a target that answers 400 to every request"
python3 "$here/refusing_server.py" --port-file "$tmp/port" --log "$tmp/requests.log" &
server_pid=$!
for _ in $(seq 100); do
  [[ -s $tmp/port ]] && break
  sleep 0.1
done
port=$(cat "$tmp/port")
run_action refused INPUT_TARGET="http://127.0.0.1:$port/graphql" INPUT_SELECT='spec-examples.*' \
  INPUT_HEADERS=$'X-Upspec-Check: one two\n\n  X-Second:2  ' INPUT_ARGS='--no-canary --timeout 5' \
  INPUT_REPORT_DIR="$tmp/refused-report"
check "run.sh itself succeeds" same "$run_status" 0
check "upspec's exit status is 1 (FAIL)" same "$exit_code" 1
check "the report goes where report-dir says" same "$report" "$tmp/refused-report"
check "the report folder holds the four reports" has_report "$report"
check "the JUnit file has the three spec examples" same "$(testcases "$junit")" 3
check "the step summary is summary.md" summary_has_report "$report"
check "the step summary shows a FAILed case" contains "$GITHUB_STEP_SUMMARY" "**FAIL** | spec-examples.single-file"
check "the step summary ends with the exit status" \
  contains "$GITHUB_STEP_SUMMARY" "**upspec run exited 1**: some case FAILed"
check "finish.sh exits 1" same "$finish_status" 1
check "finish.sh says why on the run's page" \
  contains "$tmp/refused.finish.log" "::error title=upspec::upspec run exited 1"
check "every header line reached the server" contains "$tmp/requests.log" "X-Upspec-Check: one two"
check "a header's surrounding blanks are dropped" contains "$tmp/requests.log" "X-Second: 2"
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=

echo "== a run that cannot happen: no case matches"
run_action nothing INPUT_SELECT='no-such-category.*'
check "run.sh itself succeeds" same "$run_status" 0
check "upspec's exit status is 2" same "$exit_code" 2
check "no junit output when no report was written" same "$junit" ""
check "the report of the earlier run in that folder is gone" test ! -e "$report/summary.md"
check "the step summary says no report was written" contains "$GITHUB_STEP_SUMMARY" "wrote no report"
check "the step summary ends with the exit status" \
  contains "$GITHUB_STEP_SUMMARY" "**upspec run exited 2**: the run could not happen"
check "finish.sh exits 2" same "$finish_status" 2

echo "== how the inputs become arguments (a stand-in upspec that records them and says ERROR)"
cat >"$tmp/recording-upspec" <<'STUB'
#!/usr/bin/env bash
printf '%s\n' "$@" >"$ARGS_FILE"
mkdir -p "$3"
echo "# stand-in report" >"$3/summary.md"
exit 3
STUB
chmod +x "$tmp/recording-upspec"
# Were the globs given to the shell, these files would replace them.
touch map.json files.json
upspec=$tmp/recording-upspec
run_action recorded ARGS_FILE="$tmp/args" INPUT_TARGET=$'http://127.0.0.1:1/a\n http://127.0.0.1:2/b' \
  INPUT_TARGETS=targets.json INPUT_SELECT='map.* files.*' INPUT_EXCLUDE='*.proto-*' \
  INPUT_HEADERS='A: b c' INPUT_STRICT=true INPUT_ALLOW_ERRORS=true INPUT_ARGS='-j 2'
expected=(run --report "$RUNNER_TEMP/upspec-report" --target http://127.0.0.1:1/a
  --target http://127.0.0.1:2/b --targets targets.json --select 'map.*' --select 'files.*'
  --exclude '*.proto-*' --header 'A: b c' --strict --allow-errors -j 2)
check "every input becomes its option, globs and header values untouched" \
  same "$(cat "$tmp/args")" "$(printf '%s\n' "${expected[@]}")"
check "upspec's exit status 3 is passed on" same "$exit_code" 3
check "the step summary says what 3 means" \
  contains "$GITHUB_STEP_SUMMARY" "**upspec run exited 3**: some case is ERROR"
check "finish.sh exits 3" same "$finish_status" 3
run_action recorded-defaults ARGS_FILE="$tmp/args" INPUT_STRICT=false INPUT_ALLOW_ERRORS=false
check "strict and allow-errors left false add nothing" \
  same "$(cat "$tmp/args")" "$(printf '%s\n' run --report "$RUNNER_TEMP/upspec-report")"

echo "github action: $((checks - failures)) passed, $failures failed"
((failures == 0))

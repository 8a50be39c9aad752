#!/usr/bin/env bash
# The GitLab CI job (ci/gitlab/job.sh, as upspec.gitlab-ci.yml runs it) in a project folder whose
# cache restored upspec: against the built-in reference server (exit 0) and against a target that
# refuses every request (FAIL, exit 1), its report where the template's artifacts take it from.
#   bash ci/tests/gitlab_job_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: gitlab_job_test.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

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
same() { [[ $1 == "$2" ]]; }
contains() { grep -qF -- "$2" "$1"; }
testcases() { grep -o '<testcase ' "$1" | wc -l; }

project=$tmp/project
mkdir -p "$project"
cd "$project"
cmake --install "$build" --prefix "$project/.upspec/prefix" >/dev/null

check "the template's JUnit report is the file job.sh writes" \
  contains "$here/../gitlab/upspec.gitlab-ci.yml" "junit: upspec-report/junit.xml"

status=0
UPSPEC_ARGS="--select spec-examples.*" bash "$here/../gitlab/job.sh" >"$tmp/builtin.log" 2>&1 ||
  status=$?
check "against the built-in server the job succeeds" same "$status" 0
check "it took upspec from the cache" contains "$tmp/builtin.log" "restored from the cache"
check "the JUnit report has the three spec examples" same "$(testcases upspec-report/junit.xml)" 3

python3 "$here/refusing_server.py" --port-file "$tmp/port" --log "$tmp/requests.log" &
server_pid=$!
for _ in $(seq 100); do
  [[ -s $tmp/port ]] && break
  sleep 0.1
done
status=0
UPSPEC_TARGET="http://127.0.0.1:$(cat "$tmp/port")/graphql" UPSPEC_HEADERS=$'X-Upspec-Check: one two' \
  UPSPEC_ARGS="--select spec-examples.* --no-canary" bash "$here/../gitlab/job.sh" \
  >"$tmp/refused.log" 2>&1 || status=$?
check "against a target that refuses everything the job exits 1" same "$status" 1
check "and says why" contains "$tmp/refused.log" "upspec run exited 1: some case FAILed"
check "its JUnit report has a failure" contains upspec-report/junit.xml "<failure"
check "the header reached the server" contains "$tmp/requests.log" "X-Upspec-Check: one two"

echo "gitlab job: $((checks - failures)) passed, $failures failed"
((failures == 0))

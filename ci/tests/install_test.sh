#!/usr/bin/env bash
# `cmake --install` of this build: the binary and the corpus land under the prefix, the binary
# finds that corpus from its own path wherever the prefix is moved or linked from, --corpus and
# $UPSPEC_CORPUS still win, and --version names the corpus version that coreutils compute from
# the installed cases (docs/install.md).
#   bash ci/tests/install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "${1:?usage: install_test.sh BUILD_DIR SOURCE_DIR}" && pwd)
source_dir=$(cd "${2:?usage: install_test.sh BUILD_DIR SOURCE_DIR}" && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# No corpus/cases below the working folder: only the installed corpus can be found.
cd "$tmp"

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
matches() { [[ $1 =~ $2 ]]; }
# Cases listed by `upspec corpus list` on standard input, one a line.
case_count() { grep -c $'\t'; }

cmake --install "$build" --prefix "$tmp/installed" >/dev/null
share=$tmp/installed/share/upspec
check "the binary is in bin/" test -x "$tmp/installed/bin/upspec"
check "every case file is in share/upspec/corpus/cases" \
  same "$(cd "$share/corpus/cases" && ls)" "$(cd "$source_dir/corpus/cases" && ls)"
check "the specification's examples are in share/upspec/corpus/spec-examples" \
  same "$(cd "$share/corpus/spec-examples" && ls)" "$(cd "$source_dir/corpus/spec-examples" && ls)"
check "the client scenarios are in share/upspec/corpus/clients" \
  same "$(cd "$share/corpus/clients" && ls)" "$(cd "$source_dir/corpus/clients" && ls)"
check "the conformance schema is in share/upspec" cmp -s "$share/schema.graphql" \
  "$source_dir/harness/schema.graphql"

# The corpus version as docs/install.md tells a user to check it.
digest=$(cd "$share/corpus/cases" && find . -name '*.json' -printf '%P\n' | LC_ALL=C sort |
  xargs sha256sum | sha256sum | cut -c1-12)
version=$("$tmp/installed/bin/upspec" --version)
check "--version names the tool" matches "$(sed -n 1p <<<"$version")" '^upspec [0-9]+\.[0-9]+\.[0-9]+$'
check "--version names the installed corpus's version" \
  same "$(sed -n 2p <<<"$version")" "corpus $(sed -n '1s/^upspec //p' <<<"$version")+$digest"
check "--version names the installed corpus folder" \
  same "$(sed -n 3p <<<"$version")" "default corpus folder: $share/corpus/cases"

all=$(cd "$source_dir" && "$tmp/installed/bin/upspec" corpus list --corpus corpus/cases)
mv "$tmp/installed" "$tmp/moved"
listed=$("$tmp/moved/bin/upspec" corpus list)
check "a moved prefix still finds its whole corpus" same "$listed" "$all"
mkdir "$tmp/path"
ln -s "$tmp/moved/bin/upspec" "$tmp/path/upspec"
check "so does a link to the binary from elsewhere" \
  same "$("$tmp/path/upspec" --version | sed -n 3p)" "default corpus folder: $tmp/moved/share/upspec/corpus/cases"

mkdir -p "$tmp/mine"
python3 - "$tmp/moved/share/upspec/corpus/cases/spec-examples.json" "$tmp/mine/one.json" <<'PY'
import json, sys
cases = json.load(open(sys.argv[1]))["cases"]
json.dump({"cases": cases[:1]}, open(sys.argv[2], "w"))
PY
check "\$UPSPEC_CORPUS wins over the installed corpus" \
  same "$(UPSPEC_CORPUS=$tmp/mine "$tmp/moved/bin/upspec" corpus list | case_count)" 1
check "--corpus wins too" \
  same "$("$tmp/moved/bin/upspec" corpus list --corpus "$tmp/mine" | case_count)" 1

status=0
"$tmp/moved/bin/upspec" run --select 'spec-examples.*' --report "$tmp/report" >"$tmp/run.log" 2>&1 ||
  status=$?
check "the installed command runs the installed corpus against the built-in server" same "$status" 0
check "and writes its report" test -s "$tmp/report/junit.xml"

echo "install: $((checks - failures)) passed, $failures failed"
((failures == 0))

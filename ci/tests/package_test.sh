#!/usr/bin/env bash
# `cpack -G DEB` of this build: the package holds the binary and the corpus under /usr, declares
# the packages of every shared library the binary loads (read by dpkg-shlibdeps), and, unpacked,
# runs `upspec run` against the built-in server with the corpus it carries.
#   bash ci/tests/package_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: package_test.sh BUILD_DIR}" && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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
contains() { grep -qF -- "$2" <<<"$1"; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log" >&2; exit 1; }
deb=$(ls "$tmp"/out/upspec_*.deb)
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
contents=$(dpkg-deb -c "$deb")
check "it holds /usr/bin/upspec" contains "$contents" " ./usr/bin/upspec"
check "it holds the corpus in /usr/share/upspec/corpus/cases" \
  contains "$contents" " ./usr/share/upspec/corpus/cases/spec-examples.json"

depends=$(dpkg-deb -f "$deb" Depends)
echo "package: Depends: $depends"
declared=$(tr ',|' '\n\n' <<<"$depends" | sed 's/^ *//; s/[ :].*//')
# The package that installed a file, by the path ldd shows or the file it links to (merged /usr).
owner_of() {
  local path
  for path in "$1" "$(readlink -f "$1")"; do
    dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1 && return 0
  done
}
# Every shared library the binary loads comes from a package the control file names.
dpkg-deb -x "$deb" "$tmp/root"
needed=$(ldd "$tmp/root/usr/bin/upspec" | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p')
check "the binary loads shared libraries (ldd read it)" test -n "$needed"
for library in $needed; do
  owner=$(owner_of "$library") || owner=
  check "$(basename "$library") comes from a declared package (${owner:-no package})" \
    grep -qxF -- "${owner:-?}" <<<"$declared"
done
check "it does not depend on a test library" \
  same "$(grep -cE 'gtest|gmock|benchmark|rapidcheck' <<<"$declared" || true)" 0

status=0
"$tmp/root/usr/bin/upspec" run --select 'spec-examples.*' --report "$tmp/report" >"$tmp/run.log" 2>&1 ||
  status=$?
check "unpacked, it runs its own corpus against the built-in server" same "$status" 0
check "with the corpus it carries" \
  same "$("$tmp/root/usr/bin/upspec" --version | sed -n 3p)" \
  "default corpus folder: $tmp/root/usr/share/upspec/corpus/cases"

echo "package: $((checks - failures)) passed, $failures failed"
((failures == 0))

#!/usr/bin/env bash
# Mutation testing of the properties (issue 4): every mutants/*.patch is a deliberate bug in
# reference/src. Each is applied to a copy of the repository, the property tests are built there
# and run, and a table says which properties caught which mutant. A mutant no property catches
# needs a new property. The working tree is never touched: other people are editing it.
#
# Usage: properties/mutants/run.sh [--head] [--cases N] [--keep] [--output FILE] [PATCH...]
#   --head      copy the committed tree (plus the working tree's properties/) instead of the
#               working tree, e.g. while someone's half-written code does not compile
#   --cases N   cases per property (default 1000); shrinking is off, a failure is enough
#   --keep      keep the temporary copy and its build (path printed at the end)
#   --output    also write the table (Markdown) to FILE
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
mode=worktree
cases=1000
keep=0
output=""
patches=()
while [ $# -gt 0 ]; do
  case "$1" in
    --head) mode=head ;;
    --cases) cases=$2; shift ;;
    --keep) keep=1 ;;
    --output) output=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) patches+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")") ;;
  esac
  shift
done
if [ ${#patches[@]} -eq 0 ]; then patches=("$here"/*.patch); fi

work=$(mktemp -d "${TMPDIR:-/tmp}/upspec-mutants.XXXXXX")
src="$work/src"
build="$work/build"
cleanup() {
  if [ "$mode" = head ]; then git -C "$repo" worktree remove --force "$src" >/dev/null 2>&1 || true; fi
  if [ "$keep" = 1 ]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

copy_files() {  # tracked and untracked-but-not-ignored files of $1 (paths), from the working tree
  (cd "$repo" && git ls-files -z --cached --others --exclude-standard -- "$@" |
    tar --null --ignore-failed-read -cf - -T - 2>/dev/null) | tar -xf - -C "$src"
}

echo "== copying the repository ($mode) to $src" >&2
if [ "$mode" = head ]; then
  git -C "$repo" worktree add --detach "$src" HEAD >/dev/null 2>&1
  rm -rf "$src/properties"
  copy_files properties
else
  mkdir -p "$src"
  copy_files .
fi

echo "== configuring and building property_tests (Release, -j2)" >&2
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DUPSPEC_WERROR=OFF \
  -DUPSPEC_BUILD_BENCH=OFF >"$work/configure.log" 2>&1 || { cat "$work/configure.log" >&2; exit 1; }
build_tests() { cmake --build "$build" -j2 --target property_tests >"$work/build.log" 2>&1; }
build_tests || { tail -50 "$work/build.log" >&2; echo "the unmutated tree does not build" >&2; exit 1; }

binary="$build/properties/property_tests"
mapfile -t tests < <("$binary" --gtest_list_tests | awk '/^[^ ]/ {suite=$1} /^  / {print suite $1}')

# Prints the tests that fail, one per line.
failing_tests() {
  local t
  for t in "${tests[@]}"; do
    if ! RC_PARAMS="max_success=$cases noshrink=1" timeout 900 "$binary" --gtest_filter="$t" \
      >"$work/run.log" 2>&1; then
      echo "$t"
    fi
  done
}

echo "== baseline: the properties must pass on the unmutated reference" >&2
baseline=$(failing_tests)
if [ -n "$baseline" ]; then
  echo "failing without any mutant:" >&2
  echo "$baseline" >&2
  exit 1
fi

table="| mutant | the bug | caught by |"$'\n'"|---|---|---|"
survivors=0
for patch in "${patches[@]}"; do
  name=$(basename "$patch" .patch)
  what=$(sed -n '1s/^Mutant [^:]*: //p' "$patch")
  echo "== $name" >&2
  if ! patch -p1 -d "$src" --forward --silent <"$patch" >"$work/patch.log" 2>&1; then
    verdict="(patch does not apply)"
  elif ! build_tests; then
    verdict="(does not build)"
    patch -R -p1 -d "$src" --silent <"$patch" >/dev/null
  else
    caught=$(failing_tests | paste -sd, - | sed 's/,/, /g')
    patch -R -p1 -d "$src" --silent <"$patch" >/dev/null
    if [ -z "$caught" ]; then
      verdict="**SURVIVED**"
      survivors=$((survivors + 1))
    else
      verdict="$caught"
    fi
  fi
  echo "   $verdict" >&2
  table+=$'\n'"| $name | $what | $verdict |"
done
if [ "$keep" = 1 ]; then build_tests || true; fi  # leave the kept build unmutated

echo "$table"
if [ -n "$output" ]; then echo "$table" >"$output"; fi
echo "$survivors mutant(s) survived" >&2
[ "$survivors" -eq 0 ]

#!/usr/bin/env bash
# The script of the GitLab CI job template (upspec.gitlab-ci.yml), run from the project's folder:
# installs upspec under .upspec/prefix unless the cache restored it there, runs it with the job's
# UPSPEC_* variables, writes the report to upspec-report/ (the template keeps it as artifacts,
# junit.xml as the JUnit report), and exits with `upspec run`'s status.
set -euo pipefail
# Globs in UPSPEC_ARGS go to upspec as they are, never to the shell.
set -f
src=$(cd "$(dirname "$0")/../.." && pwd)
source "$src/ci/exit-status.sh"
prefix=${UPSPEC_PREFIX:-$PWD/.upspec/prefix}
upspec=$prefix/bin/upspec

if "$upspec" --version >/dev/null 2>&1; then
  echo "upspec: restored from the cache"
else
  echo "upspec: not in the cache; building the tool-only build"
  rm -rf "$prefix"
  bash "$src/scripts/install" --prefix "$prefix"
  # The cache keeps the install, not the build folder.
  rm -rf "$src/build"
fi
"$upspec" --version

args=(run --report upspec-report)
for url in ${UPSPEC_TARGET:-}; do args+=(--target "$url"); done
# A header's value may hold spaces: one NAME:VALUE a line.
while IFS= read -r header; do
  if [[ -n ${header// /} ]]; then args+=(--header "$header"); fi
done <<<"${UPSPEC_HEADERS:-}"
for word in ${UPSPEC_ARGS:-}; do args+=("$word"); done

echo "upspec: $upspec ${args[*]}"
status=0
"$upspec" "${args[@]}" || status=$?
echo "upspec: upspec run exited $status: $(upspec_exit_meaning "$status")"
exit "$status"

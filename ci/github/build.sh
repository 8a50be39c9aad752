#!/usr/bin/env bash
# Second step of the action: the upspec command under $UPSPEC_PREFIX. actions/cache has restored
# it there when the same key was built before; otherwise it is built from the action's own
# sources (scripts/install: the tool-only build, with the Debian packages it needs). Writes
# upspec=PATH to $GITHUB_OUTPUT and puts its folder on $GITHUB_PATH for the job's later steps.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
prefix=${UPSPEC_PREFIX:?UPSPEC_PREFIX names the folder upspec is installed in}
upspec=$prefix/bin/upspec

if [[ -x $upspec ]] && "$upspec" --version >/dev/null 2>&1; then
  echo "upspec: restored from the cache"
else
  echo "upspec: not in the cache; building the tool-only build"
  rm -rf "$prefix"
  bash "$root/scripts/install" --prefix "$prefix"
fi
"$upspec" --version
echo "upspec=$upspec" >>"${GITHUB_OUTPUT:?}"
echo "$prefix/bin" >>"${GITHUB_PATH:?}"

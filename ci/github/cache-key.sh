#!/usr/bin/env bash
# First step of the action (action.yml): the key under which actions/cache keeps the tool-only
# build, written to $GITHUB_OUTPUT as key=... . It changes with the action's own files (a new
# version of upspec, or of its corpus) and with the runner's system and architecture, whose shared
# libraries the binary links. The action's folder has no git history, so its files are hashed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

# ImageOS names a GitHub-hosted runner's image (ubuntu24); other runners say what they are.
os=${ImageOS:-$(. /etc/os-release && echo "$ID$VERSION_ID")}
# Published results and the real servers' folders are not what upspec is built from: runs write
# there, and hashing them would give one set of sources a new key with every run.
sources=$(cd "$root" && find . \( -path ./build -o -path ./.git -o -path ./reports/fuzz \
  -o -path ./reports/results -o -path ./reports/clients -o -path './reports/latest*' \
  -o -path ./harness/targets -o -path ./harness/clients \) -prune -o -type f -print0 |
  LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
echo "key=upspec-tool-$os-$(uname -m)-$sources" >>"${GITHUB_OUTPUT:?}"

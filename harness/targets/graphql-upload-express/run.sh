#!/usr/bin/env bash
# Runs the conformance corpus against graphql-upload + express + graphql-http.
#
#   bash harness/targets/graphql-upload-express/run.sh [upspec run options...]
#
# Installs the app's pinned packages when node_modules is missing or older than the lockfile,
# starts the server on a free loopback port, waits until it answers target.json's readiness
# probe, writes a targets file from target.json and runs `upspec run --targets` with the report
# going to $REPORT_DIR (default reports/targets/graphql-upload-express). The server's output is
# kept as server.log in the report folder. If the server exits during the run (a crash), it is
# started again on the same port and server.log says so; the run goes on (upspec does not yet wait
# for a restarted target, so the cases sent while it restarts end without an answer).
#
# Environment: REPORT_DIR, UPSPEC (the upspec binary; built with the release preset when none is
# found), UPSPEC_CORPUS (default corpus/cases), ALLOW_FAIL=1 (FAIL verdicts of the target do not
# make the script fail; a run that could not happen still does).
# Needs only node and npm besides upspec itself.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
name=$(basename "$here")

report_dir=${REPORT_DIR:-$root/reports/targets/$name}
[[ $report_dir = /* ]] || report_dir=$PWD/$report_dir
export UPSPEC_CORPUS=${UPSPEC_CORPUS:-$root/corpus/cases}

log() { echo "run.sh [$name]: $*" >&2; }

command -v node >/dev/null || { log "node is required"; exit 2; }
command -v npm >/dev/null || { log "npm is required"; exit 2; }

# The upspec command.
upspec=${UPSPEC:-}
if [[ -z $upspec ]]; then
  for candidate in "$root/build/ci/harness/upspec" "$root/build/release/harness/upspec"; do
    [[ -x $candidate ]] && { upspec=$candidate; break; }
  done
fi
if [[ -z $upspec ]]; then
  log "no upspec binary found: building it (release preset)"
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release --target upspec)
  upspec=$root/build/release/harness/upspec
fi

# Reads one field of target.json (as JSON text, or as a plain string with -s).
target_field() {
  node -e '
    const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const v = t[process.argv[2]];
    process.stdout.write(process.argv[3] === "-s" ? String(v) : JSON.stringify(v));
  ' "$here/target.json" "$@"
}

# Install.
if [[ ! -d $here/node_modules || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
  install=$(target_field install -s)
  log "installing: $install"
  (cd "$here" && eval "$install")
fi

work=$(mktemp -d)
mkdir -p "$report_dir"
server_log=$report_dir/server.log
: >"$server_log"

port=$(node -e '
  const s = require("net").createServer();
  s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
')
start=$(target_field start -s)

# Starts the server, and starts it again whenever it exits until the run is over.
supervise() {
  local restarts=0 status
  while [[ ! -e $work/stop ]]; do
    (cd "$here" && PORT=$port exec $start) >>"$server_log" 2>&1 &
    echo $! >"$work/server.pid"
    status=0
    wait $! || status=$?
    [[ -e $work/stop ]] && return 0
    restarts=$((restarts + 1))
    echo "run.sh: the server exited with status $status at $(date -u +%Y-%m-%dT%H:%M:%SZ); restart $restarts" >>"$server_log"
    echo "$restarts" >"$work/restarts"
    ((restarts < 50)) || { echo "run.sh: too many restarts, giving up" >>"$server_log"; return 1; }
    sleep 0.2
  done
}

supervisor=
stop_server() {
  [[ -s $work/server.pid ]] && kill "$(cat "$work/server.pid")" 2>/dev/null || true
}
cleanup() {
  touch "$work/stop"
  if [[ -n $supervisor ]]; then
    # The supervisor may be starting a server again right now: stop whichever server is the
    # current one until the supervisor has seen the stop file and returned.
    local tries=0
    while kill -0 "$supervisor" 2>/dev/null && ((tries++ < 100)); do
      stop_server
      sleep 0.1
    done
    stop_server
    wait "$supervisor" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

supervise &
supervisor=$!

# Readiness: target.json's probe answered with 200, within 20 s.
url=http://127.0.0.1:$port$(node -e 'console.log(new URL(process.argv[1]).pathname)' "$(target_field url -s)")
log "server starting on $url (log: $server_log)"
if ! node -e '
  const [url, readyJson] = process.argv.slice(1);
  const ready = JSON.parse(readyJson) || {};
  const deadline = Date.now() + 20000;
  const probe = async () => {
    try {
      const r = await fetch(url, {
        method: ready.method || "POST",
        headers: { "content-type": "application/json" },
        body: ready.body === undefined ? undefined : JSON.stringify(ready.body),
        signal: AbortSignal.timeout(2000),
      });
      await r.arrayBuffer();
      if (r.status === 200) return process.exit(0);
    } catch {}
    if (Date.now() > deadline) process.exit(1);
    setTimeout(probe, 200);
  };
  probe();
' "$url" "$(target_field ready)"; then
  log "the server did not become ready within 20 s; its log:"
  tail -n 40 "$server_log" >&2
  exit 2
fi
[[ -e $work/restarts ]] && { log "the server exited while starting; its log:"; tail -n 40 "$server_log" >&2; exit 2; }

# The targets file, from target.json with the chosen port.
node -e '
  const fs = require("fs");
  const [file, url, out] = process.argv.slice(1);
  const t = JSON.parse(fs.readFileSync(file, "utf8"));
  const entry = { name: t.name, url, implementation: t.implementation, version: t.version,
    upspec_codes: t.upspec_codes ?? false, unsupported: t.unsupported ?? [],
    limits: t.limits, headers: t.headers ?? {} };
  fs.writeFileSync(out, JSON.stringify({ targets: [entry] }, null, 2) + "\n");
' "$here/target.json" "$url" "$work/targets.json"

status=0
touch "$work/run-started"
began=$SECONDS
"$upspec" run --targets "$work/targets.json" --report "$report_dir" "$@" || status=$?

# Some upspec builds crash while reading a targets file (load_targets iterates over items() of
# a temporary JSON value). When upspec dies from a signal at once and wrote no report, run the
# same target again with --target and --header, which give the same judging for a target whose
# limits are graphql-upload's defaults, that reports no upspec codes and lacks no field.
if ((status > 128 && SECONDS - began < 5)) && [[ ! $report_dir/index.json -nt $work/run-started ]]; then
  log "upspec died (status $status) reading the targets file; running again with --target $url"
  header_args=()
  while IFS= read -r header; do header_args+=(--header "$header"); done < <(node -e '
    const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const [k, v] of Object.entries(t.headers ?? {})) console.log(`${k}:${v}`);
  ' "$here/target.json")
  status=0
  "$upspec" run --target "$url" "${header_args[@]}" --report "$report_dir" "$@" || status=$?
fi

if [[ -e $work/restarts ]]; then
  log "the server exited $(cat "$work/restarts") time(s) during the run and was restarted: see $server_log"
fi
if ((status == 1)) && [[ ${ALLOW_FAIL:-0} = 1 ]]; then
  log "the target has FAIL verdicts (tolerated: ALLOW_FAIL=1)"
  status=0
fi
exit "$status"

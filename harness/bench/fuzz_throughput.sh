#!/usr/bin/env bash
# Generated, judged and canaried requests per second of `upspec fuzz` against the built-in
# reference server over loopback, and where the time goes. Usage:
#   bash harness/bench/fuzz_throughput.sh [SECONDS] [JOBS]     (defaults 30 and 2)
#   UPSPEC  the upspec binary (default build/release/harness/upspec)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
jobs=${2:-2}
upspec=${UPSPEC:-build/release/harness/upspec}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$upspec" fuzz --time "$seconds" -j "$jobs" --seed 1 --no-known --out "$out" >/dev/null
python3 - "$out/findings.json" "$jobs" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
c = doc["campaigns"][0]
seconds = c["duration_ms"] / 1000
print(f"{c['requests']} requests in {seconds:.1f} s with -j {sys.argv[2]}: "
      f"{c['requests'] / seconds:.0f} requests/s (each generated, judged and canaried); "
      f"{len(doc['findings'])} findings")
shares = c["time_ms"]
total = sum(v for k, v in shares.items() if k != "shrinking")
print("time summed over workers:")
for k in ("generating", "judging", "sending", "waiting", "canary"):
    print(f"  {k:11} {shares[k] / 1000:8.1f} s  {100 * shares[k] / total:5.1f} %")
PY

#!/usr/bin/env bash
# Sums fuzz/work/ledger.tsv (written by campaign.sh) per target: how many runs, how long the
# target was fuzzed in all, its executions and mean rate, its corpus now, and whether any run
# ended in a crash. A campaign run in parts resumes from the same corpus, so the parts add up.
#   usage: fuzz/campaign-totals.sh [MIN_SECONDS]   (marks targets fuzzed less than MIN_SECONDS)
set -euo pipefail
source "$(dirname "$0")/common.sh"
ledger=$UPSPEC_FUZZ_DIR/work/ledger.tsv
min=${1:-3600}
[[ -f $ledger ]] || { echo "campaign-totals: no ledger yet ($ledger); run fuzz/campaign.sh" >&2; exit 1; }

printf '%-18s %5s %8s %12s %8s %8s %7s  %s\n' target runs seconds executions exec/s inputs \
  crashes status
for t in $(upspec_fuzz_targets); do
  awk -F'\t' -v t="$t" -v min="$min" -v corpus="$UPSPEC_FUZZ_DIR/work/corpus/$t" '
    $2 == t { runs++; secs += $3; execs += $4; if ($7 != 0) bad++ }
    END {
      cmd = "find \"" corpus "\" -type f 2>/dev/null | wc -l"; cmd | getline size; close(cmd)
      # Parenthesised: a bare ">" in printf arguments would be an output redirection.
      status = (secs >= min) ? "done" : ("short of " min " s")
      printf "%-18s %5d %8d %12d %8d %8d %7d  %s\n", t, runs, secs, execs,
        (secs ? execs / secs : 0), size, bad, status
    }' "$ledger"
done

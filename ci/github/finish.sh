#!/usr/bin/env bash
# Last step of the action, once the report is uploaded: ends with `upspec run`'s exit status
# (UPSPEC_EXIT_CODE, run.sh's exit-code output), so that the job fails on FAIL and ERROR as
# upspec decided, and says why on the run's page.
set -euo pipefail
source "$(dirname "$0")/../exit-status.sh"

status=${UPSPEC_EXIT_CODE:-}
if [[ ! $status =~ ^[0-9]+$ ]]; then
  echo "::error title=upspec::upspec run did not run (no exit status)"
  exit 2
fi
if ((status != 0)); then
  echo "::error title=upspec::upspec run exited $status: $(upspec_exit_meaning "$status")"
fi
exit "$status"

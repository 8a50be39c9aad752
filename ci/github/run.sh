#!/usr/bin/env bash
# Third step of the action: `upspec run` with the action's inputs (the INPUT_* variables that
# action.yml sets), then summary.md appended to $GITHUB_STEP_SUMMARY and exit-code, report-dir and
# junit written to $GITHUB_OUTPUT. It exits 0 whatever upspec said, so that the report is uploaded
# before finish.sh ends the action with upspec's status.
set -euo pipefail
# Globs of select and exclude go to upspec as they are, never to the shell.
set -f
source "$(dirname "$0")/../exit-status.sh"

upspec=${UPSPEC:-upspec}
report=${INPUT_REPORT_DIR:-${RUNNER_TEMP:?}/upspec-report}
# GitHub refuses a step summary over 1 MiB; the whole report stays in the artifact.
summary_limit=1000000

is_true() { [[ ${1,,} =~ ^(true|yes|1)$ ]]; }

args=(run --report "$report")
# Targets, globs and extra arguments hold no spaces: any white space separates them. A header's
# value may, so headers take one line each.
for url in ${INPUT_TARGET:-}; do args+=(--target "$url"); done
if [[ -n ${INPUT_TARGETS:-} ]]; then args+=(--targets "$INPUT_TARGETS"); fi
for glob in ${INPUT_SELECT:-}; do args+=(--select "$glob"); done
for glob in ${INPUT_EXCLUDE:-}; do args+=(--exclude "$glob"); done
while IFS= read -r header; do
  header=${header#"${header%%[![:space:]]*}"}
  header=${header%"${header##*[![:space:]]}"}
  if [[ -n $header ]]; then args+=(--header "$header"); fi
done <<<"${INPUT_HEADERS:-}"
if is_true "${INPUT_STRICT:-false}"; then args+=(--strict); fi
# Passed only when asked for, so that an upspec without the option still runs.
if is_true "${INPUT_ALLOW_ERRORS:-false}"; then args+=(--allow-errors); fi
for word in ${INPUT_ARGS:-}; do args+=("$word"); done

# A report left from an earlier run must not pass for this one's.
rm -f "$report"/{index.json,junit.xml,summary.md,index.html}
echo "upspec: $upspec ${args[*]}"
status=0
"$upspec" "${args[@]}" || status=$?
meaning=$(upspec_exit_meaning "$status")
echo "upspec: exit status $status, $meaning"

{
  if [[ -f $report/summary.md ]]; then
    if (($(wc -c <"$report/summary.md") > summary_limit)); then
      head -c "$summary_limit" "$report/summary.md"
      printf '\n\n(cut here: the whole summary.md is in the report artifact)\n'
    else
      cat "$report/summary.md"
    fi
  else
    echo "# upspec"
    echo
    echo "upspec run wrote no report; the step's log says why."
  fi
  printf '\n**upspec run exited %s**: %s.\n' "$status" "$meaning"
} >>"${GITHUB_STEP_SUMMARY:?}"

junit=
if [[ -f $report/junit.xml ]]; then junit=$report/junit.xml; fi
{
  echo "exit-code=$status"
  echo "report-dir=$report"
  echo "junit=$junit"
} >>"${GITHUB_OUTPUT:?}"

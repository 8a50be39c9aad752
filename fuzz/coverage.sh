#!/usr/bin/env bash
# Line coverage of reference/ reached by the fuzzers: a clang source-based coverage build of
# the targets with their replay mains (build/fuzz-cov), every input of the campaign corpora,
# the seeds and the findings replayed once, and llvm-cov's report per file and in total, and
# the total each target reaches on its own.
#   usage: fuzz/coverage.sh [TARGET...]    (default: every target)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$UPSPEC_ROOT"

targets=("$@")
((${#targets[@]})) || read -r -a targets <<<"$(upspec_fuzz_targets)"
build=$UPSPEC_ROOT/build/fuzz-cov
llvm_profdata=$(command -v llvm-profdata || command -v llvm-profdata-14)
llvm_cov=$(command -v llvm-cov || command -v llvm-cov-14)

cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-fprofile-instr-generate -fcoverage-mapping -Wno-unknown-warning-option" \
  -DUPSPEC_FUZZ_ENGINE= -DUPSPEC_BUILD_TESTS=OFF -DUPSPEC_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target fuzz_all -j 2

profiles=$build/profiles
rm -rf "$profiles"
mkdir -p "$profiles"
objects=()
for t in "${targets[@]}"; do
  dirs=("$UPSPEC_FUZZ_DIR/work/corpus/$t")
  while read -r d; do dirs+=("$d"); done < <(upspec_fuzz_seed_dirs "$build" "$t")
  echo "coverage: replaying $t"
  # %m: one profile per binary even if a replay forks; a finding must not stop the report.
  LLVM_PROFILE_FILE="$profiles/$t-%p.profraw" "$build/fuzz/bin/$t" "${dirs[@]}" >/dev/null 2>&1 ||
    echo "coverage: $t stopped early (a crashing input?); coverage so far is kept" >&2
  objects+=(-object "$build/fuzz/bin/$t")
done

# Each target's own reach: its replay alone, measured against every target's binary so that
# the reference code a target never links counts as not covered.
per_target=()
for t in "${targets[@]}"; do
  "$llvm_profdata" merge -sparse "$profiles/$t"-*.profraw -o "$profiles/$t.profdata"
  totals=$("$llvm_cov" report "${objects[@]:1}" -instr-profile="$profiles/$t.profdata" \
    "$UPSPEC_ROOT/reference/src" "$UPSPEC_ROOT/reference/include" | awk '$1 == "TOTAL"')
  per_target+=("$(awk -v t="$t" '{printf "%-18s %8s of %5s lines  %8s of functions  %8s of branches",
    t, $10, $8, $7, $13}' <<<"$totals")")
done

"$llvm_profdata" merge -sparse "$profiles"/*.profraw -o "$profiles/merged.profdata"
# The first -object is given as the binary; reference/ alone is reported.
"$llvm_cov" report "${objects[@]:1}" -instr-profile="$profiles/merged.profdata" \
  "$UPSPEC_ROOT/reference/src" "$UPSPEC_ROOT/reference/include" | tee "$build/coverage.txt"
"$llvm_cov" show "${objects[@]:1}" -instr-profile="$profiles/merged.profdata" \
  -format=html -output-dir="$build/html" "$UPSPEC_ROOT/reference/src" \
  "$UPSPEC_ROOT/reference/include" >/dev/null
echo "coverage of reference/ per target (line, function and branch coverage):"
printf '  %s\n' "${per_target[@]}" | tee "$build/coverage-per-target.txt"
echo "coverage: report in $build/coverage.txt (all targets together, per file), per target in"
echo "  $build/coverage-per-target.txt, annotated sources in $build/html/index.html"

#pragma once
// The index.json of a run (docs/report-format.md, schema upspec-report/1).

#include <vector>

#include "corpus/test_case.hpp"
#include "run/runner.hpp"

namespace upspec::run {

// Now, as index.json and the target logs write it: 2026-11-21T11:00:00Z.
std::string utc_now();

struct run_info {
  bool strict = false;
  std::string started_at;  // ISO 8601, UTC
  long duration_ms = 0;
};

corpus::json build_index(const std::vector<corpus::test_case>& cases,
                         const std::vector<target_run>& runs, const run_info& info);

}  // namespace upspec::run

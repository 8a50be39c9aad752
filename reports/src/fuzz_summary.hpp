#pragma once
// What findings.md and index.html both show of a campaign: the headline, per-target totals and
// the matrix of divergences by target.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace upspec::reports {

struct fuzz_target_row {
  std::string name, implementation, note;
  std::uint64_t requests = 0, skipped = 0, unjudged = 0, findings = 0, fresh = 0, known = 0;
};

struct fuzz_matrix_row {
  std::string kind, status_class, rule;
  std::map<std::string, std::uint64_t> counts;  // by target
};

struct fuzz_summary {
  std::string headline;
  std::vector<fuzz_target_row> targets;
  std::vector<fuzz_matrix_row> matrix;
};

fuzz_summary summarize_fuzz(const nlohmann::ordered_json& doc);

}  // namespace upspec::reports

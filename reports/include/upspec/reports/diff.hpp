#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace upspec::reports {

inline constexpr std::string_view kDiffSchema = "upspec-report-diff/1";

// What changed from one run to the next, ignoring run.volatile and each result's duration_ms:
// verdict changes per (case, target), cases and targets added or removed, results whose verdict
// held but whose details changed, and totals before and after. Layout in docs/reports.md.
nlohmann::json diff_reports(const nlohmann::json& old_index, const nlohmann::json& new_index);

// The diff as plain text for a terminal; strings from the reports are stripped of control
// characters so that a hostile server cannot drive the terminal.
std::string render_diff(const nlohmann::json& diff);

}  // namespace upspec::reports

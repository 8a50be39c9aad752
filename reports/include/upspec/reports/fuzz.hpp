#pragma once
// The findings of a live fuzzing campaign (`upspec fuzz`, schema upspec-fuzz/1, documented in
// docs/fuzz-live.md) as findings.md and index.html, from findings.json alone: a merged folder
// is rendered the same way.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace upspec::reports {

std::string render_fuzz_markdown(const nlohmann::ordered_json& findings);
std::string render_fuzz_html(const nlohmann::ordered_json& findings);

// findings.json, findings.md and index.html into `dir` (created if needed), each written beside
// its name and renamed into place.
void write_fuzz_reports(const nlohmann::ordered_json& findings, const std::filesystem::path& dir);

}  // namespace upspec::reports

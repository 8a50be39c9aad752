#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

namespace upspec::reports {

// Validates `index`, then writes index.json, junit.xml, summary.md and index.html into `dir`
// (created if needed). Each file is written beside its final name and renamed into place, so a
// reader never sees half a report. Throws std::invalid_argument with validate_index's message
// for an invalid index, std::runtime_error naming the file when writing fails.
//
// nlohmann::json keeps object members sorted by name, so index.json comes out in that order:
// stable from run to run, but not the order of docs/report-format.md. A runner that builds its
// index as nlohmann::ordered_json and wants that order kept calls the second overload.
void write_reports(const nlohmann::json& index, const std::filesystem::path& dir);
void write_reports(const nlohmann::ordered_json& index, const std::filesystem::path& dir);

// Only index.json and summary.md: what a published result keeps (reports/results/<target>/).
void write_published(const nlohmann::json& index, const std::filesystem::path& dir);

}  // namespace upspec::reports

#pragma once
// Whole-file reads for the harness's small inputs (corpus files, target.json, reports, logs):
// one place that opens, reads and says why it could not.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

namespace upspec::files {

// The file's bytes, or nullopt when it cannot be opened.
std::optional<std::string> read_text(const std::filesystem::path& path);

// The file parsed as JSON (`Json`: nlohmann::json, or ordered_json where key order is kept), or
// why not ("cannot read P" or "P is not JSON").
template <class Json = nlohmann::json>
std::variant<Json, std::string> read_json(const std::filesystem::path& path) {
  const auto text = read_text(path);
  if (!text) return "cannot read " + path.string();
  auto j = Json::parse(*text, nullptr, false);
  if (j.is_discarded()) return path.string() + " is not JSON";
  return j;
}

}  // namespace upspec::files

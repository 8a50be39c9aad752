#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace upspec::reports {

// The index.json schema this library reads and writes (docs/report-format.md).
inline constexpr std::string_view kSchema = "upspec-report/1";

// nullopt when `index` is a well-formed upspec-report/1 document; otherwise a message naming
// each problem by its path (`cases[3].level: ...`), meant to be shown to a person as is.
std::optional<std::string> validate_index(const nlohmann::json& index);

}  // namespace upspec::reports

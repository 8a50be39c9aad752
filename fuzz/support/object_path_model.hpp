#pragma once
// An independent reading of object paths, to check the reference's writer against.

#include <string>
#include <string_view>
#include <vector>

#include "upspec/request/json_field.hpp"

namespace upspec::fuzz {

// The value at `path` (object keys, and digit segments without a leading zero as array
// indices), or nullptr when the path does not lead anywhere.
const request::json* value_at_path(const request::json& root, std::string_view path);

// Aborts when the verdict on `path` breaks a rule that holds whatever the JSON: an empty path,
// a prototype segment, and a path that walks into the file an earlier path of the map (in
// `applied`) set are always refused.
void check_path_verdict(std::string_view path, bool refused,
                        const std::vector<std::string>& applied);

}  // namespace upspec::fuzz

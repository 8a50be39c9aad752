#pragma once

#include <filesystem>
#include <string>

namespace upspec::reports::detail {

// Writes `content` to dir/name beside its final name, then renames it into place; throws
// std::runtime_error naming the file when that fails.
void write_file(const std::filesystem::path& dir, const char* name, const std::string& content);

}  // namespace upspec::reports::detail

#pragma once

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace upspec::reports::testing {

// tests/data/sample-index.json: 12 cases in 8 categories on 3 targets (reference,
// graphql-upload, strawberry), every verdict, a poisoned case, an unsupported feature, and
// hostile strings (script and img tags, </noscript>, ]]>, NUL and other control characters)
// in response bodies, headers, findings and a target's implementation name.
nlohmann::json sample_index();

// A synthetic index of `cases` x `targets` results, every one with a `bulk_bytes` body and wire
// log, about one in 20 results failing; for size and speed checks.
nlohmann::json large_index(std::size_t cases, std::size_t targets, std::size_t bulk_bytes);

// A new empty directory under the system temp directory.
std::filesystem::path fresh_dir(std::string_view name);

std::string read_text(const std::filesystem::path& path);

// Counts non-overlapping occurrences.
std::size_t count(std::string_view haystack, std::string_view needle);

}  // namespace upspec::reports::testing

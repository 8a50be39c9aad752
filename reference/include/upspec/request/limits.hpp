#pragma once

#include <cstdint>
#include <optional>

#include "upspec/multipart/parser.hpp"

namespace upspec::request {

// graphql-upload's processRequest options, with its defaults.
struct limits {
  std::uint64_t max_field_size = 1'000'000;    // bytes of operations or map
  std::optional<std::uint64_t> max_file_size;  // bytes of one file; unlimited by default
  std::optional<std::uint64_t> max_files;      // entries of the map; unlimited by default
  multipart::parser_limits parser{};
  friend bool operator==(const limits&, const limits&) = default;
};

}  // namespace upspec::request

#pragma once
// The text framing the targets read their inputs in: a few leading lines (a boundary, a
// Content-Type, limits), then the bytes under test. Lines keep fuzzer inputs readable and easy
// to write by hand when a finding becomes a regression.

#include <string>
#include <string_view>

#include "upspec/request/limits.hpp"

namespace upspec::fuzz {

struct line_split {
  std::string_view line;  // up to the first '\n', which is dropped
  std::string_view rest;
};

// Without a '\n' the whole input is the line and nothing is left.
line_split take_line(std::string_view input);

// "FIELD FILE FILES": decimal numbers for max_field_size, max_file_size and max_files, each
// "-" (or anything unreadable) for graphql-upload's default. Small limits are what make the
// limit paths reachable with small inputs.
request::limits parse_limits_line(std::string_view line);
std::string format_limits_line(const request::limits& limits);

}  // namespace upspec::fuzz

#pragma once
// A whole-buffer multipart/form-data parser written only to check the streaming one.
//
// It trades every optimisation for being obviously right: the body is one string, delimiters
// are found with std::string::find, and each rule of RFC 2046 §5.1.1 and RFC 7578 is one
// branch. Its events use the text format of reference/tests/test_support.hpp's event_log
// ("begin", "header N: V", "headers-complete", "data ...", "end", "close"), so the two
// parsers' reports compare with ==.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "upspec/errors.hpp"
#include "upspec/multipart/parser.hpp"

namespace upspec::properties {

struct oracle_result {
  std::vector<std::string> events;
  bool ok = false;
  std::optional<error_code> code;  // set exactly when !ok
};

oracle_result oracle_parse(std::string_view boundary, std::string_view body,
                           const multipart::parser_limits& limits = {});

}  // namespace upspec::properties

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

struct oracle_options {
  // RFC 9110 §5.5: a field value holds no control characters (HTAB aside), folded lines
  // included. The reference checks only a header's first line (see reference_bugs_test.cpp);
  // false reproduces that, so that the known bug can be told apart from new disagreements.
  bool controls_refused_in_folded_lines = true;
};

oracle_result oracle_parse(std::string_view boundary, std::string_view body,
                           const multipart::parser_limits& limits = {},
                           const oracle_options& options = {});

}  // namespace upspec::properties

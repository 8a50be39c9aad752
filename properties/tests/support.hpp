#pragma once
// Running the reference's parser and processor over a body split by a plan.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.hpp"  // reference/tests: event_log, the events format the oracle shares
#include "upspec/multipart/parser.hpp"
#include "upspec/properties/splits.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::properties::testing {

using request::json;

struct parser_run {
  std::vector<std::string> events;  // event_log's format
  bool ok = false;
  std::optional<upspec::error> error;
  bool within_bound = true;  // buffered_bytes() <= buffer_bound() after every call
  std::size_t most_buffered = 0;
  std::size_t bound = 0;
  bool bound_changed = false;
};

parser_run run_parser(std::string_view boundary, std::string_view body, const split_plan& plan,
                      const multipart::parser_limits& limits = {},
                      multipart::search_path path = multipart::search_path::automatic);

// The reference outcome (as `upspec reference` prints it) with the body fed as planned.
json run_processor(std::string_view content_type, std::string_view body, const split_plan& plan,
                   const request::limits& limits = {});

// The first difference between two event lists, for failure logs.
std::string first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b);

std::string content_type_for(std::string_view boundary);

}  // namespace upspec::properties::testing

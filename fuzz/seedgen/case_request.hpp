#pragma once
// The requests of the conformance corpus (corpus/README.md), as far as seeds need them.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "upspec/request/limits.hpp"

namespace upspec::fuzz {

struct case_request {
  std::string id;
  std::string method = "POST";
  std::string target = "/graphql";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type;
  std::string body;
  std::size_t chunk_size = 0;  // chunked transfer coding when non-zero
  request::limits limits;
};

// The cases of one corpus/cases/*.json file; generated bodies (body_large) are left out.
std::vector<case_request> cases_in(std::string_view json_text);

case_request spec_example(std::string id, std::string content_type, std::string body);

}  // namespace upspec::fuzz

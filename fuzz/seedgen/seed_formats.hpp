#pragma once
// One corpus request in the input format of each target.

#include <string>
#include <utility>
#include <vector>

#include "seedgen/case_request.hpp"

namespace upspec::fuzz {

// (target, input) for the targets that take the request whole: multipart_parser,
// request_processor, differential, object_path, server, structured. A target the request
// cannot be expressed for (no boundary, no map) is left out.
std::vector<std::pair<std::string, std::string>> seeds_for(const case_request& c);

// The GraphQL documents of the request's operations (graphql_parser).
std::vector<std::string> graphql_seeds_for(const case_request& c);

// Each operation with its variables as the processor hands them on (graphql_execute).
std::vector<std::string> execute_seeds_for(const case_request& c);

}  // namespace upspec::fuzz

#pragma once
// Plain GraphQL over HTTP requests, without files: a JSON body, or a GET with the request in
// the query string. Upload variables can only fail here (upload.value_invalid), which is what
// a harness case may want to see.

#include <cstdint>
#include <string_view>

#include "serve/reply.hpp"

namespace upspec::serve {

// POST with Content-Type: application/json. The body plays the role the `operations` field
// plays in a multipart request, and is refused with the same codes.
reply execute_json_request(std::string_view body);

// GET /graphql?query=...&variables=...&operationName=...&extensions=... (GraphQL over HTTP):
// queries only; a mutation is 405.
reply execute_get_request(std::string_view target);

// The refusal of a JSON body over `max_bytes` (the --max-field-size limit).
reply json_body_too_large(std::uint64_t max_bytes);

}  // namespace upspec::serve

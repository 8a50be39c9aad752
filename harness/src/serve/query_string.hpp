#pragma once
// The parts of a request target: its path and its query parameters
// (application/x-www-form-urlencoded, as GraphQL over HTTP's GET requests are sent).

#include <optional>
#include <string>
#include <string_view>

namespace upspec::serve {

// "/graphql?query=..." -> "/graphql".
std::string_view target_path(std::string_view target);

// '+' is a space and %XX a byte; a '%' not followed by two hex digits stays as it is
// (WHATWG URL's percent-decode).
std::string form_decode(std::string_view text);

// The first value of a query parameter, decoded; nullopt when the parameter is absent.
std::optional<std::string> query_parameter(std::string_view target, std::string_view name);

}  // namespace upspec::serve

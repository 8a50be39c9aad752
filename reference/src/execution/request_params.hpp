#pragma once
// The parameters of one GraphQL-over-HTTP request: {"query", "variables", "operationName",
// "extensions"}, checked as graphql-http (the GraphQL over HTTP reference) checks them.

#include <optional>
#include <string>
#include <variant>

#include "graphql_error.hpp"

namespace upspec::execution {

struct request_params {
  std::string query;
  const json* variables = nullptr;  // an object, or nullptr when null or absent
  std::optional<std::string> operation_name;
};

// The parameters, or graphql-http's message ("Missing query", "Invalid variables", ...).
// Unknown keys are ignored; extensions are checked and otherwise unused.
std::variant<request_params, graphql_error> read_request_params(const json& request);

}  // namespace upspec::execution

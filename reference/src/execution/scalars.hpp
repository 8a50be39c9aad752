#pragma once
// Input coercion of the schema's scalars (GraphQL Oct 2021 §3.5): Boolean, String, Int, and
// Upload's literal refusal. Messages are graphql-js 16's parseValue/parseLiteral messages.

#include <string>
#include <string_view>
#include <variant>

#include "graphql_error.hpp"
#include "input_value.hpp"
#include "upspec/graphql/ast.hpp"

namespace upspec::execution {

// parseLiteral: the value, or the error at the literal. Never called with null or a variable.
std::variant<input_value, graphql_error> parse_scalar_literal(std::string_view scalar,
                                                              const graphql::Value& literal);

// parseValue for every scalar but Upload (whose values depend on where they are): the value,
// or the message that explains the refusal.
std::variant<input_value, std::string> parse_scalar_value(std::string_view scalar,
                                                          const request::json& value);

}  // namespace upspec::execution

#pragma once
// Argument coercion (GraphQL Oct 2021 §6.4.1 CoerceArgumentValues), as graphql-js
// getArgumentValues(): for fields and for @skip/@include.

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "coerce_variables.hpp"
#include "graphql_error.hpp"
#include "input_value.hpp"
#include "schema.hpp"
#include "upspec/graphql/ast.hpp"

namespace upspec::execution {

// By argument name; an argument neither given nor defaulted is absent.
using argument_values = std::map<std::string, input_value, std::less<>>;

// The values, or the error (at the argument's value, or at `node` for a missing argument)
// that makes the field fail.
std::variant<argument_values, graphql_error> coerce_argument_values(
    const std::vector<input_def>& definitions, const std::vector<graphql::Argument>& arguments,
    graphql::SourceLocation node, const variable_values& variables);

}  // namespace upspec::execution

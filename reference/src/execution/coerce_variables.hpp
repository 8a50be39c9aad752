#pragma once
// Variable coercion (GraphQL Oct 2021 §6.4.1 CoerceVariableValues), where Upload values are
// told apart from look-alikes: only a value at a path the map wrote is an upload.

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "graphql_error.hpp"
#include "input_value.hpp"
#include "upspec/execution/executor.hpp"
#include "upspec/graphql/ast.hpp"

namespace upspec::execution {

// The coerced variables by name; a variable neither provided nor defaulted is absent.
using variable_values = std::map<std::string, input_value, std::less<>>;

struct variables_source {
  const json* values = nullptr;  // the request's "variables" object; null or absent: none
  std::string path;              // that object's path in operations: "variables", "1.variables"
  const upload_paths* uploads = nullptr;
};

// The coerced values, or graphql-js's errors (at most kMaxVariableErrors, then one more that
// says coercion stopped), each at its variable definition.
std::variant<variable_values, std::vector<graphql_error>> coerce_variable_values(
    const graphql::OperationDefinition& operation, const variables_source& source);

}  // namespace upspec::execution

#pragma once
// Literal coercion (GraphQL Oct 2021 §3.5, §3.10, §3.11 literal input coercion), as
// graphql-js valueFromAST(): for variable defaults and for arguments written in the document.

#include <optional>

#include "coerce_variables.hpp"
#include "input_value.hpp"
#include "type_ref.hpp"
#include "upspec/graphql/ast.hpp"

namespace upspec::execution {

// The coerced value, or nullopt when the literal is invalid for the type (validation has
// reported why) or names a variable that has no value where one is required. `variables` is
// nullptr for constant values.
std::optional<input_value> value_from_ast(const graphql::Value& literal, const type_ref& type,
                                          const variable_values* variables);

}  // namespace upspec::execution

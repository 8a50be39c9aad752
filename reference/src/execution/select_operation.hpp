#pragma once
// GraphQL Oct 2021 §6.1 GetOperation, with graphql-js's messages.

#include <optional>
#include <string>
#include <variant>

#include "graphql_error.hpp"
#include "upspec/graphql/ast.hpp"

namespace upspec::execution {

std::variant<const graphql::OperationDefinition*, graphql_error> select_operation(
    const graphql::Document& document, const std::optional<std::string>& operation_name);

}  // namespace upspec::execution

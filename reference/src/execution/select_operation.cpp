#include "select_operation.hpp"

namespace upspec::execution {

std::variant<const graphql::OperationDefinition*, graphql_error> select_operation(
    const graphql::Document& document, const std::optional<std::string>& operation_name) {
  const graphql::OperationDefinition* selected = nullptr;
  for (const graphql::Definition& definition : document.definitions) {
    const auto* op = definition.as<graphql::OperationDefinition>();
    if (!op) continue;
    if (!operation_name) {
      if (selected)
        return graphql_error("Must provide operation name if query contains multiple operations.");
      selected = op;
    } else if (op->name == operation_name) {
      selected = op;
    }
  }
  if (selected) return selected;
  if (operation_name) return graphql_error("Unknown operation named \"" + *operation_name + "\".");
  return graphql_error("Must provide an operation.");
}

}  // namespace upspec::execution

#include <map>
#include <string>

#include "validation_context.hpp"

namespace upspec::execution {

void check_definition_names(validation_context& ctx) {
  std::size_t operations = 0;
  for (const graphql::Definition& definition : ctx.document.definitions)
    if (definition.as<graphql::OperationDefinition>()) ++operations;

  std::map<std::string_view, graphql::SourceLocation> operation_names;
  std::map<std::string_view, graphql::SourceLocation> fragment_names;
  for (const graphql::Definition& definition : ctx.document.definitions) {
    if (const auto* op = definition.as<graphql::OperationDefinition>()) {
      if (!op->name) {
        // GraphQL Oct 2021 §5.2.2.1 Lone Anonymous Operation.
        if (operations > 1)
          ctx.report("This anonymous operation must be the only defined operation.",
                     {op->location});
        continue;
      }
      // GraphQL Oct 2021 §5.2.1.1 Operation Name Uniqueness.
      const graphql::SourceLocation at = ctx.name_after(op->location);
      const auto [first, added] = operation_names.emplace(*op->name, at);
      if (!added)
        ctx.report("There can be only one operation named \"" + *op->name + "\".",
                   {first->second, at});
    } else {
      // GraphQL Oct 2021 §5.5.1.1 Fragment Name Uniqueness.
      const auto& fragment = *definition.as<graphql::FragmentDefinition>();
      const graphql::SourceLocation at = ctx.name_after(fragment.location);
      const auto [first, added] = fragment_names.emplace(fragment.name, at);
      if (!added)
        ctx.report("There can be only one fragment named \"" + fragment.name + "\".",
                   {first->second, at});
    }
  }
}

}  // namespace upspec::execution

// Variables (GraphQL Oct 2021 §5.8).

#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "validation_context.hpp"

namespace upspec::execution {
namespace {

const graphql::NamedType& innermost(const graphql::TypeReference& type) {
  const graphql::TypeReference* t = &type;
  for (;;) {
    if (const auto* named = t->as<graphql::NamedType>()) return *named;
    if (const auto* list = t->as<graphql::ListType>()) {
      t = &*list->item_type;
    } else {
      t = &*t->as<graphql::NonNullType>()->inner_type;
    }
  }
}

// GraphQL Oct 2021 §5.8.5 IsVariableUsageAllowed.
bool usage_allowed(const type_ref& variable_type, const graphql::VariableDefinition& definition,
                   const variable_usage& usage) {
  const type_ref& location_type = *usage.type;
  if (location_type.is_non_null() && !variable_type.is_non_null()) {
    const bool has_non_null_default =
        definition.default_value && !definition.default_value->as<graphql::NullValue>();
    if (!has_non_null_default && !usage.location_has_default) return false;
    return is_subtype(variable_type, *location_type.of);
  }
  return is_subtype(variable_type, location_type);
}

void check_operation(validation_context& ctx, const graphql::OperationDefinition& op) {
  std::vector<const variable_usage*> usages;
  const definition_facts& own = ctx.facts(&op);
  for (const variable_usage& usage : own.usages) usages.push_back(&usage);
  for (const graphql::FragmentDefinition* fragment : ctx.reachable_fragments(own)) {
    const definition_facts& facts = ctx.facts(fragment);
    ctx.spend(facts.usages.size());
    for (const variable_usage& usage : facts.usages) usages.push_back(&usage);
  }

  std::map<std::string_view, const graphql::VariableDefinition*> defined;
  for (const graphql::VariableDefinition& definition : op.variable_definitions)
    defined.emplace(definition.name, &definition);
  const std::string by_operation = op.name ? " by operation \"" + *op.name + "\"" : "";
  const std::string in_operation = op.name ? " in operation \"" + *op.name + "\"" : "";

  // GraphQL Oct 2021 §5.8.3 All Variable Uses Defined.
  std::set<std::string_view> used;
  for (const variable_usage* usage : usages) {
    used.insert(*usage->name);
    if (!defined.count(*usage->name))
      ctx.report("Variable \"$" + *usage->name + "\" is not defined" + by_operation + ".",
                 {usage->node->location, op.location});
  }
  // GraphQL Oct 2021 §5.8.4 All Variables Used.
  for (const graphql::VariableDefinition& definition : op.variable_definitions)
    if (!used.count(definition.name))
      ctx.report("Variable \"$" + definition.name + "\" is never used" + in_operation + ".",
                 {definition.location});
  // GraphQL Oct 2021 §5.8.5 All Variable Usages Are Allowed.
  for (const variable_usage* usage : usages) {
    const auto it = defined.find(*usage->name);
    if (it == defined.end() || !usage->type) continue;
    const type_ref variable_type = from_ast(it->second->type);
    if (!ctx.types.type(variable_type)) continue;
    if (!usage_allowed(variable_type, *it->second, *usage))
      ctx.report("Variable \"$" + *usage->name + "\" of type \"" + to_string(variable_type) +
                     "\" used in position expecting type \"" + to_string(*usage->type) + "\".",
                 {it->second->location, usage->node->location});
  }
}

}  // namespace

void walk_variable_definitions(validation_context& ctx,
                               const graphql::OperationDefinition& operation,
                               definition_facts& facts) {
  // GraphQL Oct 2021 §5.8.1 Variable Uniqueness: one error per repeated name, at each name.
  std::vector<std::pair<std::string_view, std::vector<graphql::SourceLocation>>> by_name;
  std::unordered_map<std::string_view, std::size_t> index;
  for (const graphql::VariableDefinition& definition : operation.variable_definitions) {
    const auto [at, added] = index.emplace(definition.name, by_name.size());
    if (added) by_name.push_back({definition.name, {}});
    by_name[at->second].second.push_back(definition.location);
  }
  for (auto& [name, uses] : by_name) {
    if (uses.size() < 2) continue;
    for (graphql::SourceLocation& at : uses) at = ctx.name_after(at);
    ctx.report("There can be only one variable named \"$" + std::string(name) + "\".", uses);
  }

  for (const graphql::VariableDefinition& definition : operation.variable_definitions) {
    walk_directives(ctx, definition.directives, "VARIABLE_DEFINITION", facts);
    const named_type* named = known_type(ctx, innermost(definition.type));
    const type_ref type = from_ast(definition.type);
    // GraphQL Oct 2021 §5.8.2 Variables Are Input Types.
    if (named && !named->is_input())
      ctx.report("Variable \"$" + definition.name + "\" cannot be non-input type \"" +
                     to_string(type) + "\".",
                 {definition.type.location()});
    // The default is a constant: checked against the type, an Upload literal refused too.
    if (definition.default_value)
      walk_value(ctx, *definition.default_value, named && named->is_input() ? &type : nullptr,
                 false, true, facts);
  }
}

void check_variable_usages(validation_context& ctx) {
  for (const graphql::Definition& definition : ctx.document.definitions)
    if (const auto* op = definition.as<graphql::OperationDefinition>()) check_operation(ctx, *op);
}

}  // namespace upspec::execution

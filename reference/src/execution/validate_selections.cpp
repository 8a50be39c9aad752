// The typed walk: every operation and fragment definition once, in document order, with the
// type each selection applies to. Fragment spreads are recorded, not followed, so the walk is
// linear in the document; rules that need spreads followed use the facts it records.

#include "suggestions.hpp"
#include "validation_context.hpp"

namespace upspec::execution {
namespace {

void walk_selection_set(validation_context& ctx, const graphql::SelectionSet& set,
                        const named_type* parent, definition_facts& facts);

// GraphQL Oct 2021 §5.5.1.3 Fragments On Composite Types; the type when it can be selected on.
const named_type* condition_type(validation_context& ctx, const graphql::NamedType& condition,
                                 const std::string* fragment_name) {
  const named_type* type = known_type(ctx, condition);
  if (!type || type->is_composite()) return type;
  ctx.report((fragment_name ? "Fragment \"" + *fragment_name + "\" cannot" : "Fragment cannot") +
                 std::string(" condition on non composite type \"") + condition.name + "\".",
             {condition.location});
  return nullptr;
}

// GraphQL Oct 2021 §5.5.2.3 Fragment spread is possible: without abstract types, only on the
// type the fragment names.
void check_possible(validation_context& ctx, const named_type* parent, const named_type* fragment,
                    const std::string* fragment_name, graphql::SourceLocation at) {
  if (!parent || !fragment || parent == fragment) return;
  ctx.report((fragment_name ? "Fragment \"" + *fragment_name + "\" cannot" : "Fragment cannot") +
                 std::string(" be spread here as objects of type \"") + parent->name +
                 "\" can never be of type \"" + fragment->name + "\".",
             {at});
}

void walk_field(validation_context& ctx, const graphql::Field& field, const named_type* parent,
                definition_facts& facts) {
  const field_def* def = nullptr;
  if (parent) {
    // GraphQL Oct 2021 §5.3.1 Field Selections.
    def = parent->field(field.name);
    if (!def)
      ctx.report("Cannot query field \"" + field.name + "\" on type \"" + parent->name + "\"." +
                     did_you_mean(suggestion_list(field.name, parent->field_names())),
                 {field.location});
  }
  const std::string owner = def ? parent->name + "." + def->name : field.name;
  walk_arguments(ctx, field.arguments, def ? &def->args : nullptr, false, owner, field.location,
                 facts);
  walk_directives(ctx, field.directives, "FIELD", facts);

  const named_type* type = def ? ctx.types.type(def->type) : nullptr;
  if (type) {
    // GraphQL Oct 2021 §5.3.3 Leaf Field Selections.
    const std::string type_name = to_string(def->type);
    if (type->is_leaf() && field.selection_set) {
      ctx.report("Field \"" + field.name + "\" must not have a selection since type \"" +
                     type_name + "\" has no subfields.",
                 {field.selection_set->location});
    } else if (!type->is_leaf() && !field.selection_set) {
      ctx.report("Field \"" + field.name + "\" of type \"" + type_name +
                     "\" must have a selection of subfields. Did you mean \"" + field.name +
                     " { ... }\"?",
                 {field.location});
    }
  }
  if (field.selection_set) {
    const named_type* sub = type && type->is_composite() ? type : nullptr;
    if (sub) ctx.selection_sets.push_back({&*field.selection_set, sub});
    walk_selection_set(ctx, *field.selection_set, sub, facts);
  }
}

void walk_spread(validation_context& ctx, const graphql::FragmentSpread& spread,
                 const named_type* parent, definition_facts& facts) {
  facts.spreads.push_back(&spread);
  walk_directives(ctx, spread.directives, "FRAGMENT_SPREAD", facts);
  const auto fragment = ctx.fragments.find(spread.name);
  if (fragment == ctx.fragments.end()) {
    // GraphQL Oct 2021 §5.5.2.1 Fragment spread target defined.
    ctx.report("Unknown fragment \"" + spread.name + "\".", {ctx.name_after(spread.location)});
    return;
  }
  const named_type* type = ctx.types.type(fragment->second->type_condition.name);
  check_possible(ctx, parent, type && type->is_composite() ? type : nullptr, &spread.name,
                 spread.location);
}

void walk_inline_fragment(validation_context& ctx, const graphql::InlineFragment& fragment,
                          const named_type* parent, definition_facts& facts) {
  const named_type* type = parent;
  if (fragment.type_condition) {
    type = condition_type(ctx, *fragment.type_condition, nullptr);
    check_possible(ctx, parent, type, nullptr, fragment.location);
  }
  walk_directives(ctx, fragment.directives, "INLINE_FRAGMENT", facts);
  walk_selection_set(ctx, fragment.selection_set, type, facts);
}

// Nesting is bounded by the parser's depth guard.
void walk_selection_set(validation_context& ctx, const graphql::SelectionSet& set,
                        const named_type* parent, definition_facts& facts) {
  for (const graphql::Selection& selection : set.selections) {
    if (const auto* field = selection.as<graphql::Field>()) {
      walk_field(ctx, *field, parent, facts);
    } else if (const auto* spread = selection.as<graphql::FragmentSpread>()) {
      walk_spread(ctx, *spread, parent, facts);
    } else {
      walk_inline_fragment(ctx, *selection.as<graphql::InlineFragment>(), parent, facts);
    }
  }
}

void walk_operation(validation_context& ctx, const graphql::OperationDefinition& op) {
  definition_facts& facts = ctx.facts(&op);
  walk_variable_definitions(ctx, op, facts);
  static constexpr const char* kLocations[] = {"QUERY", "MUTATION", "SUBSCRIPTION"};
  walk_directives(ctx, op.directives, kLocations[static_cast<int>(op.operation)], facts);
  // The schema has no subscription type: like graphql-js, nothing is known to check its fields
  // against; executing one is refused.
  const named_type* root = nullptr;
  if (op.operation == graphql::OperationType::query) root = &ctx.types.query_type();
  if (op.operation == graphql::OperationType::mutation) root = &ctx.types.mutation_type();
  if (root) ctx.selection_sets.push_back({&op.selection_set, root});
  walk_selection_set(ctx, op.selection_set, root, facts);
}

void walk_fragment(validation_context& ctx, const graphql::FragmentDefinition& fragment) {
  definition_facts& facts = ctx.facts(&fragment);
  const named_type* type = condition_type(ctx, fragment.type_condition, &fragment.name);
  walk_directives(ctx, fragment.directives, "FRAGMENT_DEFINITION", facts);
  if (type) ctx.selection_sets.push_back({&fragment.selection_set, type});
  walk_selection_set(ctx, fragment.selection_set, type, facts);
}

}  // namespace

// GraphQL Oct 2021 §5.5.1.2 Fragment Spread Type Existence, §5.8.2 for variable types.
const named_type* known_type(validation_context& ctx, const graphql::NamedType& type) {
  const named_type* found = ctx.types.type(type.name);
  if (!found)
    ctx.report("Unknown type \"" + type.name + "\"." +
                   did_you_mean(suggestion_list(type.name, ctx.types.type_names())),
               {type.location});
  return found;
}

void walk_definitions(validation_context& ctx) {
  for (const graphql::Definition& definition : ctx.document.definitions) {
    if (const auto* op = definition.as<graphql::OperationDefinition>()) {
      walk_operation(ctx, *op);
    } else {
      walk_fragment(ctx, *definition.as<graphql::FragmentDefinition>());
    }
  }
}

}  // namespace upspec::execution

// Values (GraphQL Oct 2021 §5.6), and where variables are used. `type` is the input type
// expected at the value, nullptr when unknown; `check` is false below a list or object that
// was already reported as a whole (graphql-js stops ValuesOfCorrectType there, but keeps
// counting the variables inside).

#include <map>
#include <string>

#include "scalars.hpp"
#include "suggestions.hpp"
#include "upspec/graphql/printer.hpp"
#include "validation_context.hpp"

namespace upspec::execution {
namespace {

// graphql-js isValidValueNode(): a leaf type parses the literal; other types refuse it.
void check_leaf(validation_context& ctx, const graphql::Value& value, const type_ref* type) {
  if (!type) return;
  const named_type* named = ctx.types.type(*type);
  if (!named) return;
  if (!named->is_leaf()) {
    ctx.report(
        "Expected value of type \"" + to_string(*type) + "\", found " + graphql::print(value) + ".",
        {value.location});
    return;
  }
  // An Upload literal fails here with upload.literal (GraphQL multipart request spec).
  auto parsed = parse_scalar_literal(named->name, value);
  if (auto* error = std::get_if<graphql_error>(&parsed)) ctx.report(std::move(*error));
}

void walk_list(validation_context& ctx, const graphql::Value& value, const graphql::ListValue& list,
               const type_ref* type, bool check, definition_facts& facts) {
  const type_ref* nullable = type ? &type->nullable() : nullptr;
  if (check && nullable && !nullable->is_list()) {
    check_leaf(ctx, value, type);
    check = false;
  }
  // graphql-js TypeInfo: the items of a list in a non-list position have the position's type.
  const type_ref* item_type = nullable && nullable->is_list() ? nullable->of.get() : nullable;
  for (const graphql::Value& item : list.values)
    walk_value(ctx, item, item_type, false, check, facts);
}

void walk_object(validation_context& ctx, const graphql::Value& value,
                 const graphql::ObjectValue& object, const type_ref* type, bool check,
                 definition_facts& facts) {
  const named_type* named = type ? ctx.types.type(*type) : nullptr;
  if (named && named->kind != type_kind::input_object) named = nullptr;

  // GraphQL Oct 2021 §5.6.3 Input Object Field Uniqueness.
  std::map<std::string_view, graphql::SourceLocation> seen;
  for (const graphql::ObjectField& field : object.fields) {
    const auto [first, added] = seen.emplace(field.name, field.location);
    if (!added)
      ctx.report("There can be only one input field named \"" + field.name + "\".",
                 {first->second, field.location});
  }

  if (check && !named) {
    check_leaf(ctx, value, type);
    check = false;
  }
  if (check) {
    // GraphQL Oct 2021 §5.6.4 Input Object Required Fields.
    for (const input_def& def : named->input_fields)
      if (def.type.is_non_null() && !def.has_default && !seen.count(def.name))
        ctx.report("Field \"" + named->name + "." + def.name + "\" of required type \"" +
                       to_string(def.type) + "\" was not provided.",
                   {value.location});
  }
  for (const graphql::ObjectField& field : object.fields) {
    const input_def* def = named ? named->input_field(field.name) : nullptr;
    // GraphQL Oct 2021 §5.6.2 Input Object Field Names.
    if (check && !def)
      ctx.report("Field \"" + field.name + "\" is not defined by type \"" + named->name + "\"." +
                     did_you_mean(suggestion_list(field.name, named->input_field_names())),
                 {field.location});
    walk_value(ctx, field.value, def ? &def->type : nullptr, def && def->has_default, check, facts);
  }
}

}  // namespace

// GraphQL Oct 2021 §5.6.1 Values of Correct Type. Recursion follows the literal's nesting,
// which the parser bounds.
void walk_value(validation_context& ctx, const graphql::Value& value, const type_ref* type,
                bool location_has_default, bool check, definition_facts& facts) {
  if (const auto* variable = value.as<graphql::Variable>()) {
    facts.usages.push_back({&value, &variable->name,
                            type ? std::optional<type_ref>(*type) : std::nullopt,
                            location_has_default});
    return;
  }
  if (const auto* list = value.as<graphql::ListValue>()) {
    walk_list(ctx, value, *list, type, check, facts);
    return;
  }
  if (const auto* object = value.as<graphql::ObjectValue>()) {
    walk_object(ctx, value, *object, type, check, facts);
    return;
  }
  if (!check || !type) return;
  if (value.as<graphql::NullValue>()) {
    if (type->is_non_null())
      ctx.report("Expected value of type \"" + to_string(*type) + "\", found null.",
                 {value.location});
    return;
  }
  check_leaf(ctx, value, type);
}

}  // namespace upspec::execution

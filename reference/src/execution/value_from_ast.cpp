#include "value_from_ast.hpp"

#include "scalars.hpp"
#include "schema.hpp"

namespace upspec::execution {
namespace {

const input_value* variable_value(const graphql::Value& literal, const variable_values* variables) {
  const auto* variable = literal.as<graphql::Variable>();
  if (!variable || !variables) return nullptr;
  const auto it = variables->find(variable->name);
  return it == variables->end() ? nullptr : &it->second;
}

bool is_missing_variable(const graphql::Value& literal, const variable_values* variables) {
  return literal.as<graphql::Variable>() && !variable_value(literal, variables);
}

}  // namespace

// Recursion follows the literal's nesting, which the parser bounds.
std::optional<input_value> value_from_ast(const graphql::Value& literal, const type_ref& type,
                                          const variable_values* variables) {
  if (literal.as<graphql::Variable>()) {
    // Variables were coerced to their own (compatible) type already.
    const input_value* value = variable_value(literal, variables);
    if (!value || (value->is_null() && type.is_non_null())) return std::nullopt;
    return *value;
  }
  if (type.is_non_null()) {
    if (literal.as<graphql::NullValue>()) return std::nullopt;
    return value_from_ast(literal, *type.of, variables);
  }
  if (literal.as<graphql::NullValue>()) return input_value{};
  if (type.is_list()) {
    const type_ref& item_type = *type.of;
    const auto* list = literal.as<graphql::ListValue>();
    if (!list) {  // GraphQL Oct 2021 §3.11: one item stands for a list of one
      auto item = value_from_ast(literal, item_type, variables);
      if (!item) return std::nullopt;
      return input_value{input_list{std::move(*item)}};
    }
    input_list items;
    for (const graphql::Value& item_literal : list->values) {
      if (is_missing_variable(item_literal, variables)) {
        if (item_type.is_non_null()) return std::nullopt;
        items.emplace_back();
        continue;
      }
      auto item = value_from_ast(item_literal, item_type, variables);
      if (!item) return std::nullopt;
      items.push_back(std::move(*item));
    }
    return input_value{std::move(items)};
  }
  const named_type* named = conformance_schema().type(type.name);
  if (!named) return std::nullopt;
  if (named->kind == type_kind::input_object) {
    const auto* object = literal.as<graphql::ObjectValue>();
    if (!object) return std::nullopt;
    input_object_value fields;
    for (const input_def& def : named->input_fields) {
      const graphql::ObjectField* given = nullptr;
      for (const graphql::ObjectField& f : object->fields)
        if (f.name == def.name && !given) given = &f;
      if (!given || is_missing_variable(given->value, variables)) {
        if (def.type.is_non_null()) return std::nullopt;
        continue;
      }
      auto value = value_from_ast(given->value, def.type, variables);
      if (!value) return std::nullopt;
      fields.emplace_back(def.name, std::move(*value));
    }
    return input_value{std::move(fields)};
  }
  auto parsed = parse_scalar_literal(named->name, literal);
  if (auto* value = std::get_if<input_value>(&parsed)) return std::move(*value);
  return std::nullopt;
}

}  // namespace upspec::execution

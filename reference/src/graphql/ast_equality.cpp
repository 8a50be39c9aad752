#include <cstddef>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

#include "upspec/graphql/ast.hpp"

// Written out node by node rather than by blanking locations on copies, so that comparing two
// large documents costs no allocation.
namespace upspec::graphql {
namespace {

// Every overload is declared up front: they recurse into one another through the templates.
bool same(const Value& a, const Value& b);
bool same(const TypeReference& a, const TypeReference& b);
bool same(const Directive& a, const Directive& b);
bool same(const Selection& a, const Selection& b);
bool same(const SelectionSet& a, const SelectionSet& b);
bool same(const Definition& a, const Definition& b);
bool same(const NamedType& a, const NamedType& b);
bool same(const ObjectField& a, const ObjectField& b);
bool same(const Argument& a, const Argument& b);
bool same(const VariableDefinition& a, const VariableDefinition& b);
bool same(const OperationDefinition& a, const OperationDefinition& b);
bool same(const FragmentDefinition& a, const FragmentDefinition& b);
bool same(const Field& a, const Field& b);
bool same(const FragmentSpread& a, const FragmentSpread& b);
bool same(const InlineFragment& a, const InlineFragment& b);
bool same(const ListType& a, const ListType& b);
bool same(const NonNullType& a, const NonNullType& b);
bool same(const ListValue& a, const ListValue& b);
bool same(const ObjectValue& a, const ObjectValue& b);

// Leaf values hold no locations, so their own operator== already ignores them.
bool same(const NullValue& a, const NullValue& b) {
  return a == b;
}
bool same(const Variable& a, const Variable& b) {
  return a == b;
}
bool same(const IntValue& a, const IntValue& b) {
  return a == b;
}
bool same(const FloatValue& a, const FloatValue& b) {
  return a == b;
}
bool same(const StringValue& a, const StringValue& b) {
  return a == b;
}
bool same(const BooleanValue& a, const BooleanValue& b) {
  return a == b;
}
bool same(const EnumValue& a, const EnumValue& b) {
  return a == b;
}

bool same(const Value& a, const Value& b) {
  return equal_ignoring_locations(a, b);
}
bool same(const TypeReference& a, const TypeReference& b) {
  return equal_ignoring_locations(a, b);
}
bool same(const Directive& a, const Directive& b) {
  return equal_ignoring_locations(a, b);
}
bool same(const Selection& a, const Selection& b) {
  return equal_ignoring_locations(a, b);
}
bool same(const SelectionSet& a, const SelectionSet& b) {
  return equal_ignoring_locations(a, b);
}
bool same(const Definition& a, const Definition& b) {
  return equal_ignoring_locations(a, b);
}
bool same(const NamedType& a, const NamedType& b) {
  return a.name == b.name;
}

bool same(const ObjectField& a, const ObjectField& b) {
  return a.name == b.name && same(a.value, b.value);
}

bool same(const Argument& a, const Argument& b) {
  return a.name == b.name && same(a.value, b.value);
}

template <typename T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same(a[i], b[i])) return false;
  }
  return true;
}

template <typename T>
bool same(const std::optional<T>& a, const std::optional<T>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return same(*a, *b);
}

bool same(const VariableDefinition& a, const VariableDefinition& b) {
  return a.name == b.name && same(a.type, b.type) && same(a.default_value, b.default_value) &&
         same(a.directives, b.directives);
}

bool same(const OperationDefinition& a, const OperationDefinition& b) {
  return a.operation == b.operation && a.name == b.name &&
         same(a.variable_definitions, b.variable_definitions) && same(a.directives, b.directives) &&
         same(a.selection_set, b.selection_set);
}

bool same(const FragmentDefinition& a, const FragmentDefinition& b) {
  return a.name == b.name && same(a.type_condition, b.type_condition) &&
         same(a.directives, b.directives) && same(a.selection_set, b.selection_set);
}

bool same(const Field& a, const Field& b) {
  return a.alias == b.alias && a.name == b.name && same(a.arguments, b.arguments) &&
         same(a.directives, b.directives) && same(a.selection_set, b.selection_set);
}

bool same(const FragmentSpread& a, const FragmentSpread& b) {
  return a.name == b.name && same(a.directives, b.directives);
}

bool same(const InlineFragment& a, const InlineFragment& b) {
  return same(a.type_condition, b.type_condition) && same(a.directives, b.directives) &&
         same(a.selection_set, b.selection_set);
}

bool same(const ListType& a, const ListType& b) {
  return same(*a.item_type, *b.item_type);
}
bool same(const NonNullType& a, const NonNullType& b) {
  return same(*a.inner_type, *b.inner_type);
}

bool same(const ListValue& a, const ListValue& b) {
  return same(a.values, b.values);
}
bool same(const ObjectValue& a, const ObjectValue& b) {
  return same(a.fields, b.fields);
}

// Compares two variants alternative by alternative with same().
template <typename Variant>
bool same_alternative(const Variant& a, const Variant& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&b](const auto& left) {
        using T = std::decay_t<decltype(left)>;
        return same(left, std::get<T>(b));
      },
      a);
}

}  // namespace

bool equal_ignoring_locations(const Document& a, const Document& b) {
  return same(a.definitions, b.definitions);
}

bool equal_ignoring_locations(const Definition& a, const Definition& b) {
  return same_alternative(a.kind, b.kind);
}

bool equal_ignoring_locations(const SelectionSet& a, const SelectionSet& b) {
  return same(a.selections, b.selections);
}

bool equal_ignoring_locations(const Selection& a, const Selection& b) {
  return same_alternative(a.kind, b.kind);
}

bool equal_ignoring_locations(const Directive& a, const Directive& b) {
  return a.name == b.name && same(a.arguments, b.arguments);
}

bool equal_ignoring_locations(const TypeReference& a, const TypeReference& b) {
  return same_alternative(a.kind, b.kind);
}

bool equal_ignoring_locations(const Value& a, const Value& b) {
  return same_alternative(a.kind, b.kind);
}

}  // namespace upspec::graphql

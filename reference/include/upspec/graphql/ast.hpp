#pragma once
// The tree of a GraphQL executable document (GraphQL Oct 2021 §2.2 to §2.12).
//
// Nodes are plain aggregates with value semantics: copy them, compare them, build them by hand.
// Alternatives are held in std::variant members named `kind`; walk them with std::visit or
// the `as<T>()` helpers. Every node records where it starts in the source (SourceLocation):
// most nodes in a `location` member, the variant wrappers Selection, Definition and
// TypeReference through a `location()` accessor that reads the active alternative.
//
// operator== compares everything, locations included; equal_ignoring_locations() compares
// only what the source means, which is what a print/parse round trip preserves.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "upspec/graphql/source_location.hpp"

namespace upspec::graphql {

// A heap-allocated T with value semantics, so that a recursive node can hold itself.
// Like unique_ptr, a moved-from Box may only be assigned to or destroyed.
template <typename T>
class Box {
 public:
  Box() : ptr_(std::make_unique<T>()) {}
  Box(T value) : ptr_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit by design
  Box(const Box& other) : ptr_(other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) {
    if (this != &other) ptr_ = other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr;
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  ~Box() = default;

  T& operator*() { return *ptr_; }
  const T& operator*() const { return *ptr_; }
  T* operator->() { return ptr_.get(); }
  const T* operator->() const { return ptr_.get(); }

  friend bool operator==(const Box& a, const Box& b) {
    if (!a.ptr_ || !b.ptr_) return a.ptr_ == b.ptr_;
    return *a.ptr_ == *b.ptr_;
  }

 private:
  std::unique_ptr<T> ptr_;
};

// ---- Values (GraphQL Oct 2021 §2.9) ----

struct Value;
struct ObjectField;

struct Variable {
  std::string name;  // without the '$'
  friend bool operator==(const Variable&, const Variable&) = default;
};

// Numbers keep their lexeme: the spec leaves range and precision to input coercion.
struct IntValue {
  std::string text;  // e.g. "-0", "42"
  friend bool operator==(const IntValue&, const IntValue&) = default;
};

struct FloatValue {
  std::string text;  // e.g. "1.5e-3"
  friend bool operator==(const FloatValue&, const FloatValue&) = default;
};

// Both quoted and block strings end up here, escapes and indentation already resolved.
struct StringValue {
  std::string value;  // UTF-8
  friend bool operator==(const StringValue&, const StringValue&) = default;
};

struct BooleanValue {
  bool value = false;
  friend bool operator==(const BooleanValue&, const BooleanValue&) = default;
};

struct NullValue {
  friend bool operator==(const NullValue&, const NullValue&) = default;
};

struct EnumValue {
  std::string name;
  friend bool operator==(const EnumValue&, const EnumValue&) = default;
};

struct ListValue {
  std::vector<Value> values;
  friend bool operator==(const ListValue&, const ListValue&) = default;
};

struct ObjectValue {
  std::vector<ObjectField> fields;  // in source order, duplicates kept (validation rejects them)
  friend bool operator==(const ObjectValue&, const ObjectValue&) = default;
};

struct Value {
  SourceLocation location;
  std::variant<NullValue, Variable, IntValue, FloatValue, StringValue, BooleanValue, EnumValue,
               ListValue, ObjectValue>
      kind;

  template <typename T>
  const T* as() const noexcept {
    return std::get_if<T>(&kind);
  }
  template <typename T>
  T* as() noexcept {
    return std::get_if<T>(&kind);
  }
  friend bool operator==(const Value&, const Value&) = default;
};

struct ObjectField {
  SourceLocation location;
  std::string name;
  Value value;
  friend bool operator==(const ObjectField&, const ObjectField&) = default;
};

// ---- Type references (GraphQL Oct 2021 §2.11) ----

struct TypeReference;

struct NamedType {
  SourceLocation location;
  std::string name;
  friend bool operator==(const NamedType&, const NamedType&) = default;
};

struct ListType {
  SourceLocation location;
  Box<TypeReference> item_type;
  friend bool operator==(const ListType&, const ListType&) = default;
};

// The grammar only lets a NamedType or a ListType sit inside.
struct NonNullType {
  SourceLocation location;
  Box<TypeReference> inner_type;
  friend bool operator==(const NonNullType&, const NonNullType&) = default;
};

struct TypeReference {
  std::variant<NamedType, ListType, NonNullType> kind;

  SourceLocation location() const noexcept {
    return std::visit([](const auto& node) { return node.location; }, kind);
  }
  template <typename T>
  const T* as() const noexcept {
    return std::get_if<T>(&kind);
  }
  friend bool operator==(const TypeReference&, const TypeReference&) = default;
};

// ---- Arguments and directives (GraphQL Oct 2021 §2.6, §2.12) ----

struct Argument {
  SourceLocation location;
  std::string name;
  Value value;
  friend bool operator==(const Argument&, const Argument&) = default;
};

struct Directive {
  SourceLocation location;
  std::string name;  // without the '@'
  std::vector<Argument> arguments;
  friend bool operator==(const Directive&, const Directive&) = default;
};

// ---- Selections (GraphQL Oct 2021 §2.4, §2.5, §2.8) ----

struct Selection;

struct SelectionSet {
  SourceLocation location;            // of the '{'
  std::vector<Selection> selections;  // never empty in a parsed document
  friend bool operator==(const SelectionSet&, const SelectionSet&) = default;
};

struct Field {
  SourceLocation location;
  std::optional<std::string> alias;
  std::string name;
  std::vector<Argument> arguments;
  std::vector<Directive> directives;
  std::optional<SelectionSet> selection_set;

  // The key this field's result is stored under (GraphQL Oct 2021 §2.7).
  const std::string& response_key() const noexcept { return alias ? *alias : name; }
  friend bool operator==(const Field&, const Field&) = default;
};

struct FragmentSpread {
  SourceLocation location;  // of the '...'
  std::string name;
  std::vector<Directive> directives;
  friend bool operator==(const FragmentSpread&, const FragmentSpread&) = default;
};

struct InlineFragment {
  SourceLocation location;  // of the '...'
  std::optional<NamedType> type_condition;
  std::vector<Directive> directives;
  SelectionSet selection_set;
  friend bool operator==(const InlineFragment&, const InlineFragment&) = default;
};

struct Selection {
  std::variant<Field, FragmentSpread, InlineFragment> kind;

  SourceLocation location() const noexcept {
    return std::visit([](const auto& node) { return node.location; }, kind);
  }
  template <typename T>
  const T* as() const noexcept {
    return std::get_if<T>(&kind);
  }
  template <typename T>
  T* as() noexcept {
    return std::get_if<T>(&kind);
  }
  friend bool operator==(const Selection&, const Selection&) = default;
};

// ---- Definitions (GraphQL Oct 2021 §2.2, §2.3, §2.8, §2.10) ----

enum class OperationType { query, mutation, subscription };

constexpr std::string_view to_string(OperationType type) noexcept {
  switch (type) {
    case OperationType::query:
      return "query";
    case OperationType::mutation:
      return "mutation";
    case OperationType::subscription:
      return "subscription";
  }
  return "query";
}

struct VariableDefinition {
  SourceLocation location;  // of the '$'
  std::string name;         // without the '$'
  TypeReference type;
  std::optional<Value> default_value;  // constant: never contains a Variable when parsed
  std::vector<Directive> directives;   // constant arguments only
  friend bool operator==(const VariableDefinition&, const VariableDefinition&) = default;
};

struct OperationDefinition {
  SourceLocation location;
  // The shorthand `{ ... }` form is a query with no name, variables or directives.
  OperationType operation = OperationType::query;
  std::optional<std::string> name;
  std::vector<VariableDefinition> variable_definitions;
  std::vector<Directive> directives;
  SelectionSet selection_set;
  friend bool operator==(const OperationDefinition&, const OperationDefinition&) = default;
};

struct FragmentDefinition {
  SourceLocation location;
  std::string name;
  NamedType type_condition;
  std::vector<Directive> directives;
  SelectionSet selection_set;
  friend bool operator==(const FragmentDefinition&, const FragmentDefinition&) = default;
};

struct Definition {
  std::variant<OperationDefinition, FragmentDefinition> kind;

  SourceLocation location() const noexcept {
    return std::visit([](const auto& node) { return node.location; }, kind);
  }
  template <typename T>
  const T* as() const noexcept {
    return std::get_if<T>(&kind);
  }
  template <typename T>
  T* as() noexcept {
    return std::get_if<T>(&kind);
  }
  friend bool operator==(const Definition&, const Definition&) = default;
};

struct Document {
  SourceLocation location;  // always 1:1, the start of the source
  std::vector<Definition> definitions;
  friend bool operator==(const Document&, const Document&) = default;
};

// Structural equality that ignores every SourceLocation.
bool equal_ignoring_locations(const Document& a, const Document& b);
bool equal_ignoring_locations(const Definition& a, const Definition& b);
bool equal_ignoring_locations(const SelectionSet& a, const SelectionSet& b);
bool equal_ignoring_locations(const Selection& a, const Selection& b);
bool equal_ignoring_locations(const Directive& a, const Directive& b);
bool equal_ignoring_locations(const TypeReference& a, const TypeReference& b);
bool equal_ignoring_locations(const Value& a, const Value& b);

}  // namespace upspec::graphql

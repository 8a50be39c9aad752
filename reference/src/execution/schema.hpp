#pragma once
// The conformance schema (harness/schema.graphql) as the executor and validation see it: its
// types, fields, arguments and the directives a GraphQL service always has.

#include <string>
#include <string_view>
#include <vector>

#include "type_ref.hpp"

namespace upspec::execution {

// An argument or an input object field (GraphQL Oct 2021 §3.6.1, §3.10).
struct input_def {
  std::string name;
  type_ref type;
  bool has_default = false;  // none of the schema's own have one; @deprecated(reason:) does
};

struct field_def {
  std::string name;
  type_ref type;
  std::vector<input_def> args;

  const input_def* arg(std::string_view arg_name) const noexcept;
};

enum class type_kind { scalar, object, input_object };

struct named_type {
  std::string name;
  type_kind kind = type_kind::scalar;
  std::vector<field_def> fields;        // object types
  std::vector<input_def> input_fields;  // input object types

  bool is_leaf() const noexcept { return kind == type_kind::scalar; }
  bool is_composite() const noexcept { return kind == type_kind::object; }
  bool is_input() const noexcept { return kind != type_kind::object; }

  // An object type's field, __typename included (GraphQL Oct 2021 §4.4.1).
  const field_def* field(std::string_view field_name) const noexcept;
  const input_def* input_field(std::string_view field_name) const noexcept;
  std::vector<std::string> field_names() const;
  std::vector<std::string> input_field_names() const;
};

struct directive_def {
  std::string name;
  std::vector<input_def> args;
  std::vector<std::string_view> locations;  // DirectiveLocation names, e.g. "FIELD"
};

class schema {
 public:
  schema();

  const named_type* type(std::string_view type_name) const noexcept;
  const named_type* type(const type_ref& ref) const noexcept { return type(ref.named_type()); }
  const named_type& query_type() const noexcept { return types_[0]; }
  const named_type& mutation_type() const noexcept { return types_[1]; }
  const directive_def* directive(std::string_view directive_name) const noexcept;
  std::vector<std::string> type_names() const;

  // An input type (GraphQL Oct 2021 §3.4.2 IsInputType), unknown names excluded.
  bool is_input_type(const type_ref& ref) const noexcept;

 private:
  std::vector<named_type> types_;
  std::vector<directive_def> directives_;
};

const schema& conformance_schema();

}  // namespace upspec::execution

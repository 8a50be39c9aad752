#pragma once
// A type as a document or the schema writes it: a named type wrapped in lists and non-nulls
// (GraphQL Oct 2021 §2.11, §3.4.1 wrapping types).

#include <memory>
#include <string>

#include "upspec/graphql/ast.hpp"

namespace upspec::execution {

struct type_ref {
  enum class kind { named, list, non_null };

  kind k = kind::named;
  std::string name;                    // kind::named only
  std::shared_ptr<const type_ref> of;  // list and non_null: the wrapped type

  static type_ref named(std::string type_name);
  static type_ref list_of(type_ref item);
  static type_ref non_null(type_ref inner);

  bool is_named() const noexcept { return k == kind::named; }
  bool is_list() const noexcept { return k == kind::list; }
  bool is_non_null() const noexcept { return k == kind::non_null; }
  // The type without its outer `!`, if any.
  const type_ref& nullable() const noexcept { return is_non_null() ? *of : *this; }
  // The innermost named type.
  const std::string& named_type() const noexcept;
};

bool operator==(const type_ref& a, const type_ref& b);

type_ref from_ast(const graphql::TypeReference& type);

// "[Upload!]!", as graphql-js inspect() prints a type.
std::string to_string(const type_ref& type);

// GraphQL Oct 2021 §5.8.5 AreTypesCompatible, for a schema without abstract types: the
// variable's type may add non-nulls where the location has none, nothing else.
bool is_subtype(const type_ref& variable_type, const type_ref& location_type);

}  // namespace upspec::execution

#pragma once
// Field collection for execution (GraphQL Oct 2021 §6.3.2 CollectFields), honouring @skip and
// @include (§3.13.2, §3.13.3).

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "coerce_variables.hpp"
#include "graphql_error.hpp"
#include "schema.hpp"
#include "upspec/graphql/ast.hpp"

namespace upspec::execution {

using fragment_map = std::map<std::string, const graphql::FragmentDefinition*, std::less<>>;

// The fields of one response key, in document order (§6.4.3 merges their selection sets).
struct field_group {
  std::string key;
  std::vector<const graphql::Field*> fields;
};
using grouped_fields = std::vector<field_group>;  // in the order the keys first appear

// The fragments of a document by name; the last definition of a name wins, as in graphql-js
// (validation refuses a repeated name anyway).
fragment_map index_fragments(const graphql::Document& document);

// Collects the fields of `sets` (one, or the merged selection sets of a field group) on
// `type`. Fails only when a @skip or @include argument cannot be coerced.
std::variant<grouped_fields, graphql_error> collect_fields(
    const named_type& type, const std::vector<const graphql::SelectionSet*>& sets,
    const fragment_map& fragments, const variable_values& variables);

}  // namespace upspec::execution

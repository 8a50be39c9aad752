#pragma once
// Document validation (GraphQL Oct 2021 §5) against the conformance schema, with graphql-js
// 16's rules and messages: every rule of its specifiedRules, bounded in time and errors.

#include <string_view>
#include <vector>

#include "graphql_error.hpp"
#include "upspec/graphql/ast.hpp"

namespace upspec::execution {

// No errors: the document is valid. `source` is the text it was parsed from.
std::vector<graphql_error> validate(const graphql::Document& document, std::string_view source);

}  // namespace upspec::execution

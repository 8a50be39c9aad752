#pragma once
// GraphQL executable documents (GraphQL Oct 2021 §2) as trees, for the print/parse round trip
// and for operations whose query is a real document. Only trees the parser can produce: names
// that are names, number lexemes that lex, no variables where constants are required.

#include <rapidcheck.h>

#include <iosfwd>

#include "upspec/graphql/ast.hpp"

namespace upspec::properties {

rc::Gen<graphql::Document> gen_graphql_document();

}  // namespace upspec::properties

namespace upspec::graphql {
// Counterexamples print as GraphQL source.
void showValue(const Document& document, std::ostream& os);
}  // namespace upspec::graphql

// GraphQL documents: printing a tree and parsing the text back gives the same tree, and
// printing that gives the same text.
#include "check.hpp"
#include "upspec/graphql/parser.hpp"
#include "upspec/graphql/printer.hpp"
#include "upspec/properties/graphql_documents.hpp"

namespace upspec::properties {
namespace {

UPSPEC_PROPERTY(GraphqlRoundTrip, PrintThenParseGivesTheSameTree, ()) {
  const graphql::Document doc = *gen_graphql_document();
  const std::string text = graphql::print(doc);
  const auto parsed = graphql::parse_document(text);
  if (!parsed) RC_FAIL("the printed document does not parse: " + parsed.error().message);
  RC_ASSERT(graphql::equal_ignoring_locations(*parsed, doc));
  RC_ASSERT(graphql::print(*parsed) == text);
}

}  // namespace
}  // namespace upspec::properties

#pragma once
// Canonical GraphQL source for a document tree, in the layout graphql-js print() uses.
//
// parse_document(print(doc)) is equal_ignoring_locations() to doc for any tree the parser can
// produce. Hand-built trees must hold valid names and number lexemes, since those are printed
// verbatim; string contents are always escaped as needed (invalid UTF-8 becomes \uFFFD).

#include <string>
#include <string_view>

#include "upspec/graphql/ast.hpp"

namespace upspec::graphql {

// Definitions separated by a blank line, two-space indentation, no trailing newline.
std::string print(const Document& document);
std::string print(const Value& value);
std::string print(const TypeReference& type);

// A quoted GraphQL string literal with the given UTF-8 content.
std::string print_string(std::string_view value);

}  // namespace upspec::graphql

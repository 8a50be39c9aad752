#pragma once
// Sans-I/O parser for GraphQL executable documents (GraphQL Oct 2021 §2).
//
// Only executable definitions (operations and fragments) are accepted; type system definitions
// and extensions are reported as errors. No exception escapes these functions except
// std::bad_alloc: every problem with the input comes back as a syntax_error.

#include <cstddef>
#include <string_view>

#include "upspec/graphql/ast.hpp"
#include "upspec/graphql/syntax_error.hpp"

namespace upspec::graphql {

struct ParseOptions {
  // Hostile input must not overflow the stack: selection sets, list and object values, and
  // list types may each nest at most this deep (counted separately).
  std::size_t max_depth = 256;
};

// A whole executable document (GraphQL Oct 2021 §2.2 ExecutableDocument).
parse_result<Document> parse_document(std::string_view source, const ParseOptions& options = {});

// A single value, e.g. a variable's default, as graphql-js parseValue(); variables allowed.
parse_result<Value> parse_value(std::string_view source, const ParseOptions& options = {});

// A single type reference, e.g. "[Upload!]!", as graphql-js parseType().
parse_result<TypeReference> parse_type(std::string_view source, const ParseOptions& options = {});

}  // namespace upspec::graphql

#pragma once
// One entry of a GraphQL response's "errors" (GraphQL Oct 2021 §7.1.2).

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "upspec/errors.hpp"
#include "upspec/graphql/source_location.hpp"
#include "upspec/request/json_field.hpp"

namespace upspec::execution {

using request::json;

// A response key or a list index.
using path_segment = std::variant<std::string, std::size_t>;
using response_path = std::vector<path_segment>;

struct graphql_error {
  std::string message;
  std::vector<graphql::SourceLocation> locations;
  std::optional<response_path> path;  // field errors only
  std::optional<std::string> code;    // extensions.code, where upspec has a code for it

  graphql_error() = default;
  explicit graphql_error(std::string msg, std::vector<graphql::SourceLocation> at = {})
      : message(std::move(msg)), locations(std::move(at)) {}
  // An upspec error, its code in extensions.
  explicit graphql_error(const upspec::error& e, std::vector<graphql::SourceLocation> at = {})
      : message(e.message), locations(std::move(at)), code(std::string(name(e.code))) {}
};

// {"message", "locations", "path", "extensions": {"code"}}, in graphql-js's key order, each
// optional key present only when it has something to say.
json to_json(const graphql_error& e);
json to_json(const std::vector<graphql_error>& errors);

}  // namespace upspec::execution

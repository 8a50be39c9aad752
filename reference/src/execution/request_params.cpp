#include "request_params.hpp"

namespace upspec::execution {
namespace {

// A member that is absent or null is as good as missing.
const json* member(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

std::variant<request_params, graphql_error> read_request_params(const json& request) {
  // A batch entry, or a body, that is not an object has no parameters to read.
  if (!request.is_object()) return graphql_error("Request must be an object.");
  request_params params;
  const json* query = member(request, "query");
  if (!query) return graphql_error("Missing query");
  if (!query->is_string()) return graphql_error("Invalid query");
  params.query = query->get<std::string>();
  params.variables = member(request, "variables");
  if (params.variables && !params.variables->is_object()) return graphql_error("Invalid variables");
  if (const json* name = member(request, "operationName")) {
    if (!name->is_string()) return graphql_error("Invalid operationName");
    params.operation_name = name->get<std::string>();
  }
  if (const json* extensions = member(request, "extensions");
      extensions && !extensions->is_object())
    return graphql_error("Invalid extensions");
  return params;
}

}  // namespace upspec::execution

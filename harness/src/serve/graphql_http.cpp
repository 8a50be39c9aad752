#include "serve/graphql_http.hpp"

#include <exception>
#include <optional>
#include <string>
#include <variant>

#include "serve/query_string.hpp"
#include "upspec/execution/executor.hpp"
#include "upspec/graphql/parser.hpp"

namespace upspec::serve {
namespace {

using request::json;

reply execute(const json& operations) {
  try {
    return result_reply(execution::execute(operations, {}, {}));
  } catch (const std::exception& e) {
    return error_reply(500, server_code::internal,
                       std::string("Internal server error: ") + e.what());
  }
}

// The operation the request selects, as the executor will select it; nullopt when the
// document does not parse or the selection is ambiguous (the executor reports those).
std::optional<graphql::OperationType> selected_operation_type(
    std::string_view query, const std::optional<std::string>& operation_name) {
  auto document = graphql::parse_document(query);
  if (!document) return std::nullopt;
  std::optional<graphql::OperationType> found;
  int candidates = 0;
  for (const graphql::Definition& d : document->definitions) {
    const auto* op = d.as<graphql::OperationDefinition>();
    if (op == nullptr) continue;
    if (operation_name && op->name != *operation_name) continue;
    found = op->operation;
    ++candidates;
  }
  return candidates == 1 ? found : std::nullopt;
}

// A JSON-valued query parameter: absent, or an object (null counts as absent).
std::variant<json, reply> json_parameter(std::string_view target, std::string_view name) {
  const auto text = query_parameter(target, name);
  if (!text) return json(nullptr);
  auto parsed = request::parse_json_field(*text);
  if (auto* why = std::get_if<std::string>(&parsed))
    return error_reply(
        400, server_code::bad_request,
        "Invalid JSON in the '" + std::string(name) + "' query parameter: " + *why + ".");
  json& value = std::get<json>(parsed);
  if (!value.is_object() && !value.is_null())
    return error_reply(400, server_code::bad_request,
                       "The '" + std::string(name) + "' query parameter must be a JSON object.");
  return std::move(value);
}

}  // namespace

reply execute_json_request(std::string_view body) {
  auto parsed = request::parse_json_field(body);
  if (auto* why = std::get_if<std::string>(&parsed))
    return error_reply(400, name(error_code::operations_invalid_json),
                       "Invalid JSON in the request body: " + *why + ".");
  const json& operations = std::get<json>(parsed);
  if (!operations.is_object() && !operations.is_array())
    return error_reply(400, name(error_code::operations_invalid_type),
                       "Invalid type for the request body: a GraphQL request is an object, or an "
                       "array of them.");
  return execute(operations);
}

reply execute_get_request(std::string_view target) {
  const auto query = query_parameter(target, "query");
  if (!query) return error_reply(400, server_code::bad_request, "Missing query parameter 'query'.");
  json operations{{"query", *query}};
  for (const std::string_view name : {"variables", "extensions"}) {
    auto value = json_parameter(target, name);
    if (auto* refused = std::get_if<reply>(&value)) return std::move(*refused);
    if (const json& v = std::get<json>(value); !v.is_null()) operations[std::string(name)] = v;
  }
  const auto operation_name = query_parameter(target, "operationName");
  if (operation_name && !operation_name->empty()) operations["operationName"] = *operation_name;

  // GraphQL over HTTP: GET must not change anything, so a mutation is refused, not run.
  const auto type = selected_operation_type(
      *query, operation_name && !operation_name->empty() ? operation_name : std::nullopt);
  if (type && *type != graphql::OperationType::query) {
    reply r = error_reply(405, server_code::method_not_allowed,
                          "Only queries can be sent with GET; send a " +
                              std::string(graphql::to_string(*type)) + " with POST.");
    r.allow = "POST";
    return r;
  }
  return execute(operations);
}

reply json_body_too_large(std::uint64_t max_bytes) {
  return error_reply(
      413, name(error_code::limit_field_size),
      "The request body exceeds the " + std::to_string(max_bytes) + " byte size limit.");
}

}  // namespace upspec::serve

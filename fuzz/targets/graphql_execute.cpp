// GraphQL requests against the conformance schema: validation, variable coercion, the Upload
// scalar and execution. Input: the query, then optionally a NUL byte and the variables JSON,
// then optionally a NUL byte and the operation name. Every {"$upload": FIELD} object in the
// variables counts as a mapped upload, so the executor sees what the processor would hand it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "support/check.hpp"
#include "support/outcome_check.hpp"
#include "support/upload_values.hpp"
#include "upspec/execution/executor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upspec;
  using request::json;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const auto cut = [&rest] {
    const auto nul = rest.find('\0');
    const std::string_view head = rest.substr(0, nul);
    rest.remove_prefix(nul == std::string_view::npos ? rest.size() : nul + 1);
    return head;
  };
  const std::string_view query = cut();
  const std::string_view variables = cut();
  const std::string_view operation_name = cut();

  json operations = json::object();
  operations["query"] = std::string(query);
  if (!variables.empty()) {
    auto parsed = request::parse_json_field(variables);
    if (auto* v = std::get_if<json>(&parsed)) operations["variables"] = std::move(*v);
  }
  if (!operation_name.empty()) operations["operationName"] = std::string(operation_name);

  const execution::upload_paths paths = fuzz::placeholder_paths(operations);
  execution::executor executor;
  executor.prepare(operations, paths);
  for (const std::string& field : executor.needed_uploads()) {
    bool mapped = false;
    for (const auto& [path, mapped_field] : paths) mapped = mapped || mapped_field == field;
    UPSPEC_FUZZ_CHECK(mapped, "the request needs an upload the map never named: " + field);
  }
  const json result = executor.complete(fuzz::settled_uploads(paths));
  fuzz::check_graphql_result(result, false);
  UPSPEC_FUZZ_CHECK(!request::dump_json(result).empty(), "the result does not serialise");
  return 0;
}

#include "support/upload_values.hpp"

#include <string>

#include "upspec/util/sha256.hpp"

namespace upspec::fuzz {
namespace {

using request::json;

void collect(const json& value, const std::string& path, execution::upload_paths& out,
             std::size_t depth) {
  // Deeper values than the JSON parser allows cannot come from a request.
  if (depth > request::kMaxJsonDepth) return;
  if (value.is_object()) {
    if (value.size() == 1 && value.contains("$upload") && value["$upload"].is_string()) {
      out.emplace(path, value["$upload"].get<std::string>());
      return;
    }
    for (const auto& [key, item] : value.items()) collect(item, path + "." + key, out, depth + 1);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      collect(value[i], path + "." + std::to_string(i), out, depth + 1);
  }
}

void collect_variables(const json& operation, const std::string& path,
                       execution::upload_paths& out) {
  if (!operation.is_object()) return;
  const auto it = operation.find("variables");
  if (it != operation.end()) collect(*it, path, out, 0);
}

}  // namespace

execution::upload_paths placeholder_paths(const json& operations) {
  execution::upload_paths out;
  if (operations.is_array()) {
    for (std::size_t i = 0; i < operations.size(); ++i)
      collect_variables(operations[i], std::to_string(i) + ".variables", out);
  } else {
    collect_variables(operations, "variables", out);
  }
  return out;
}

execution::upload_values settled_uploads(const execution::upload_paths& paths) {
  execution::upload_values values;
  for (const auto& [path, field] : paths) {
    if (values.count(field) != 0 || (!field.empty() && field.front() == 'm')) continue;
    execution::upload_value v;
    v.filename = field + ".txt";
    v.mimetype = "text/plain";
    v.size = field.size();
    v.sha256 = sha256::hex_of(field);
    // Past Int's range: the size field must fail, not wrap.
    if (!field.empty() && field.front() == 'h') v.size = 5'000'000'000;
    if (!field.empty() && field.front() == 'l')
      v.failure = upspec::error(error_code::limit_file_size, "File truncated.");
    if (!field.empty() && field.front() == 't')
      v.failure = upspec::error(error_code::multipart_truncated, "Body ended early.");
    values.emplace(field, std::move(v));
  }
  return values;
}

}  // namespace upspec::fuzz

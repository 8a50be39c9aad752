#include "input_value.hpp"

namespace upspec::execution {

const input_value* input_value::field(std::string_view name) const noexcept {
  const auto* object = as<input_object_value>();
  if (!object) return nullptr;
  for (const auto& [key, value] : *object)
    if (key == name) return &value;
  return nullptr;
}

// Recursion is bounded: coercion refuses values nested deeper than kMaxInputDepth, and
// literals are bounded by the parser's depth guard.
void collect_uploads(const input_value& value, std::set<std::string>& out) {
  if (const auto* upload = value.as<upload_ref>()) {
    out.insert(upload->field);
  } else if (const auto* list = value.as<input_list>()) {
    for (const input_value& item : *list) collect_uploads(item, out);
  } else if (const auto* object = value.as<input_object_value>()) {
    for (const auto& entry : *object) collect_uploads(entry.second, out);
  }
}

}  // namespace upspec::execution

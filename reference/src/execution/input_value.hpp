#pragma once
// A coerced input value: what arguments and variables hold once GraphQL input coercion has run
// (GraphQL Oct 2021 §3.5, §3.9, §3.10). Unlike the JSON it came from, it can hold an upload:
// a reference to the file field the map put at the value's path.

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace upspec::execution {

struct upload_ref {
  std::string field;  // the map key of the file part
  friend bool operator==(const upload_ref&, const upload_ref&) = default;
};

struct input_value;
using input_list = std::vector<input_value>;
using input_object_value = std::vector<std::pair<std::string, input_value>>;  // fields in order

struct input_value {
  std::variant<std::nullptr_t, bool, std::int64_t, std::string, upload_ref, input_list,
               input_object_value>
      v = nullptr;

  bool is_null() const noexcept { return std::holds_alternative<std::nullptr_t>(v); }
  template <typename T>
  const T* as() const noexcept {
    return std::get_if<T>(&v);
  }
  // An input object's field, or nullptr when absent (or when this is not an object).
  const input_value* field(std::string_view name) const noexcept;

  friend bool operator==(const input_value&, const input_value&) = default;
};

// Every upload the value holds, by field name.
void collect_uploads(const input_value& value, std::set<std::string>& out);

}  // namespace upspec::execution

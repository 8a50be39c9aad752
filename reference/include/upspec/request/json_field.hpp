#pragma once
// Parsing the JSON of the operations and map fields.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

namespace upspec::request {

using json = nlohmann::ordered_json;  // key order is kept so outcomes echo what was sent

// Deeper nesting is refused so that no later recursive walk can exhaust the stack.
inline constexpr std::size_t kMaxJsonDepth = 512;

// The parsed value, or a message saying why the text is not acceptable JSON (RFC 8259).
std::variant<json, std::string> parse_json_field(std::string_view text);

// Appends a member to an object that does not have `name` yet. ordered_json's own insertion
// searches the members one by one first, which makes building a large object quadratic.
void append_new_member(json& object, std::string name, json value);

// Serialises without throwing: bytes that are not UTF-8 become U+FFFD.
std::string dump_json(const json& value, int indent = -1);

}  // namespace upspec::request

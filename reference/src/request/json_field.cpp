#include "upspec/request/json_field.hpp"

namespace upspec::request {
namespace {

// Nesting depth of arrays and objects outside strings; exact for valid JSON, and only used
// to refuse before parsing.
std::size_t nesting_depth(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

std::variant<json, std::string> parse_json_field(std::string_view text) {
  if (nesting_depth(text) > kMaxJsonDepth)
    return "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels";
  try {
    return json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/true,
                       /*ignore_comments=*/false);
  } catch (const json::exception& e) {
    // Not only parse_error: a number beyond double's range ("1e999") is out_of_range (406),
    // and would otherwise escape the processor (found by fuzz/object_path).
    return std::string(e.what());
  }
}

std::string dump_json(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace upspec::request

#include "inspect.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace upspec::execution {
namespace {

using request::json;

constexpr std::size_t kMaxArrayLength = 10;    // graphql-js inspect MAX_ARRAY_LENGTH
constexpr std::size_t kMaxRecursiveDepth = 2;  // graphql-js inspect MAX_RECURSIVE_DEPTH

// ECMA-262 Number::toString(10) from the shortest round-trip digits.
std::string js_double(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
  if (d == 0) return "0";  // -0 too
  char buffer[64];
  const auto converted =
      std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(converted.ptr - buffer));
  std::string out;
  std::size_t at = 0;
  if (text[0] == '-') {
    out += '-';
    at = 1;
  }
  const std::size_t e = text.find('e');
  std::string digits;
  for (std::size_t i = at; i < e; ++i)
    if (text[i] != '.') digits += text[i];
  const long exponent = std::strtol(std::string(text.substr(e + 1)).c_str(), nullptr, 10);
  const long k = static_cast<long>(digits.size());
  const long n = exponent + 1;  // the decimal point sits after n digits
  if (k <= n && n <= 21) {
    out += digits + std::string(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n)) + "." +
           digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += (n - 1 >= 0 ? "e+" : "e-") + std::to_string(std::labs(n - 1));
  }
  return out;
}

std::string format(const json& value, std::size_t seen);

std::string format_array(const json& array, std::size_t seen) {
  if (array.empty()) return "[]";
  if (seen > kMaxRecursiveDepth) return "[Array]";
  std::string out = "[";
  const std::size_t shown = std::min(kMaxArrayLength, array.size());
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ", ";
    out += format(array[i], seen);
  }
  const std::size_t remaining = array.size() - shown;
  if (remaining == 1) out += ", ... 1 more item";
  if (remaining > 1) out += ", ... " + std::to_string(remaining) + " more items";
  return out + "]";
}

std::string format_object(const json& object, std::size_t seen) {
  if (object.empty()) return "{}";
  if (seen > kMaxRecursiveDepth) return "[Object]";
  std::string out = "{ ";
  bool first = true;
  for (const auto& [key, item] : object.items()) {
    if (!first) out += ", ";
    first = false;
    out += key + ": " + format(item, seen);
  }
  return out + " }";
}

// `seen` counts the objects and arrays around the value, itself included once entered.
std::string format(const json& value, std::size_t seen) {
  switch (value.type()) {
    case json::value_t::string:
      return request::dump_json(value);
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return js_number(value);
    case json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case json::value_t::array:
      return format_array(value, seen + 1);
    case json::value_t::object:
      return format_object(value, seen + 1);
    default:
      return "null";
  }
}

}  // namespace

std::string js_number(const request::json& number) {
  // Beyond 2^53 JavaScript holds the nearest double, and prints that.
  constexpr std::uint64_t kExact = std::uint64_t{1} << 53;
  if (number.is_number_unsigned()) {
    const auto u = number.get<std::uint64_t>();
    return u <= kExact ? std::to_string(u) : js_double(static_cast<double>(u));
  }
  if (number.is_number_integer()) {
    const auto i = number.get<std::int64_t>();
    const std::uint64_t magnitude =
        i < 0 ? ~static_cast<std::uint64_t>(i) + 1 : static_cast<std::uint64_t>(i);
    return magnitude <= kExact ? std::to_string(i) : js_double(static_cast<double>(i));
  }
  return js_double(number.get<double>());
}

std::string inspect(const request::json& value) {
  return format(value, 0);
}

}  // namespace upspec::execution

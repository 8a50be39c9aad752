#include "scalars.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

#include "inspect.hpp"
#include "upload_scalar.hpp"
#include "upspec/graphql/printer.hpp"

namespace upspec::execution {
namespace {

constexpr std::int64_t kMinInt = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t kMaxInt = std::numeric_limits<std::int32_t>::max();

graphql_error literal_error(std::string message, const graphql::Value& literal) {
  return graphql_error(std::move(message), {literal.location});
}

// GraphQL Oct 2021 §3.5.1: Int is a signed 32-bit integer.
std::variant<input_value, graphql_error> int_literal(const graphql::Value& literal) {
  const auto* number = literal.as<graphql::IntValue>();
  if (!number)
    return literal_error("Int cannot represent non-integer value: " + graphql::print(literal),
                         literal);
  std::int64_t value = 0;
  const std::string& text = number->text;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  if (parsed.ec != std::errc{} || value < kMinInt || value > kMaxInt)
    return literal_error("Int cannot represent non 32-bit signed integer value: " + text, literal);
  return input_value{value};
}

std::variant<input_value, std::string> int_value(const request::json& value) {
  double d = 0;
  if (value.is_number_integer() && !value.is_number_unsigned()) {
    d = static_cast<double>(value.get<std::int64_t>());
  } else if (value.is_number_unsigned()) {
    d = static_cast<double>(value.get<std::uint64_t>());
  } else if (value.is_number_float()) {
    d = value.get<double>();
    if (!std::isfinite(d) || std::trunc(d) != d)
      return "Int cannot represent non-integer value: " + inspect(value);
  } else {
    return "Int cannot represent non-integer value: " + inspect(value);
  }
  if (d < static_cast<double>(kMinInt) || d > static_cast<double>(kMaxInt))
    return "Int cannot represent non 32-bit signed integer value: " + inspect(value);
  return input_value{static_cast<std::int64_t>(d)};
}

}  // namespace

std::variant<input_value, graphql_error> parse_scalar_literal(std::string_view scalar,
                                                              const graphql::Value& literal) {
  if (scalar == kUploadScalar) return upload_literal_error(literal.location);
  if (scalar == "Int") return int_literal(literal);
  if (scalar == "Boolean") {
    if (const auto* b = literal.as<graphql::BooleanValue>()) return input_value{b->value};
    return literal_error("Boolean cannot represent a non boolean value: " + graphql::print(literal),
                         literal);
  }
  if (const auto* s = literal.as<graphql::StringValue>()) return input_value{s->value};
  return literal_error("String cannot represent a non string value: " + graphql::print(literal),
                       literal);
}

std::variant<input_value, std::string> parse_scalar_value(std::string_view scalar,
                                                          const request::json& value) {
  if (scalar == "Int") return int_value(value);
  if (scalar == "Boolean") {
    if (value.is_boolean()) return input_value{value.get<bool>()};
    return "Boolean cannot represent a non boolean value: " + inspect(value);
  }
  if (value.is_string()) return input_value{value.get<std::string>()};
  return "String cannot represent a non string value: " + inspect(value);
}

}  // namespace upspec::execution

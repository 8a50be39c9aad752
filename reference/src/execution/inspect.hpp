#pragma once
// graphql-js's inspect(): how its error messages quote a runtime (JSON) value, so that
// "Variable "$x" got invalid value ..." reads exactly as a graphql-js server writes it.

#include <string>

#include "upspec/request/json_field.hpp"

namespace upspec::execution {

// Strings as JSON.stringify, numbers as JavaScript prints them, objects as `{ key: value }`
// and arrays as `[a, b]`, three levels deep at most, the first ten array items.
std::string inspect(const request::json& value);

// A JSON number as JavaScript's Number.prototype.toString prints it ("1", "1.5", "1e+21").
std::string js_number(const request::json& number);

}  // namespace upspec::execution

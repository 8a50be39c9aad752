#pragma once
// What the server answers, before it becomes an HTTP response: a status and a JSON body.

#include <string>
#include <string_view>

#include "upspec/errors.hpp"
#include "upspec/request/json_field.hpp"

namespace upspec::serve {

// Codes for what the server refuses before the reference is involved. They are not part of
// the reference taxonomy (design.md): no multipart request gets them.
namespace server_code {
inline constexpr std::string_view bad_request = "http.bad_request";
inline constexpr std::string_view not_found = "http.not_found";
inline constexpr std::string_view method_not_allowed = "http.method_not_allowed";
inline constexpr std::string_view header_too_large = "http.header_too_large";
inline constexpr std::string_view internal = "http.internal";
}  // namespace server_code

struct reply {
  int status = 200;
  std::string body;   // JSON text; empty for 204
  std::string code;   // the error code when the request was refused, for the log
  std::string allow;  // the Allow header of a 405 or an OPTIONS answer
};

// {"errors":[{"message": ..., "extensions": {"code": ...}}]}: the GraphQL over HTTP shape,
// so clients read a refusal the way they read any GraphQL error.
reply error_reply(int status, std::string_view code, std::string_view message);
reply error_reply(const upspec::error& e);

// A GraphQL result (or a batch of them), 200.
reply result_reply(const request::json& result);

}  // namespace upspec::serve

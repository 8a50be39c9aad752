#include "serve/reply.hpp"

namespace upspec::serve {

namespace {

// A JSON string literal, escaped as the rest of the server's JSON is.
std::string json_string(std::string_view text) {
  return request::dump_json(request::json(std::string(text)));
}

}  // namespace

reply error_reply(int status, std::string_view code, std::string_view message) {
  // Written out rather than built as a json value: the server answers most of what a fuzzer
  // sends with this, and a three-level value costs a dozen allocations to build, print and free.
  std::string body = R"({"errors":[{"message":)" + json_string(message) +
                     R"(,"extensions":{"code":)" + json_string(code) + "}}]}";
  return reply{status, std::move(body), std::string(code), {}};
}

reply error_reply(const upspec::error& e) {
  return error_reply(e.status, name(e.code), e.message);
}

reply result_reply(const request::json& result) {
  return reply{200, request::dump_json(result), {}, {}};
}

}  // namespace upspec::serve

#include "serve/reply.hpp"

#include <algorithm>

namespace upspec::serve {

namespace {

// `text` as a JSON string literal appended to `out`, escaped as the rest of the server's JSON is.
// Printable ASCII without quote or backslash, which is most of what a message holds, is its own
// literal; anything else goes through nlohmann's escaping (control characters, invalid UTF-8).
void append_json_string(std::string& out, std::string_view text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  });
  if (!plain) {
    out += request::dump_json(request::json(std::string(text)));
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

}  // namespace

reply error_reply(int status, std::string_view code, std::string_view message) {
  // Written out rather than built as a json value: the server answers most of what a fuzzer
  // sends with this, and a three-level value costs a dozen allocations to build, print and free.
  constexpr std::string_view head = R"({"errors":[{"message":)";
  constexpr std::string_view middle = R"(,"extensions":{"code":)";
  constexpr std::string_view tail = "}}]}";
  std::string body;
  body.reserve(head.size() + middle.size() + tail.size() + message.size() + code.size() + 4);
  body += head;
  append_json_string(body, message);
  body += middle;
  append_json_string(body, code);
  body += tail;
  return reply{status, std::move(body), std::string(code), {}};
}

reply error_reply(const upspec::error& e) {
  return error_reply(e.status, name(e.code), e.message);
}

reply result_reply(const request::json& result) {
  return reply{200, request::dump_json(result), {}, {}};
}

}  // namespace upspec::serve

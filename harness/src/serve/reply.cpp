#include "serve/reply.hpp"

namespace upspec::serve {

reply error_reply(int status, std::string_view code, std::string_view message) {
  const request::json body{
      {"errors", request::json::array({{{"message", std::string(message)},
                                        {"extensions", {{"code", std::string(code)}}}}})}};
  return reply{status, request::dump_json(body), std::string(code), {}};
}

reply error_reply(const upspec::error& e) {
  return error_reply(e.status, name(e.code), e.message);
}

reply result_reply(const request::json& result) {
  return reply{200, request::dump_json(result), {}, {}};
}

}  // namespace upspec::serve

#include "serve/route.hpp"

#include <algorithm>
#include <cctype>

#include "serve/graphql_http.hpp"
#include "serve/query_string.hpp"
#include "serve/reply.hpp"

namespace upspec::serve {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool is_json_media_type(std::string_view content_type) {
  return iequals(trim(content_type.substr(0, content_type.find(';'))), "application/json");
}

route route_for(std::string_view method, std::string_view target, std::string_view content_type) {
  const std::string_view path = target_path(target);
  if (path != "/graphql" && path != "/") return route::not_found;
  if (method == "GET") return route::get;
  if (method == "OPTIONS") return route::options;
  if (method != "POST") return route::method_not_allowed;
  return is_json_media_type(content_type) ? route::json : route::multipart;
}

reply reply_from_head(route to, std::string_view method, std::string_view target) {
  switch (to) {
    case route::get:
      return execute_get_request(target);
    case route::options:
      return reply{204, {}, {}, std::string(allowed_methods)};
    case route::not_found:
      return error_reply(404, server_code::not_found, "Not found; GraphQL is served at /graphql.");
    case route::method_not_allowed:
    case route::multipart:
    case route::json:
      break;
  }
  reply refused = error_reply(405, server_code::method_not_allowed,
                              "Method " + std::string(method) + " not allowed; use GET or POST.");
  refused.allow = std::string(allowed_methods);
  return refused;
}

}  // namespace upspec::serve

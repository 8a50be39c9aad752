#pragma once
// What the server does with a request, decided from its head alone.

#include <string_view>

namespace upspec::serve {

enum class route {
  multipart,  // POST, any Content-Type but JSON: the reference processor decides (415, 400)
  json,       // POST application/json
  get,        // GET with the request in the query string
  options,    // OPTIONS: 204 with Allow
  not_found,  // a path other than /graphql or /
  method_not_allowed,
};

inline constexpr std::string_view allowed_methods = "GET, POST, OPTIONS";

route route_for(std::string_view method, std::string_view target, std::string_view content_type);

struct reply;

// What the head alone decides, for the routes without a body of interest (get, options,
// not_found, method_not_allowed); `method` and `target` as the request line gave them.
reply reply_from_head(route to, std::string_view method, std::string_view target);

// The media type of a Content-Type value is application/json (any parameters, any case).
bool is_json_media_type(std::string_view content_type);

}  // namespace upspec::serve

#pragma once
// A response as the client received it.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace upspec::client {

struct http_response {
  int status = 0;
  std::vector<int> interim;  // 1xx answers before this one (100 Continue)
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool keep_alive = false;  // the server keeps the connection open after this response
  bool chunked = false;

  // The first header with this name, compared case-insensitively.
  std::optional<std::string> header(std::string_view name) const;
};

}  // namespace upspec::client

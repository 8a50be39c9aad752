#include "client/http_request.hpp"

#include <algorithm>
#include <cstdio>

namespace upspec::client {

std::string head_bytes(const http_request& r) {
  std::string out = r.method + " " + r.target + " HTTP/1.1\r\n";
  if (!r.host.empty()) out += "Host: " + r.host + "\r\n";
  for (const auto& [name, value] : r.headers) out += name + ": " + value + "\r\n";
  if (r.body_framing == framing::content_length)
    out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  else if (r.body_framing == framing::chunked)
    out += "Transfer-Encoding: chunked\r\n";
  out += "\r\n";
  return out;
}

std::string body_bytes(const http_request& r) {
  if (r.body_framing != framing::chunked) return r.body;
  const std::size_t step = std::max<std::size_t>(r.chunk_size, 1);
  std::string out;
  for (std::size_t at = 0; at < r.body.size(); at += step) {
    const std::size_t n = std::min(step, r.body.size() - at);
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", n);
    out += size_line;
    out.append(r.body, at, n);
    out += "\r\n";
  }
  out += "0\r\n\r\n";
  return out;
}

std::string request_bytes(const http_request& r) {
  return head_bytes(r) + body_bytes(r);
}

}  // namespace upspec::client

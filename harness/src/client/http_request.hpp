#pragma once
// The exact bytes of an HTTP/1.1 request, written by hand so that a case can say precisely
// what goes on the wire (including what a well-behaved client library would refuse to send).

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace upspec::client {

enum class framing {
  content_length,  // Content-Length: N, then the body
  chunked,         // Transfer-Encoding: chunked, the body in chunks of chunk_size
  none,            // no framing header: the caller adds its own, or sends no body
};

struct http_request {
  std::string method = "POST";
  std::string target = "/graphql";
  std::string host = "127.0.0.1";                            // the Host header; empty leaves it out
  std::vector<std::pair<std::string, std::string>> headers;  // after Host, in this order
  std::string body;
  framing body_framing = framing::content_length;
  std::size_t chunk_size = 16 * 1024;
};

// Request line and header block, up to and including the empty line.
std::string head_bytes(const http_request& r);
// The body as framed: as is, or as chunks with the last-chunk and the empty trailer.
std::string body_bytes(const http_request& r);
std::string request_bytes(const http_request& r);

}  // namespace upspec::client

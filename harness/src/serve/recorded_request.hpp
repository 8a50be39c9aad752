#pragma once
// A request as the reference server received it, kept whole for `upspec clients`, which judges
// the requests a client library sends rather than the server's answers.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace upspec::serve {

struct recorded_request {
  std::string peer;               // "127.0.0.1:53422"
  std::uint64_t connection = 0;   // which connection carried it (the server's own numbering)
  std::size_t on_connection = 0;  // 0 for the first request on that connection
  std::string method, target;     // as the request line gave them
  unsigned version = 11;          // 11 for HTTP/1.1
  std::vector<std::pair<std::string, std::string>> headers;  // as received, in order
  std::optional<std::uint64_t> content_length;
  bool chunked = false;
  std::string body;       // after the transfer coding is removed
  bool complete = false;  // the body arrived whole, as its framing announced
  int status = 0;         // what the server answers; 0 when it could not answer
  std::string reply;      // the answer's body
};

// Called once per request, after its body was read and before it is answered, from the
// server's threads: whoever waits for a request has it once the client has its answer.
using request_recorder = std::function<void(recorded_request)>;

}  // namespace upspec::serve

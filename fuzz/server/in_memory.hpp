#pragma once
// The reference server's request path without sockets: what connection::serve_one does with
// the bytes a client sends, step for step, on a buffer instead of a stream. Beast parses the
// request; route_for, reply_from_head, multipart_exchange and the JSON and GET handlers answer
// it, exactly the code the server runs. Only the I/O (timeouts, 100 Continue, lingering) is left
// out, since none of it changes what the answer is.

#include <string>
#include <string_view>
#include <vector>

#include "serve/reply.hpp"
#include "serve/server_options.hpp"

namespace upspec::fuzz {

struct served_request {
  std::string method;
  std::string target;
  std::string content_type;
  std::string body;            // the body bytes the server passed on (decoded from chunks)
  bool body_complete = false;  // the whole body arrived; otherwise reading stopped early
  bool multipart = false;      // answered by multipart_exchange
  serve::reply answer;
  std::string response;  // the bytes written back
};

// Requests one after the other on one connection (keep-alive, pipelining) until the bytes run
// out, a request cannot be answered, or the connection would close.
std::vector<served_request> serve_in_memory(std::string_view bytes,
                                            const serve::server_options& options,
                                            std::size_t max_requests = 8);

}  // namespace upspec::fuzz

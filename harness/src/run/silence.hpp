#pragma once
// Why a request got no answer: what the judge needs to tell a server's fault (a hang, a
// dropped connection, garbage) from one of upspec's or of the setup (nothing listening).

#include <string_view>
#include <system_error>

namespace upspec::run {

enum class silence {
  none,         // there is an answer
  unreachable,  // no connection could be made
  timeout,      // connected, but no complete answer within the timeout
  closed,       // the server closed or reset the connection without answering
  not_http,     // what came back is not an HTTP/1.1 response
  too_large,    // an answer larger than the harness reads
  aborted,      // the harness itself closed the connection, as the case's transport says
  harness,      // upspec could not send the case (a fault of the case or of the harness)
};

std::string_view to_string(silence s);

// How a failed read of the answer is classified.
silence silence_of(std::error_code read_error);

}  // namespace upspec::run

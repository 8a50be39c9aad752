#pragma once
// One line per request on the server's log, written whole even when several threads log.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace upspec::serve {

struct request_record {
  std::string peer;    // "127.0.0.1:53422"
  std::string method;  // empty when the head never parsed
  std::string target;
  int status = 0;               // 0: no answer was sent
  std::uint64_t bytes_in = 0;   // body bytes received
  std::uint64_t bytes_out = 0;  // response body bytes sent
  std::chrono::steady_clock::duration duration{};
  std::string code;  // the error code of a refusal
  std::string note;  // what happened to the connection: "aborted", "timeout", "closed"
};

// 2024-05-01T12:00:00Z 127.0.0.1:53422 "POST /graphql" 200 in=1234 out=456 3.2ms map.missing
std::string format_record(const request_record& r, std::chrono::system_clock::time_point at);

class access_log {
 public:
  explicit access_log(std::ostream* out) : out_(out) {}
  bool enabled() const noexcept { return out_ != nullptr; }
  void write(const request_record& r);

 private:
  std::mutex mutex_;
  std::ostream* out_;
};

}  // namespace upspec::serve

#pragma once
// A client connection that sends exactly the bytes it is given, in as many pieces and with as
// many pauses as the caller wants, and reads HTTP responses back. Every operation has a
// deadline; none throws on what a server under test may legitimately do (close, reset).

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include "client/http_response.hpp"

namespace upspec::client {

class raw_connection {
 public:
  explicit raw_connection(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  ~raw_connection();
  raw_connection(raw_connection&&) noexcept;
  raw_connection& operator=(raw_connection&&) noexcept;

  std::error_code connect(const std::string& host, std::uint16_t port);
  bool is_open() const;

  // All of `bytes`, or the error that stopped it (a server may close mid-request on purpose).
  std::error_code send(std::string_view bytes);
  // One final response; 1xx responses before it are collected in `interim`.
  std::error_code read_response(http_response& out);
  // Whether the server closed the connection (or reset it) within `wait`, reading nothing.
  bool closed_by_peer(std::chrono::milliseconds wait);
  // Whether the server sent something within `wait` (kept for read_response), e.g. a
  // 100 Continue or an answer given before the request was complete.
  bool data_arrived(std::chrono::milliseconds wait);

  void shutdown_send();  // half-close: the server sees the end of the stream
  void close();          // orderly close
  void reset();          // abortive close: the server sees a connection reset

  void set_timeout(std::chrono::milliseconds timeout);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace upspec::client

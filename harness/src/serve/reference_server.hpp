#pragma once
// The reference server: the conformance schema over HTTP, answering every request the way the
// reference says. `upspec serve` runs it in the foreground; the harness can run it in-process
// on a free loopback port as its built-in target (background_server).

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "serve/server_options.hpp"

namespace upspec::serve {

// "cannot listen on 127.0.0.1:8080: Address already in use"
class listen_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class reference_server {
 public:
  explicit reference_server(server_options options = {});
  // Call stop() and let run() return before destroying a server that was run.
  ~reference_server();
  reference_server(const reference_server&) = delete;
  reference_server& operator=(const reference_server&) = delete;

  // Binds and listens on host (an address or a name) and port; port 0 picks a free one.
  // Returns the bound port. Throws listen_error.
  std::uint16_t start(const std::string& host, std::uint16_t port);

  // Serves until stop(), on options.threads threads, the caller's included.
  void run();

  // Thread-safe and idempotent: stops accepting, closes idle connections, lets requests in
  // progress finish within options.shutdown_grace, after which run() returns.
  void stop();
  // Without waiting for requests in progress. Thread-safe.
  void stop_now();

  // SIGINT and SIGTERM stop the server; a second one stops it at once. Call before run().
  void stop_on_signals();

  std::uint16_t port() const;
  // http://127.0.0.1:PORT/graphql
  std::string url() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// A reference_server running on its own thread, stopped and joined on destruction.
class background_server {
 public:
  explicit background_server(server_options options = {}, const std::string& host = "127.0.0.1",
                             std::uint16_t port = 0);
  ~background_server();
  background_server(const background_server&) = delete;
  background_server& operator=(const background_server&) = delete;

  std::uint16_t port() const { return server_.port(); }
  std::string url() const { return server_.url(); }
  void stop();  // stops and joins; idempotent

 private:
  reference_server server_;
  std::thread thread_;
};

}  // namespace upspec::serve

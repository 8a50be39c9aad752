#pragma once
// One client connection of the reference server: reads requests one after the other (keep-alive,
// pipelining), streams each body to what the route needs, answers, and enforces the timeouts.
// Runs as a coroutine on its own strand.

// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>; this
// comment keeps include sorting from moving <utility> after it.
#include <utility>
//
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "serve/access_log.hpp"
#include "serve/connection_set.hpp"
#include "serve/reply.hpp"
#include "serve/server_options.hpp"

namespace upspec::serve {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

class connection : public stoppable, public std::enable_shared_from_this<connection> {
 public:
  connection(tcp::socket socket, const server_options& options, access_log& log,
             connection_set& set);
  ~connection() override;
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;

  void start();
  void request_stop() override;

 private:
  using body_parser = http::request_parser<http::buffer_body>;
  using clock = std::chrono::steady_clock;
  enum class body_end { complete, stopped, broken };
  using body_sink = std::function<bool(std::string_view)>;

  // One request being served: its log record and what the client was promised.
  struct exchange {
    body_parser parser;
    request_record record;
    clock::time_point started = clock::now();
    bool expects_continue = false;
    bool continue_sent = false;
    std::vector<char> chunk;  // where the body lands, piece by piece
    std::string recorded;     // the whole body, in recording mode only
  };

  // Coroutines awaited by coroutines take their objects by reference, and callers pass named
  // ones: with GCC 12 a by-value argument with a destructor, given in a co_await expression,
  // was destroyed twice (a crash in respond() with `reply` by value).
  net::awaitable<void> serve(std::shared_ptr<connection> self);
  net::awaitable<bool> serve_one();  // false: close the connection
  net::awaitable<bool> refuse_head(beast::error_code ec, exchange& ex);
  net::awaitable<bool> serve_multipart(exchange& ex);
  net::awaitable<bool> serve_json(exchange& ex);

  // Reads the body through the parser in bounded pieces; `sink` returning false stops early.
  net::awaitable<body_end> read_body(exchange& ex, const body_sink& sink);
  net::awaitable<void> send_continue(exchange& ex);
  // Answers, then either drains what is left of the body (keep-alive) or lingers and closes.
  net::awaitable<bool> respond(exchange& ex, const reply& r);
  net::awaitable<bool> write_reply(exchange& ex, const reply& r);
  net::awaitable<void> linger();
  void log(exchange& ex);
  bool recording() const { return static_cast<bool>(options_.record); }
  // Recording mode: hands the request, its body and the answer about to be sent to the recorder.
  void remember(exchange& ex, const reply* answer, bool complete);

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  const server_options& options_;
  access_log& log_;
  connection_set& set_;
  std::uint64_t id_ = 0;
  std::size_t served_ = 0;  // requests read on this connection so far
  std::string peer_;
  bool keep_alive_ = true;
  bool stopping_ = false;
  bool waiting_for_head_ = false;
};

}  // namespace upspec::serve

#include "client/raw_connection.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>

namespace upspec::client {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

// Responses of the reference server are small; a bound keeps a broken target from filling
// the harness's memory.
constexpr std::uint64_t kMaxResponseBody = 64ull * 1024 * 1024;
constexpr std::uint32_t kMaxResponseHead = 64 * 1024;

}  // namespace

std::optional<std::string> http_response::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (beast::iequals(n, name)) return v;
  return std::nullopt;
}

struct raw_connection::impl {
  net::io_context ioc;
  tcp::socket socket{ioc};
  beast::flat_buffer buffer;
  std::chrono::milliseconds timeout;

  explicit impl(std::chrono::milliseconds t) : timeout(t) {}

  // Runs one asynchronous operation to completion or to the deadline; a plain socket (not
  // beast::tcp_stream) so that a deadline cancels the operation without closing the socket.
  template <typename Start>
  beast::error_code run(Start&& start, std::chrono::milliseconds deadline) {
    std::optional<beast::error_code> result;
    ioc.restart();
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    ioc.run_for(deadline);
    if (result) return *result;
    beast::error_code ignored;
    socket.cancel(ignored);
    ioc.restart();
    ioc.run();
    return net::error::timed_out;
  }
  template <typename Start>
  beast::error_code run(Start&& start) {
    return run(std::forward<Start>(start), timeout);
  }

  // Whatever arrives first, into the read buffer.
  beast::error_code read_some(std::chrono::milliseconds wait) {
    std::size_t received = 0;
    const beast::error_code ec = run(
        [&](auto handler) {
          socket.async_read_some(buffer.prepare(4096),
                                 [&received, handler = std::move(handler)](beast::error_code e,
                                                                           std::size_t n) mutable {
                                   received = n;
                                   handler(e);
                                 });
        },
        wait);
    buffer.commit(received);
    return ec;
  }
};

raw_connection::raw_connection(std::chrono::milliseconds timeout)
    : impl_(std::make_unique<impl>(timeout)) {}
raw_connection::~raw_connection() = default;
raw_connection::raw_connection(raw_connection&&) noexcept = default;
raw_connection& raw_connection::operator=(raw_connection&&) noexcept = default;

void raw_connection::set_timeout(std::chrono::milliseconds timeout) {
  impl_->timeout = timeout;
}

std::error_code raw_connection::connect(const std::string& host, std::uint16_t port) {
  impl& s = *impl_;
  beast::error_code ec;
  tcp::resolver resolver{s.ioc};
  const auto endpoints = resolver.resolve(host, std::to_string(port), ec);
  if (ec) return ec;
  s.buffer.clear();
  const beast::error_code result =
      s.run([&](auto handler) { net::async_connect(s.socket, endpoints, std::move(handler)); });
  if (!result) s.socket.set_option(tcp::no_delay(true), ec);
  return result;
}

bool raw_connection::is_open() const {
  return impl_->socket.is_open();
}

std::error_code raw_connection::send(std::string_view bytes) {
  impl& s = *impl_;
  return s.run([&](auto handler) {
    net::async_write(s.socket, net::buffer(bytes.data(), bytes.size()), std::move(handler));
  });
}

std::error_code raw_connection::read_response(http_response& out) {
  impl& s = *impl_;
  out = http_response{};
  for (;;) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(kMaxResponseBody);
    parser.header_limit(kMaxResponseHead);
    // The head first: a body announced over the limit is refused before string_body would
    // reserve room for it (a hostile Content-Length must not exhaust the harness's memory).
    beast::error_code ec = s.run([&](auto handler) {
      http::async_read_header(s.socket, s.buffer, parser, std::move(handler));
    });
    if (ec) return ec;
    if (const auto length = parser.content_length(); length && *length > kMaxResponseBody)
      return std::make_error_code(std::errc::file_too_large);
    if (!parser.is_done())
      ec = s.run(
          [&](auto handler) { http::async_read(s.socket, s.buffer, parser, std::move(handler)); });
    if (ec) return ec;
    const auto& res = parser.get();
    const int status = static_cast<int>(res.result_int());
    if (status >= 100 && status < 200) {
      out.interim.push_back(status);
      continue;
    }
    out.status = status;
    for (const auto& field : res) out.headers.emplace_back(field.name_string(), field.value());
    out.body = res.body();
    out.keep_alive = res.keep_alive();
    out.chunked = res.chunked();
    return {};
  }
}

bool raw_connection::closed_by_peer(std::chrono::milliseconds wait) {
  if (impl_->buffer.size() > 0) return false;
  if (!impl_->socket.is_open()) return true;
  const beast::error_code ec = impl_->read_some(wait);
  return ec == net::error::eof || ec == net::error::connection_reset;
}

bool raw_connection::data_arrived(std::chrono::milliseconds wait) {
  if (impl_->buffer.size() == 0 && impl_->socket.is_open()) impl_->read_some(wait);
  return impl_->buffer.size() > 0;
}

void raw_connection::shutdown_send() {
  beast::error_code ec;
  impl_->socket.shutdown(tcp::socket::shutdown_send, ec);
}

void raw_connection::close() {
  beast::error_code ec;
  impl_->socket.shutdown(tcp::socket::shutdown_both, ec);
  impl_->socket.close(ec);
}

void raw_connection::reset() {
  beast::error_code ec;
  impl_->socket.set_option(net::socket_base::linger(true, 0), ec);
  impl_->socket.close(ec);
}

}  // namespace upspec::client

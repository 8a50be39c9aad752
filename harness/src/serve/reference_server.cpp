#include "serve/reference_server.hpp"

// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>; this
// comment keeps include sorting from moving <utility> after it.
#include <utility>
//
#include <algorithm>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <optional>
#include <vector>

#include "serve/access_log.hpp"
#include "serve/connection.hpp"
#include "serve/connection_set.hpp"

namespace upspec::serve {
namespace {

std::string host_for_url(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

// Destroyed in reverse: the io_context goes before what its pending connections refer to.
struct reference_server::impl {
  server_options options;
  access_log log;
  connection_set connections;
  std::string host;
  std::uint16_t port = 0;

  net::io_context ioc;
  // Everything the server itself owns (acceptor, timers, signals) is used on this strand only.
  net::strand<net::io_context::executor_type> strand{ioc.get_executor()};
  tcp::acceptor acceptor{strand};
  net::steady_timer grace{strand};
  std::optional<net::signal_set> signals;
  bool stopping = false;
  // Set when run() is cut short: connections still open are then destroyed with the
  // io_context, and must not post to it from their destructors.
  std::atomic<bool> halted{false};

  explicit impl(server_options o) : options(std::move(o)), log(options.log) {}

  net::awaitable<void> accept_loop();
  void begin_stop();
  void finished();
  void stop_at_once();
  void wait_for_signal();
};

net::awaitable<void> reference_server::impl::accept_loop() {
  net::steady_timer backoff{strand};
  while (acceptor.is_open()) {
    tcp::socket socket{net::make_strand(ioc)};
    beast::error_code ec;
    co_await acceptor.async_accept(socket, net::redirect_error(net::use_awaitable, ec));
    if (ec == net::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) {
      // Out of descriptors, typically: wait a little rather than spin.
      request_record r;
      r.note = "accept failed: " + ec.message();
      log.write(r);
      backoff.expires_after(std::chrono::milliseconds(100));
      co_await backoff.async_wait(net::redirect_error(net::use_awaitable, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    std::make_shared<connection>(std::move(socket), options, log, connections)->start();
  }
}

void reference_server::impl::begin_stop() {
  if (stopping) return;
  stopping = true;
  beast::error_code ec;
  acceptor.close(ec);
  grace.expires_after(options.shutdown_grace);
  grace.async_wait([this](beast::error_code e) {
    if (!e) stop_at_once();
  });
  connections.stop_all([this] {
    if (!halted) net::post(strand, [this] { finished(); });
  });
}

// The last connection is gone: nothing but the grace timer and the signals keep run() going.
void reference_server::impl::finished() {
  grace.cancel();
  if (signals) signals->cancel();
}

void reference_server::impl::stop_at_once() {
  stopping = true;
  halted = true;
  beast::error_code ec;
  acceptor.close(ec);
  ioc.stop();
}

void reference_server::impl::wait_for_signal() {
  signals->async_wait([this](beast::error_code ec, int) {
    if (ec) return;
    // The first signal lets requests in progress finish; a second one does not wait.
    if (stopping) return stop_at_once();
    begin_stop();
    wait_for_signal();
  });
}

reference_server::reference_server(server_options options)
    : impl_(std::make_unique<impl>(std::move(options))) {}

reference_server::~reference_server() = default;

std::uint16_t reference_server::start(const std::string& host, std::uint16_t port) {
  impl& s = *impl_;
  if (s.acceptor.is_open()) throw std::logic_error("reference_server::start called twice");
  const std::string where = host_for_url(host) + ":" + std::to_string(port);
  beast::error_code ec;
  tcp::endpoint endpoint;
  if (const auto address = net::ip::make_address(host, ec); !ec) {
    endpoint = tcp::endpoint(address, port);
  } else {
    tcp::resolver resolver{s.ioc};
    const auto results = resolver.resolve(host, std::to_string(port), ec);
    if (ec || results.empty())
      throw listen_error("cannot listen on " + where + ": " +
                         (ec ? ec.message() : std::string("no address for the host")));
    endpoint = results.begin()->endpoint();
  }
  const auto fail = [&] {
    beast::error_code ignored;
    s.acceptor.close(ignored);
    return listen_error("cannot listen on " + where + ": " + ec.message());
  };
  s.acceptor.open(endpoint.protocol(), ec);
  if (ec) throw fail();
  // Lets a restarted server bind while old connections sit in TIME_WAIT; on Linux it does not
  // allow two listeners on one port, so a taken port is still reported.
  s.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) throw fail();
  s.acceptor.bind(endpoint, ec);
  if (ec) throw fail();
  s.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw fail();
  s.host = host;
  s.port = s.acceptor.local_endpoint().port();
  net::co_spawn(s.strand, s.accept_loop(), net::detached);
  return s.port;
}

void reference_server::run() {
  const unsigned threads = std::max(1u, impl_->options.threads);
  std::vector<std::thread> extra;
  for (unsigned i = 1; i < threads; ++i) extra.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (std::thread& t : extra) t.join();
}

void reference_server::stop() {
  net::post(impl_->strand, [s = impl_.get()] { s->begin_stop(); });
}

void reference_server::stop_now() {
  net::post(impl_->strand, [s = impl_.get()] { s->stop_at_once(); });
}

void reference_server::stop_on_signals() {
  // Registered now rather than posted, so that no signal between here and run() is lost to
  // its default action.
  impl_->signals.emplace(impl_->strand, SIGINT, SIGTERM);
  impl_->wait_for_signal();
}

std::uint16_t reference_server::port() const {
  return impl_->port;
}

std::string reference_server::url() const {
  return "http://" + host_for_url(impl_->host) + ":" + std::to_string(impl_->port) + "/graphql";
}

background_server::background_server(server_options options, const std::string& host,
                                     std::uint16_t port)
    : server_(std::move(options)) {
  server_.start(host, port);
  thread_ = std::thread([this] { server_.run(); });
}

background_server::~background_server() {
  stop();
}

void background_server::stop() {
  if (!thread_.joinable()) return;
  server_.stop();
  thread_.join();
}

}  // namespace upspec::serve

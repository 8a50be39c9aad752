#include "serve/connection.hpp"

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <exception>
#include <limits>

#include "serve/graphql_http.hpp"
#include "serve/multipart_exchange.hpp"
#include "serve/route.hpp"

namespace upspec::serve {
namespace {

// Bounded reads keep a connection's memory independent of the body's size: at most one
// landing chunk plus the read buffer, whatever is uploaded.
constexpr std::size_t kBodyChunk = 64 * 1024;
constexpr std::size_t kLingerChunk = 16 * 1024;
constexpr std::size_t kReadBuffer = 64 * 1024;
constexpr std::uint32_t kHeaderLimit = 16 * 1024;

auto await_into(beast::error_code& ec) {
  return net::redirect_error(net::use_awaitable, ec);
}

std::string endpoint_text(const tcp::socket& socket) {
  beast::error_code ec;
  const tcp::endpoint peer = socket.remote_endpoint(ec);
  if (ec) return "-";
  const auto address = peer.address();
  return (address.is_v6() ? "[" + address.to_string() + "]" : address.to_string()) + ":" +
         std::to_string(peer.port());
}

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_method).category();
}

std::string note_for(const beast::error_code& ec) {
  if (ec == beast::error::timeout) return "timeout";
  if (ec == http::error::partial_message || ec == http::error::end_of_stream ||
      ec == net::error::eof || ec == net::error::connection_reset)
    return "aborted by the client";
  if (ec == net::error::operation_aborted) return "stopped";
  if (is_parse_error(ec)) return "malformed body: " + ec.message();
  return ec.message();
}

}  // namespace

connection::connection(tcp::socket socket, const server_options& options, access_log& log,
                       connection_set& set)
    : stream_(std::move(socket)),
      buffer_(kReadBuffer),
      options_(options),
      log_(log),
      set_(set),
      peer_(endpoint_text(stream_.socket())) {}

connection::~connection() {
  if (id_ != 0) set_.remove(id_);
}

void connection::start() {
  id_ = set_.add(weak_from_this());
  if (id_ == 0) return;  // the server is stopping; the socket closes with this object
  net::co_spawn(stream_.get_executor(), serve(shared_from_this()), net::detached);
}

void connection::request_stop() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    // Between requests nothing is lost by closing; a request in progress finishes first.
    if (self->waiting_for_head_ && self->buffer_.size() == 0) self->stream_.cancel();
  });
}

net::awaitable<void> connection::serve(std::shared_ptr<connection> self) {
  try {
    while (!stopping_) {
      const bool keep_open = co_await serve_one();
      if (!keep_open) break;
    }
  } catch (const std::exception& e) {
    // Only allocation failures get here; the connection goes, the server stays.
    request_record r;
    r.peer = peer_;
    r.note = std::string("internal error: ") + e.what();
    log_.write(r);
  }
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
  (void)self;
}

net::awaitable<bool> connection::serve_one() {
  exchange ex;
  ex.parser.header_limit(kHeaderLimit);
  // The body streams; what bounds it is the reference's limits, per part, not its length.
  // (Not boost::none: Beast 1.74 then refuses every body with a Content-Length.)
  ex.parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  ex.record.peer = peer_;

  beast::error_code ec;
  // What a large body made the read buffer grow to is not kept while the connection idles.
  if (buffer_.size() == 0) buffer_.shrink_to_fit();
  waiting_for_head_ = true;
  // One deadline for the whole head: a client dripping header bytes cannot hold the connection.
  stream_.expires_after(options_.idle_timeout);
  co_await http::async_read_header(stream_, buffer_, ex.parser, await_into(ec));
  waiting_for_head_ = false;
  ex.started = clock::now();
  if (ec) co_return co_await refuse_head(ec, ex);

  const auto& req = ex.parser.get();
  ex.record.method = std::string(req.method_string());
  ex.record.target = std::string(req.target());
  keep_alive_ = req.keep_alive() && !stopping_;
  ex.expects_continue = beast::iequals(req[http::field::expect], "100-continue");

  const route to = route_for(ex.record.method, ex.record.target, req[http::field::content_type]);
  if (to == route::multipart) co_return co_await serve_multipart(ex);
  if (to == route::json) co_return co_await serve_json(ex);
  const reply answer = reply_from_head(to, ex.record.method, ex.record.target);
  remember(ex, &answer, ex.parser.is_done());
  co_return co_await respond(ex, answer);
}

// The head did not arrive whole: a clean close between requests, a timeout, or a head that is
// not HTTP. Only the last gets an answer; the connection closes in every case.
net::awaitable<bool> connection::refuse_head(beast::error_code ec, exchange& ex) {
  const bool nothing_sent = buffer_.size() == 0;
  if (ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
      (nothing_sent && (ec == beast::error::timeout || ec == net::error::connection_reset)))
    co_return false;
  keep_alive_ = false;
  const bool too_large = ec == http::error::header_limit || ec == http::error::buffer_overflow;
  if (too_large || (is_parse_error(ec) && ec != http::error::partial_message)) {
    const reply answer = too_large ? error_reply(431, server_code::header_too_large,
                                                 "Request header fields too large.")
                                   : error_reply(400, server_code::bad_request,
                                                 "Malformed HTTP request: " + ec.message() + ".");
    co_await write_reply(ex, answer);
    co_await linger();
  } else {
    ex.record.note = note_for(ec);
  }
  log(ex);
  co_return false;
}

net::awaitable<bool> connection::serve_multipart(exchange& ex) {
  multipart_exchange request(ex.parser.get()[http::field::content_type], options_.limits);
  if (!request.rejected()) {
    co_await send_continue(ex);
    // A recording reads on past a refusal: what is judged is the whole request.
    const body_sink feed = [this, &request](std::string_view bytes) {
      request.feed(bytes);
      return recording() || !request.rejected();
    };
    const body_end end = co_await read_body(ex, feed);
    if (end == body_end::broken) {
      // Nobody is left to answer; the uploads in progress are dropped with the exchange.
      remember(ex, nullptr, false);
      log(ex);
      co_return false;
    }
    if (end == body_end::complete) request.finish();
  } else if (recording()) {
    const body_sink keep = [](std::string_view) { return true; };
    if (co_await read_body(ex, keep) == body_end::broken) {
      remember(ex, nullptr, false);
      log(ex);
      co_return false;
    }
  }
  const reply answer = request.take_reply();
  remember(ex, &answer, ex.parser.is_done());
  co_return co_await respond(ex, answer);
}

net::awaitable<bool> connection::serve_json(exchange& ex) {
  const std::uint64_t limit = options_.limits.max_field_size;
  if (const auto length = ex.parser.content_length(); length && *length > limit && !recording()) {
    const reply too_large = json_body_too_large(limit);
    co_return co_await respond(ex, too_large);
  }
  co_await send_continue(ex);
  std::string body;
  bool too_large = false;
  const body_sink collect = [this, &body, &too_large, limit](std::string_view bytes) {
    too_large = too_large || body.size() + bytes.size() > limit;
    if (too_large) return recording();
    body.append(bytes);
    return true;
  };
  const body_end end = co_await read_body(ex, collect);
  if (end == body_end::broken) {
    remember(ex, nullptr, false);
    log(ex);
    co_return false;
  }
  const reply answer = too_large ? json_body_too_large(limit) : execute_json_request(body);
  remember(ex, &answer, ex.parser.is_done());
  co_return co_await respond(ex, answer);
}

net::awaitable<connection::body_end> connection::read_body(exchange& ex, const body_sink& sink) {
  if (ex.chunk.empty()) {
    // Sized to the body when it is small, so that many connections with small requests stay
    // small; freed with the exchange, so that an idle keep-alive connection holds none.
    const auto remaining = ex.parser.content_length_remaining();
    ex.chunk.resize(remaining ? std::clamp<std::uint64_t>(*remaining, 1, kBodyChunk) : kBodyChunk);
  }
  while (!ex.parser.is_done()) {
    auto& body = ex.parser.get().body();
    body.data = ex.chunk.data();
    body.size = ex.chunk.size();
    beast::error_code ec;
    // Per read, not per body: a large upload may take long, a stalled one may not.
    stream_.expires_after(options_.idle_timeout);
    co_await http::async_read_some(stream_, buffer_, ex.parser, await_into(ec));
    if (ec == http::error::need_buffer) ec = {};
    const std::size_t received = ex.chunk.size() - body.size;
    ex.record.bytes_in += received;
    if (recording()) ex.recorded.append(ex.chunk.data(), received);
    if (received > 0 && !sink({ex.chunk.data(), received})) co_return body_end::stopped;
    if (ec) {
      ex.record.note = note_for(ec);
      co_return body_end::broken;
    }
  }
  co_return body_end::complete;
}

// RFC 9110 §10.1.1: a client waiting for 100 Continue sends the body only once told to.
net::awaitable<void> connection::send_continue(exchange& ex) {
  if (!ex.expects_continue || ex.continue_sent || ex.parser.is_done()) co_return;
  ex.continue_sent = true;
  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  beast::error_code ec;
  stream_.expires_after(options_.idle_timeout);
  co_await net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                            await_into(ec));
}

net::awaitable<bool> connection::respond(exchange& ex, const reply& r) {
  const bool early = !ex.parser.is_done();
  if (early) {
    // Answering before the body ended: keep the connection only when the rest is known to be
    // small and is really coming (a client still waiting for 100 Continue may never send it).
    const auto remaining = ex.parser.content_length_remaining();
    const bool drainable = remaining && *remaining <= options_.drain_limit &&
                           (!ex.expects_continue || ex.continue_sent);
    if (!drainable) keep_alive_ = false;
  }
  if (stopping_) keep_alive_ = false;
  const bool delivered = co_await write_reply(ex, r);
  if (!delivered) {
    log(ex);
    co_return false;
  }
  if (early) {
    if (keep_alive_) {
      const body_sink discard = [](std::string_view) { return true; };
      const body_end drained = co_await read_body(ex, discard);
      if (drained != body_end::complete) keep_alive_ = false;
    } else {
      co_await linger();
    }
  }
  log(ex);
  co_return keep_alive_;
}

net::awaitable<bool> connection::write_reply(exchange& ex, const reply& r) {
  const unsigned version = ex.parser.is_header_done() ? ex.parser.get().version() : 11;
  http::response<http::string_body> res{static_cast<http::status>(r.status), version};
  res.set(http::field::server, "upspec");
  if (!r.body.empty()) res.set(http::field::content_type, "application/json");
  if (!r.allow.empty()) res.set(http::field::allow, r.allow);
  res.keep_alive(keep_alive_);
  res.body() = r.body;
  res.prepare_payload();
  ex.record.status = r.status;
  ex.record.code = r.code;
  ex.record.bytes_out = r.body.size();
  ex.record.duration = clock::now() - ex.started;

  beast::error_code ec;
  stream_.expires_after(options_.idle_timeout);
  co_await http::async_write(stream_, res, await_into(ec));
  if (ec) {
    ex.record.note = "answer not delivered: " + note_for(ec);
    keep_alive_ = false;
  }
  co_return !ec;
}

// Closing a socket with unread bytes makes the kernel send a reset, and a client still
// sending its body may lose the answer it has not read yet. So: say we are done, then discard
// what still comes for a short while.
net::awaitable<void> connection::linger() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) co_return;
  std::vector<char> discarded(kLingerChunk);
  stream_.expires_after(options_.linger_timeout);
  while (!ec) co_await stream_.async_read_some(net::buffer(discarded), await_into(ec));
}

void connection::remember(exchange& ex, const reply* answer, bool complete) {
  if (!recording()) return;
  recorded_request r;
  r.peer = peer_;
  r.connection = id_;
  r.on_connection = served_++;
  r.method = ex.record.method;
  r.target = ex.record.target;
  const auto& req = ex.parser.get();
  r.version = req.version();
  for (const auto& field : req) r.headers.emplace_back(field.name_string(), field.value());
  if (const auto length = ex.parser.content_length()) r.content_length = *length;
  r.chunked = ex.parser.chunked();
  r.body = std::move(ex.recorded);
  r.complete = complete;
  if (answer != nullptr) {
    r.status = answer->status;
    r.reply = answer->body;
  }
  options_.record(std::move(r));
}

void connection::log(exchange& ex) {
  if (!log_.enabled()) return;
  if (ex.record.status == 0) ex.record.duration = clock::now() - ex.started;
  log_.write(ex.record);
}

}  // namespace upspec::serve

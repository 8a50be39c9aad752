#include "server/in_memory.hpp"

#include <array>
#include <boost/asio/buffer.hpp>
#include <boost/beast/core/buffer_traits.hpp>
#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/span_body.hpp>
#include <functional>
#include <limits>
#include <optional>

#include "serve/graphql_http.hpp"
#include "serve/multipart_exchange.hpp"
#include "serve/route.hpp"

namespace upspec::fuzz {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

// As connection.cpp has them.
constexpr std::uint32_t kHeaderLimit = 16 * 1024;
// Smaller than the server's 64 KiB landing chunk, so that small inputs still reach the
// processor in several pieces.
constexpr std::size_t kBodyChunk = 512;

using body_parser = http::request_parser<http::buffer_body>;
using body_sink = std::function<bool(std::string_view)>;
enum class body_end { complete, stopped, broken };

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_method).category();
}

class connection {
 public:
  connection(std::string_view bytes, const serve::server_options& options)
      : rest_(bytes), options_(options) {}

  // One request; nullopt when nothing was answered (the bytes ran out first).
  std::optional<served_request> serve_one(bool& keep_open) {
    body_parser parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    keep_open = false;
    beast::error_code ec;
    while (!parser.is_header_done() && !ec) put(parser, ec);
    if (ec) return refuse_head(ec);

    served_request r;
    const auto& req = parser.get();
    r.method = std::string(req.method_string());
    r.target = std::string(req.target());
    r.content_type = std::string(req[http::field::content_type]);
    bool keep_alive = req.keep_alive();
    const serve::route to = serve::route_for(r.method, r.target, r.content_type);
    body_end end = body_end::complete;
    if (to == serve::route::multipart) {
      r.multipart = true;
      serve::multipart_exchange exchange(r.content_type, options_.limits);
      if (!exchange.rejected()) {
        end = read_body(parser, r, [&exchange](std::string_view b) {
          exchange.feed(b);
          return !exchange.rejected();
        });
        if (end == body_end::broken) return std::nullopt;
        if (end == body_end::complete) {
          exchange.finish();
          r.body_complete = true;
        }
      }
      r.answer = exchange.take_reply();
    } else if (to == serve::route::json) {
      const std::uint64_t limit = options_.limits.max_field_size;
      if (const auto length = parser.content_length(); length && *length > limit) {
        r.answer = serve::json_body_too_large(limit);
      } else {
        end = read_body(parser, r, [&r, limit](std::string_view b) {
          if (r.body.size() + b.size() > limit) return false;
          r.body.append(b);
          return true;
        });
        if (end == body_end::broken) return std::nullopt;
        r.body_complete = end == body_end::complete;
        r.answer = end == body_end::stopped ? serve::json_body_too_large(limit)
                                            : serve::execute_json_request(r.body);
      }
    } else {
      r.answer = serve::reply_from_head(to, r.method, r.target);
    }
    // An early answer keeps the connection only when the rest of the body can be drained.
    if (!parser.is_done()) {
      const auto remaining = parser.content_length_remaining();
      if (!remaining || *remaining > options_.drain_limit) keep_alive = false;
      if (keep_alive && read_body(parser, r, nullptr) != body_end::complete) keep_alive = false;
    }
    r.response = write(r.answer, req.version(), keep_alive);
    keep_open = keep_alive;
    return r;
  }

 private:
  void put(body_parser& parser, beast::error_code& ec) {
    std::size_t used = 0;
    if (!rest_.empty()) {
      used = parser.put(net::buffer(rest_.data(), rest_.size()), ec);
      rest_.remove_prefix(used);
    }
    if (ec == http::error::need_more) ec = {};
    if (ec || used > 0) return;
    // No progress: the bytes ran out, as when the client closes the connection. Between
    // requests that is a clean close (put_eof() requires some bytes); otherwise the parser
    // decides whether what it has is a whole message.
    if (!parser.got_some()) {
      ec = http::error::end_of_stream;
      return;
    }
    parser.put_eof(ec);
    if (!ec && !parser.is_done()) ec = http::error::partial_message;
  }

  // The head did not arrive whole: only a malformed or oversized one gets an answer.
  std::optional<served_request> refuse_head(const beast::error_code& ec) {
    const bool too_large = ec == http::error::header_limit || ec == http::error::buffer_overflow;
    if (!too_large && (!is_parse_error(ec) || ec == http::error::partial_message ||
                       ec == http::error::end_of_stream))
      return std::nullopt;
    served_request r;
    r.answer = too_large ? serve::error_reply(431, serve::server_code::header_too_large,
                                              "Request header fields too large.")
                         : serve::error_reply(400, serve::server_code::bad_request,
                                              "Malformed HTTP request: " + ec.message() + ".");
    r.response = write(r.answer, 11, false);
    return r;
  }

  // Mirrors connection::read_body; a null sink discards (draining after an early answer).
  body_end read_body(body_parser& parser, served_request& r, const body_sink& sink) {
    std::array<char, kBodyChunk> chunk{};
    while (!parser.is_done()) {
      auto& body = parser.get().body();
      body.data = chunk.data();
      body.size = chunk.size();
      beast::error_code ec;
      put(parser, ec);
      if (ec == http::error::need_buffer) ec = {};
      const std::size_t received = chunk.size() - body.size;
      if (received > 0 && sink) {
        const std::string_view bytes(chunk.data(), received);
        if (r.multipart) r.body.append(bytes);
        if (!sink(bytes)) return body_end::stopped;
      }
      if (ec) return body_end::broken;
    }
    return body_end::complete;
  }

  static std::string write(const serve::reply& answer, unsigned version, bool keep_alive) {
    // The body by reference, and the serializer's buffers appended straight to the text: the
    // answer was copied and streamed through an ostringstream before, for every response.
    http::response<http::span_body<const char>> res{static_cast<http::status>(answer.status),
                                                    version};
    res.set(http::field::server, "upspec");
    if (!answer.body.empty()) res.set(http::field::content_type, "application/json");
    if (!answer.allow.empty()) res.set(http::field::allow, answer.allow);
    res.keep_alive(keep_alive);
    res.body() = {answer.body.data(), answer.body.size()};
    res.prepare_payload();
    http::serializer<false, http::span_body<const char>> serializer(res);
    std::string text;
    text.reserve(answer.body.size() + 256);
    beast::error_code ec;
    do {
      serializer.next(ec, [&](beast::error_code&, const auto& buffers) {
        for (const auto buffer : beast::buffers_range_ref(buffers))
          text.append(static_cast<const char*>(buffer.data()), buffer.size());
        serializer.consume(beast::buffer_bytes(buffers));
      });
    } while (!ec && !serializer.is_done());
    return text;
  }

  std::string_view rest_;
  const serve::server_options& options_;
};

}  // namespace

std::vector<served_request> serve_in_memory(std::string_view bytes,
                                            const serve::server_options& options,
                                            std::size_t max_requests) {
  connection c(bytes, options);
  std::vector<served_request> out;
  bool keep_open = true;
  while (keep_open && out.size() < max_requests) {
    auto r = c.serve_one(keep_open);
    if (!r) break;
    out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace upspec::fuzz

#include "run/wire.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/http/error.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include "corpus/large_body_stream.hpp"
#include "upspec/multipart/header_parameters.hpp"

namespace upspec::run {
namespace {

constexpr std::size_t kWireLimit = 8 * 1024;

void for_each_body_piece(const corpus::http_request& r,
                         const std::function<bool(std::string_view)>& sink) {
  if (r.large)
    corpus::stream_large_body(*r.large, sink);
  else if (!r.body.empty())
    sink(r.body);
}

std::string hex(std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), kHex[n % 16]);
    n /= 16;
  } while (n > 0);
  return out;
}

std::string response_text(const client::http_response& r) {
  std::string s;
  for (int status : r.interim) s += "HTTP/1.1 " + std::to_string(status) + "\r\n\r\n";
  s += "HTTP/1.1 " + std::to_string(r.status) + "\r\n";
  for (const auto& [k, v] : r.headers) {
    if (multipart::iequals(k, "date")) continue;  // volatile: reports must diff cleanly
    s += k + ": " + v + "\r\n";
  }
  return s + "\r\n" + r.body;
}

}  // namespace

std::string_view to_string(silence s) {
  switch (s) {
    case silence::none:
      return "answered";
    case silence::unreachable:
      return "unreachable";
    case silence::timeout:
      return "timeout";
    case silence::closed:
      return "closed";
    case silence::not_http:
      return "not HTTP";
    case silence::too_large:
      return "too large";
    case silence::aborted:
      return "aborted";
    case silence::harness:
      return "harness";
  }
  return "?";
}

silence silence_of(std::error_code ec) {
  namespace net = boost::asio;
  namespace http = boost::beast::http;
  // Boost's codes seen through std::error_code, as raw_connection hands them over.
  const auto as_std = [](auto e) { return std::error_code(boost::system::error_code(e)); };
  if (ec == std::errc::timed_out) return silence::timeout;
  if (ec == std::errc::connection_reset || ec == std::errc::broken_pipe ||
      ec == std::errc::connection_aborted || ec == as_std(net::error::eof) ||
      ec == as_std(http::error::end_of_stream) || ec == as_std(http::error::partial_message))
    return silence::closed;
  if (ec == std::errc::file_too_large || ec == as_std(http::error::body_limit) ||
      ec == as_std(http::error::header_limit) || ec == as_std(http::error::buffer_overflow))
    return silence::too_large;
  if (ec.category() == as_std(http::error::bad_version).category()) return silence::not_http;
  return silence::closed;
}

std::string escape_bytes(std::string_view bytes, std::size_t limit) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  const std::size_t n = std::min(bytes.size(), limit);
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\\')
      out += "\\\\";
    else if (c >= 0x20 && c < 0x7F)
      out.push_back(static_cast<char>(c));
    else {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  if (bytes.size() > n) out += "…[" + std::to_string(bytes.size() - n) + " more bytes]";
  return out;
}

std::string request_head(const corpus::test_case& c, const endpoint& ep, const header_list& extra) {
  std::string path = ep.path;
  if (!c.request.target.empty()) path += c.request.target;
  std::string head = c.request.method + " " + path + " HTTP/1.1\r\n";
  const bool v6 = ep.host.find(':') != std::string::npos;
  head += "Host: " + (v6 ? "[" + ep.host + "]" : ep.host) + ":" + std::to_string(ep.port) + "\r\n";
  for (const auto& [k, v] : c.request.headers) head += k + ": " + v + "\r\n";
  for (const auto& [k, v] : extra) head += k + ": " + v + "\r\n";
  const std::uint64_t size = c.request.body_size();
  if (c.request.how.mode == corpus::transport_mode::chunked)
    head += "Transfer-Encoding: chunked\r\n";
  else if (size > 0 || c.request.method == "POST")
    head += "Content-Length: " + std::to_string(size) + "\r\n";
  return head + "\r\n";
}

exchange_result exchange(client::raw_connection& conn, const corpus::test_case& c,
                         const endpoint& ep, const header_list& extra) {
  exchange_result out;
  const corpus::transport& how = c.request.how;
  const std::string head = request_head(c, ep, extra);
  std::string logged = head;
  std::error_code ec = conn.send(head);
  std::uint64_t sent = 0;
  bool aborted = false;
  const auto send_piece = [&](std::string_view piece) -> bool {
    if (ec) return false;
    if (logged.size() < kWireLimit) logged.append(piece.substr(0, kWireLimit - logged.size()));
    switch (how.mode) {
      case corpus::transport_mode::content_length:
        ec = conn.send(piece);
        break;
      case corpus::transport_mode::chunked:
        // One write per chunk: each chunk still reaches the server on its own.
        for (std::size_t at = 0; at < piece.size() && !ec; at += how.chunk_size) {
          const auto part = piece.substr(at, how.chunk_size);
          ec = conn.send(hex(part.size()) + "\r\n" + std::string(part) + "\r\n");
        }
        break;
      case corpus::transport_mode::drip:
        for (std::size_t at = 0; at < piece.size() && !ec; at += how.chunk_size) {
          ec = conn.send(piece.substr(at, how.chunk_size));
          std::this_thread::sleep_for(std::chrono::milliseconds(how.delay_ms));
        }
        break;
      case corpus::transport_mode::abort: {
        const std::uint64_t room = how.abort_after - sent;
        const auto part =
            piece.substr(0, static_cast<std::size_t>(std::min<std::uint64_t>(room, piece.size())));
        ec = conn.send(part);
        sent += part.size();
        if (sent >= how.abort_after) aborted = true;
        return !aborted && !ec;
      }
    }
    return !ec;
  };
  if (how.mode == corpus::transport_mode::chunked || how.mode == corpus::transport_mode::drip)
    if (how.chunk_size == 0)
      return {std::nullopt, silence::harness, "the case's transport has no chunk size", logged,
              false};
  const auto started = std::chrono::steady_clock::now();
  for_each_body_piece(c.request, send_piece);
  const auto sent_at = std::chrono::steady_clock::now();
  out.sending = std::chrono::duration_cast<std::chrono::microseconds>(sent_at - started);
  if (aborted) {
    conn.reset();
    out.why_none = silence::aborted;
    out.error = "the harness closed the connection after " + std::to_string(sent) +
                " body bytes, as the case says";
    out.wire = escape_bytes(logged, kWireLimit) + "\n[connection reset by the harness]";
    return out;
  }
  if (!ec && how.mode == corpus::transport_mode::chunked) ec = conn.send("0\r\n\r\n");
  // A server may answer before the whole body was sent and close: the answer may still be
  // readable.
  client::http_response response;
  const std::error_code read_error = conn.read_response(response);
  out.waiting = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - sent_at);
  if (!read_error) {
    out.response = std::move(response);
    out.reusable = !ec && out.response->keep_alive;
  } else {
    out.why_none = silence_of(read_error);
    out.error = (ec ? "sending failed (" + ec.message() + "), then " : std::string()) +
                "no answer: " + read_error.message();
  }
  out.wire = escape_bytes(logged, kWireLimit) + "\n\n" +
             (out.response ? escape_bytes(response_text(*out.response), kWireLimit)
                           : "[" + out.error + "]");
  return out;
}

}  // namespace upspec::run

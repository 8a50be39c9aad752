// A test server with planted bugs, for the tests of `upspec fuzz`: it answers every request as
// the reference does (corpus::reference_reply), except where a bug switched on by --bug says
// otherwise. Not an implementation of anything: each bug is a known shape that the live fuzzer
// must find by itself and shrink to a small request.
//
//   poison         a map path that walks through a member objects inherit (toString,
//                  constructor, then, ...) and goes on breaks every later request (500)
//   crash-header   a filename* parameter in ISO-8859-1 kills the process
//   hang-boundary  a boundary of exactly 7 characters is never answered
//   corrupt-cr     a file whose content ends with CR loses that byte
//   500-folded     a folded part header line gets a 500
//   slow-filename  a filename with a long run of one character takes 2^(run-12) ms (at most
//                  --slow-cap-ms)

// <utility> first: this Boost's asio/awaitable.hpp uses std::exchange without including it.
// clang-format off
#include <utility>
// clang-format on

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>
#include <thread>

#include "corpus/reference_answer.hpp"
#include "upspec/multipart/header_parameters.hpp"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using upspec::corpus::json;

struct options {
  std::string host = "127.0.0.1";
  unsigned short port = 0;
  std::set<std::string> bugs;
  long slow_cap_ms = 1000;
};

options opts;
std::atomic<bool> poisoned{false};

bool has(const std::string& bug) {
  return opts.bugs.count(bug) > 0;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string boundary_of(const std::string& content_type) {
  const auto at = lower(content_type).find("boundary=");
  if (at == std::string::npos) return {};
  std::string b = content_type.substr(at + 9);
  if (!b.empty() && b.front() == '"') {
    const auto close = b.find('"', 1);
    return b.substr(1, close == std::string::npos ? std::string::npos : close - 1);
  }
  return b.substr(0, b.find_first_of("; \t"));
}

// The map's JSON, found the naive way a buggy server would.
json map_of(const std::string& body) {
  const auto name = body.find("name=\"map\"");
  if (name == std::string::npos) return {};
  const auto start = body.find("\r\n\r\n", name);
  if (start == std::string::npos) return {};
  const auto end = body.find("\r\n--", start + 4);
  return json::parse(
      body.substr(start + 4, end == std::string::npos ? std::string::npos : end - start - 4),
      nullptr, false);
}

bool walks_inherited_member(const json& map) {
  static const std::set<std::string> kInherited = {"toString",    "valueOf",   "hasOwnProperty",
                                                   "constructor", "__proto__", "then"};
  if (!map.is_object()) return false;
  for (const auto& [key, entry] : map.items()) {
    if (!entry.is_array()) continue;
    for (const auto& path : entry) {
      if (!path.is_string()) continue;
      const std::string p = path.get<std::string>();
      for (std::size_t start = 0, dot; (dot = p.find('.', start)) != std::string::npos;
           start = dot + 1)
        if (kInherited.count(p.substr(start, dot - start))) return true;
    }
  }
  return false;
}

// The longest run of one character inside any filename="..." parameter.
std::size_t longest_filename_run(const std::string& body) {
  std::size_t best = 0;
  for (std::size_t at = body.find("filename=\""); at != std::string::npos;
       at = body.find("filename=\"", at + 1)) {
    const std::size_t start = at + 10;
    const std::size_t end = std::min(body.find('"', start), body.find("\r\n", start));
    std::size_t run = 0;
    for (std::size_t i = start; i < end && i < body.size(); ++i) {
      run = (i > start && body[i] == body[i - 1]) ? run + 1 : 1;
      best = std::max(best, run);
    }
  }
  return best;
}

struct answer {
  int status = 200;
  std::string body;
  bool hang = false;
};

answer handle(const http::request<http::string_body>& req) {
  upspec::corpus::test_case c;
  c.request.method = std::string(req.method_string());
  std::string target(req.target());
  const auto graphql = target.find("/graphql");
  c.request.target = graphql == 0 ? target.substr(8) : target;
  std::string content_type;
  if (auto it = req.find(http::field::content_type); it != req.end())
    content_type = std::string(it->value());
  if (!content_type.empty()) c.request.headers.emplace_back("Content-Type", content_type);
  c.request.body = req.body();
  const std::string& body = c.request.body;
  const bool multipart = lower(content_type).find("multipart/") != std::string::npos;

  if (has("poison") && poisoned)
    return {500, R"json({"errors":[{"message":"Cannot read properties of undefined"}]})json"};
  if (multipart) {
    const std::string boundary = boundary_of(content_type);
    if (has("crash-header") && lower(body).find("filename*=iso-8859-1''") != std::string::npos)
      std::_Exit(3);
    if (has("hang-boundary") && boundary.size() == 7) return {0, {}, true};
    if (has("500-folded") &&
        (body.find(";\r\n ") != std::string::npos || body.find(";\r\n\t") != std::string::npos))
      return {500, R"({"errors":[{"message":"Internal server error"}]})"};
    if (has("slow-filename")) {
      const std::size_t run = longest_filename_run(body);
      if (run > 12) {
        const long ms =
            run - 12 >= 30 ? opts.slow_cap_ms : std::min(opts.slow_cap_ms, 1L << (run - 12));
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      }
    }
    if (has("corrupt-cr") && !boundary.empty()) {
      const std::string marker = "\r\r\n--" + boundary;
      for (auto at = c.request.body.find(marker); at != std::string::npos;
           at = c.request.body.find(marker, at + 1))
        c.request.body.erase(at, 1);
    }
    if (has("poison") && walks_inherited_member(map_of(body))) poisoned = true;
  }
  const upspec::serve::reply r = upspec::corpus::reference_reply(c);
  return {r.status, r.body};
}

void serve(tcp::socket socket) {
  beast::flat_buffer buffer;
  beast::error_code ec;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(256 * 1024 * 1024);
    http::read(socket, buffer, parser, ec);
    if (ec) return;
    const auto& req = parser.get();
    const answer a = handle(req);
    if (a.hang) {
      // Holds the connection, reading nothing more, until the client gives up.
      char byte;
      socket.read_some(net::buffer(&byte, 1), ec);
      return;
    }
    http::response<http::string_body> res{static_cast<http::status>(a.status), 11};
    res.set(http::field::content_type, "application/json");
    res.body() = a.body;
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    http::write(socket, res, ec);
    if (ec || !req.keep_alive()) return;
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--bug" && i + 1 < argc)
      opts.bugs.insert(argv[++i]);
    else if (a == "--port" && i + 1 < argc)
      opts.port = static_cast<unsigned short>(std::stoi(argv[++i]));
    else if (a == "--host" && i + 1 < argc)
      opts.host = argv[++i];
    else if (a == "--slow-cap-ms" && i + 1 < argc)
      opts.slow_cap_ms = std::stol(argv[++i]);
    else {
      std::cerr
          << "usage: planted_server [--host H] [--port P] [--bug NAME]... [--slow-cap-ms N]\n";
      return 2;
    }
  }
  net::io_context ioc;
  tcp::acceptor acceptor(ioc, {net::ip::make_address(opts.host), opts.port});
  for (;;) {
    tcp::socket socket(ioc);
    acceptor.accept(socket);
    std::thread(serve, std::move(socket)).detach();
  }
}

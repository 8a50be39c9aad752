#pragma once
// Shared helpers of the reference server's tests: an in-process server on a free loopback
// port, and requests sent as exact bytes over a real socket.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "client/http_request.hpp"
#include "client/raw_connection.hpp"
#include "serve/reference_server.hpp"
#include "upspec/encoder/encoder.hpp"
#include "upspec/request/json_field.hpp"
#include "upspec/util/sha256.hpp"

namespace upspec::serve::testing {

using client::framing;
using client::http_request;
using client::http_response;
using client::raw_connection;
using request::json;

inline constexpr const char* kLoopback = "127.0.0.1";

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// corpus/spec-examples/NAME.EXT; a content type loses its final line end.
inline std::string spec_example(const std::string& name, const std::string& ext) {
  std::string s =
      read_file(std::string(UPSPEC_SOURCE_DIR) + "/corpus/spec-examples/" + name + "." + ext);
  if (ext == "content-type" && !s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

inline server_options quiet_options() {
  server_options o;
  o.log = nullptr;
  o.threads = 2;
  return o;
}

// A reference server for one test, stopped and joined when the test ends.
class served {
 public:
  explicit served(server_options options = quiet_options())
      : server_(std::make_unique<background_server>(std::move(options), kLoopback, 0)) {}
  std::uint16_t port() const { return server_->port(); }
  void stop() { server_->stop(); }

  raw_connection connect(std::chrono::milliseconds timeout = std::chrono::seconds(20)) const {
    raw_connection c(timeout);
    const std::error_code ec = c.connect(kLoopback, port());
    EXPECT_FALSE(ec) << ec.message();
    return c;
  }

  // One request on a fresh connection.
  http_response exchange(const http_request& r) const {
    raw_connection c = connect();
    return send_and_read(c, r);
  }

  static http_response send_and_read(raw_connection& c, const http_request& r) {
    const std::error_code sent = c.send(client::request_bytes(r));
    EXPECT_FALSE(sent) << sent.message();
    http_response res;
    const std::error_code read = c.read_response(res);
    EXPECT_FALSE(read) << read.message();
    return res;
  }

 private:
  std::unique_ptr<background_server> server_;
};

inline http_request multipart_request(const std::string& content_type, std::string body,
                                      framing f = framing::content_length) {
  http_request r;
  r.headers = {{"Content-Type", content_type}};
  r.body = std::move(body);
  r.body_framing = f;
  return r;
}

inline http_request multipart_request(const encoder::encoded_request& e,
                                      framing f = framing::content_length) {
  return multipart_request(e.content_type, e.body, f);
}

inline http_request json_request(const json& body) {
  http_request r;
  r.headers = {{"Content-Type", "application/json"}};
  r.body = request::dump_json(body);
  return r;
}

inline json body_json(const http_response& res) {
  const json parsed = json::parse(res.body, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << res.body;
  return parsed;
}

// extensions.code of the first error of a refusal or a result; "" when there is none.
inline std::string first_error_code(const json& result) {
  if (!result.is_object() || !result.contains("errors") || result["errors"].empty()) return "";
  const json& e = result["errors"][0];
  if (!e.contains("extensions") || !e["extensions"].contains("code")) return "";
  return e["extensions"]["code"].get<std::string>();
}

inline std::string first_error_message(const json& result) {
  if (!result.is_object() || !result.contains("errors") || result["errors"].empty()) return "";
  return result["errors"][0].value("message", "");
}

inline constexpr const char* kFileSelection = "{ filename mimetype size sha256 }";

inline json uploaded(const std::string& filename, const std::string& mimetype,
                     const std::string& content) {
  return json{{"filename", filename},
              {"mimetype", mimetype},
              {"size", content.size()},
              {"sha256", sha256::hex_of(content)}};
}

}  // namespace upspec::serve::testing

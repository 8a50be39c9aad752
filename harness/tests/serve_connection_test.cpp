// The connection policy: keep-alive after refusals, early answers, aborted and stalled
// clients, chunked bodies, concurrency, timeouts, the access log and stopping.

#include <algorithm>
#include <atomic>
#include <future>
#include <sstream>
#include <thread>

#include "serve_test_support.hpp"

namespace upspec::serve::testing {
namespace {

using encoder::encode_request;
using encoder::upload_file;
using namespace std::chrono_literals;

json single_ops() {
  return {
      {"query", std::string("mutation($f: Upload!) { single(file: $f) ") + kFileSelection + " }"},
      {"variables", {{"f", nullptr}}}};
}

encoder::encoded_request single_upload(const std::string& content,
                                       const std::string& filename = "f.bin") {
  return encode_request(
      single_ops(),
      {upload_file{"0", {"variables.f"}, filename, "application/octet-stream", content}});
}

// A body that differs from position to position, so a misplaced chunk changes the digest.
std::string patterned(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + i / 251) & 0xff);
  return s;
}

void expect_single(const http_response& res, const std::string& content,
                   const std::string& filename = "f.bin") {
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(body_json(res)["data"]["single"],
            uploaded(filename, "application/octet-stream", content));
}

encoder::encoded_request map_missing() {
  encoder::form_part ops;
  ops.name = "operations";
  ops.body = request::dump_json(single_ops());
  return encoder::encode_form({ops});
}

TEST(Connection, KeepAliveIsReusableAfterA400) {
  served server;
  raw_connection c = server.connect();
  const http_response refused = served::send_and_read(c, multipart_request(map_missing()));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(first_error_code(body_json(refused)), "map.missing");
  EXPECT_TRUE(refused.keep_alive);
  const std::string content = patterned(10'000);
  expect_single(served::send_and_read(c, multipart_request(single_upload(content))), content);
  // And once more after a refusal that came before the body ended (the rest was drained).
  http_request early = multipart_request(single_upload(content));
  early.headers = {{"Content-Type", "text/plain"}};
  const http_response r415 = served::send_and_read(c, early);
  EXPECT_EQ(r415.status, 415);
  EXPECT_TRUE(r415.keep_alive);
  expect_single(served::send_and_read(c, multipart_request(single_upload(content))), content);
}

TEST(Connection, ChunkedTransferEncoding) {
  served server;
  const std::string content = patterned(300'000);
  for (const std::size_t chunk : {std::size_t{1} << 20, std::size_t{4096}, std::size_t{7}}) {
    http_request r = multipart_request(single_upload(content), framing::chunked);
    r.chunk_size = chunk;
    expect_single(server.exchange(r), content);
  }
}

TEST(Connection, BodySentInSmallPiecesWithPauses) {
  served server;
  const std::string content = patterned(2000);
  const std::string bytes = client::request_bytes(multipart_request(single_upload(content)));
  raw_connection c = server.connect();
  for (std::size_t at = 0; at < bytes.size(); at += 97) {
    ASSERT_FALSE(c.send(std::string_view(bytes).substr(at, 97)));
    if (at % (97 * 8) == 0) std::this_thread::sleep_for(1ms);
  }
  http_response res;
  ASSERT_FALSE(c.read_response(res));
  expect_single(res, content);
}

TEST(Connection, LargeUploadStreams) {
  served server;
  const std::string content = patterned(24 << 20);
  expect_single(server.exchange(multipart_request(single_upload(content))), content);
}

TEST(Connection, ClientAbortingMidFileLeavesTheServerHealthy) {
  std::ostringstream log;
  server_options options = quiet_options();
  options.log = &log;
  served server(options);
  const std::string content = patterned(1 << 20);
  const std::string bytes = client::request_bytes(multipart_request(single_upload(content)));
  for (const bool reset : {false, true}) {
    raw_connection c = server.connect();
    ASSERT_FALSE(c.send(std::string_view(bytes).substr(0, bytes.size() / 2)));
    std::this_thread::sleep_for(50ms);
    if (reset)
      c.reset();
    else
      c.close();
    expect_single(server.exchange(multipart_request(single_upload(content))), content);
  }
  server.stop();
  EXPECT_NE(log.str().find("aborted by the client"), std::string::npos) << log.str();
}

TEST(Connection, EarlyRefusalWithALargeBodyAnswersAtOnceAndCloses) {
  served server;
  // The operations are not JSON: known long before the announced 64 MiB would have arrived.
  encoder::form_part ops;
  ops.name = "operations";
  ops.body = "{not json";
  encoder::form_part map;
  map.name = "map";
  map.body = R"({"0":["variables.f"]})";
  const encoder::encoded_request start = encoder::encode_form({ops, map});
  const std::string head_part = start.body.substr(0, start.body.rfind("--upspec"));
  http_request r = multipart_request(start.content_type, "");
  r.body_framing = framing::none;
  r.headers.emplace_back("Content-Length", std::to_string(64u << 20));
  raw_connection c = server.connect();
  ASSERT_FALSE(c.send(client::head_bytes(r) + head_part));
  http_response res;
  ASSERT_FALSE(c.read_response(res)) << "answered before the body ended";
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(first_error_code(body_json(res)), "operations.invalid_json");
  EXPECT_FALSE(res.keep_alive) << "64 MiB are too many to drain";
  c.shutdown_send();
  EXPECT_TRUE(c.closed_by_peer(5s));
  expect_single(server.exchange(multipart_request(single_upload("after"))), "after");
}

TEST(Connection, EarlyRefusalOfAChunkedBodyCloses) {
  served server;
  http_request r = multipart_request(single_upload(patterned(100'000)), framing::chunked);
  r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  const http_response res = server.exchange(r);
  EXPECT_EQ(res.status, 415);
  EXPECT_FALSE(res.keep_alive) << "a chunked body's remaining size is unknown";
}

TEST(Connection, ManyConcurrentConnections) {
  served server;
  constexpr int kClients = 24;
  constexpr int kRequestsEach = 4;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&server, &ok, i] {
      raw_connection c(20s);
      if (c.connect(kLoopback, server.port())) return;
      for (int k = 0; k < kRequestsEach; ++k) {
        const std::string content = patterned(static_cast<std::size_t>(50'000 + i * 1000 + k));
        const std::string bytes = client::request_bytes(multipart_request(single_upload(content)));
        // Half of each body, a pause, the rest: every connection is mid-request at once.
        if (c.send(std::string_view(bytes).substr(0, bytes.size() / 2))) return;
        std::this_thread::sleep_for(5ms);
        if (c.send(std::string_view(bytes).substr(bytes.size() / 2))) return;
        http_response res;
        if (c.read_response(res) || res.status != 200) return;
        const json got = json::parse(res.body, nullptr, false);
        if (got.is_discarded() || got["data"]["single"]["sha256"] != sha256::hex_of(content))
          return;
        ++ok;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(ok.load(), kClients * kRequestsEach);
}

server_options short_timeouts() {
  server_options options = quiet_options();
  options.idle_timeout = 300ms;
  options.linger_timeout = 200ms;
  return options;
}

TEST(Timeouts, HeadDrippedSlowlyIsCutOff) {
  served server(short_timeouts());
  raw_connection c = server.connect();
  ASSERT_FALSE(c.send("POST /graphql HTTP/1.1\r\n"));
  const auto started = std::chrono::steady_clock::now();
  bool closed = false;
  // One header byte every 100 ms never lets a per-read timer fire; the head's deadline does.
  for (int i = 0; i < 40 && !closed; ++i) {
    if (c.send("X")) break;
    closed = c.closed_by_peer(100ms);
  }
  closed = closed || c.closed_by_peer(2s);
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

TEST(Timeouts, StalledBodyIsCutOff) {
  served server(short_timeouts());
  raw_connection c = server.connect();
  const std::string bytes = client::request_bytes(multipart_request(single_upload("0123456789")));
  ASSERT_FALSE(c.send(std::string_view(bytes).substr(0, bytes.size() - 20)));
  EXPECT_TRUE(c.closed_by_peer(3s));
}

TEST(Timeouts, IdleKeepAliveIsClosed) {
  served server(short_timeouts());
  raw_connection c = server.connect();
  const http_response res = served::send_and_read(c, multipart_request(single_upload("x")));
  EXPECT_EQ(res.status, 200);
  EXPECT_TRUE(res.keep_alive);
  EXPECT_TRUE(c.closed_by_peer(3s));
}

TEST(Log, OneLinePerRequest) {
  std::ostringstream log;
  server_options options = quiet_options();
  options.log = &log;
  served server(options);
  server.exchange(multipart_request(single_upload("abc")));
  server.exchange(multipart_request(map_missing()));
  server.stop();
  const std::string text = log.str();
  EXPECT_NE(text.find("\"POST /graphql\" 200 in="), std::string::npos) << text;
  EXPECT_NE(text.find("\"POST /graphql\" 400 in="), std::string::npos) << text;
  EXPECT_NE(text.find(" map.missing"), std::string::npos) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << text;
}

TEST(Listen, TakenPortIsAClearError) {
  served first;
  reference_server second(quiet_options());
  try {
    second.start(kLoopback, first.port());
    FAIL() << "bound a port that is taken";
  } catch (const listen_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot listen on 127.0.0.1:" + std::to_string(first.port()) +
                                         ": Address already in use");
  }
}

TEST(Stop, ClosesIdleConnectionsAndReturnsPromptly) {
  auto server = std::make_unique<served>();
  raw_connection idle = server->connect();
  const http_response res = served::send_and_read(idle, json_request({{"query", "{ ping }"}}));
  EXPECT_TRUE(res.keep_alive);
  raw_connection never_spoke = server->connect();
  const auto started = std::chrono::steady_clock::now();
  server->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  EXPECT_TRUE(idle.closed_by_peer(1s));
  EXPECT_TRUE(never_spoke.closed_by_peer(1s));
}

TEST(Stop, LetsARequestInProgressFinish) {
  served server;
  const std::string content = patterned(100'000);
  const std::string bytes = client::request_bytes(multipart_request(single_upload(content)));
  raw_connection c = server.connect();
  ASSERT_FALSE(c.send(std::string_view(bytes).substr(0, bytes.size() / 2)));
  std::this_thread::sleep_for(50ms);
  auto stopping = std::async(std::launch::async, [&server] { server.stop(); });
  std::this_thread::sleep_for(100ms);
  ASSERT_FALSE(c.send(std::string_view(bytes).substr(bytes.size() / 2)));
  http_response res;
  ASSERT_FALSE(c.read_response(res));
  expect_single(res, content);
  EXPECT_FALSE(res.keep_alive) << "a stopping server says so";
  EXPECT_EQ(stopping.wait_for(3s), std::future_status::ready);
}

TEST(Stop, GraceEndsAStalledRequest) {
  server_options options = quiet_options();
  options.shutdown_grace = 200ms;
  auto server = std::make_unique<served>(options);
  const std::string bytes = client::request_bytes(multipart_request(single_upload("0123456789")));
  raw_connection c = server->connect();
  ASSERT_FALSE(c.send(std::string_view(bytes).substr(0, bytes.size() / 2)));
  std::this_thread::sleep_for(50ms);
  const auto started = std::chrono::steady_clock::now();
  server->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  server.reset();  // the stalled connection goes with the server
  EXPECT_TRUE(c.closed_by_peer(1s));
}

}  // namespace
}  // namespace upspec::serve::testing

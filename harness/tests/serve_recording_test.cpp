// The reference server's recording mode (server_options::record), which `upspec clients` judges
// from: every request whole, even one the server refuses before its body has ended.

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "serve_test_support.hpp"

namespace upspec::serve {
namespace {

using namespace upspec::serve::testing;

// What the server recorded, collected from its threads.
struct recordings {
  std::mutex mutex;
  std::vector<recorded_request> got;

  server_options options() {
    server_options o = quiet_options();
    o.record = [this](recorded_request r) {
      std::lock_guard lock(mutex);
      got.push_back(std::move(r));
    };
    return o;
  }
};

TEST(ServeRecording, ARefusalKnownEarlyStillRecordsTheWholeChunkedBody) {
  recordings rec;
  served server(rec.options());
  // map before operations is refused as soon as the map arrives; the file follows it.
  const std::string file(200 * 1024, 'x');
  const auto e = encoder::encode_request(json::parse(R"({"query":"{ ping }"})"),
                                         {{"0", {"variables.f"}, "a.txt", "text/plain", file}}, {},
                                         encoder::part_order::map_first);
  auto request = multipart_request(e, framing::chunked);
  request.target = "/graphql?scenario=x.y";
  request.headers.emplace_back("X-Extra", "kept");
  const auto answer = server.exchange(request);
  EXPECT_EQ(answer.status, 400);
  std::lock_guard lock(rec.mutex);
  ASSERT_EQ(rec.got.size(), 1u);
  const recorded_request& r = rec.got.front();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/graphql?scenario=x.y");
  EXPECT_TRUE(r.chunked);
  EXPECT_FALSE(r.content_length.has_value());
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.body, e.body);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.reply.find("map.misordered"), std::string::npos);
  bool extra = false;
  for (const auto& [k, v] : r.headers) extra = extra || (k == "X-Extra" && v == "kept");
  EXPECT_TRUE(extra);
}

TEST(ServeRecording, RequestsOnOneConnectionAreNumbered) {
  recordings rec;
  served server(rec.options());
  auto c = server.connect();
  const auto e = encoder::encode_request(json::parse(R"({"query":"{ ping }"})"), {});
  EXPECT_EQ(served::send_and_read(c, multipart_request(e)).status, 200);
  EXPECT_EQ(served::send_and_read(c, json_request(json::parse(R"({"query":"{ ping }"})"))).status,
            200);
  std::lock_guard lock(rec.mutex);
  ASSERT_EQ(rec.got.size(), 2u);
  EXPECT_EQ(rec.got[0].connection, rec.got[1].connection);
  EXPECT_EQ(rec.got[0].on_connection, 0u);
  EXPECT_EQ(rec.got[1].on_connection, 1u);
  EXPECT_EQ(rec.got[0].content_length, e.body.size());
  EXPECT_EQ(rec.got[0].body, e.body);
}

TEST(ServeRecording, ABodyCutShortIsRecordedIncomplete) {
  recordings rec;
  served server(rec.options());
  auto c = server.connect();
  const auto e = encoder::encode_request(json::parse(R"({"query":"{ ping }"})"), {});
  const auto request = multipart_request(e);
  const std::string bytes = client::request_bytes(request);
  EXPECT_FALSE(c.send(bytes.substr(0, bytes.size() - 10)));
  c.close();
  for (int i = 0; i < 200; ++i) {
    {
      std::lock_guard lock(rec.mutex);
      if (!rec.got.empty()) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::lock_guard lock(rec.mutex);
  ASSERT_EQ(rec.got.size(), 1u);
  EXPECT_FALSE(rec.got.front().complete);
  EXPECT_EQ(rec.got.front().status, 0);
  EXPECT_EQ(rec.got.front().body, e.body.substr(0, e.body.size() - 10));
}

TEST(ServeRecording, WithoutARecorderARefusalStillAnswersEarly) {
  served server;  // the default: no recording, the early answer of docs/serve.md
  const std::string file(200 * 1024, 'x');
  const auto e = encoder::encode_request(json::parse(R"({"query":"{ ping }"})"),
                                         {{"0", {"variables.f"}, "a.txt", "text/plain", file}}, {},
                                         encoder::part_order::map_first);
  const auto answer = server.exchange(multipart_request(e, framing::chunked));
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.header("Connection").value_or(""), "close");
}

}  // namespace
}  // namespace upspec::serve

// The harness against servers that misbehave: silent, garbage, huge, dribbling, closing.
// Each is the server's fault, so FAIL with what went wrong, within the timeout and never hung;
// only a target that cannot be reached at all is ERROR (upspec could not judge).

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "corpus/corpus_store.hpp"
#include "corpus/reference_answer.hpp"
#include "hostile_server.hpp"
#include "run/runner.hpp"
#include "run/session.hpp"

namespace upspec::run {
namespace {

using namespace upspec::testing;

const corpus::test_case& a_case() {
  static const corpus::test_case c = [] {
    auto loaded =
        corpus::load_corpus(std::filesystem::path(UPSPEC_SOURCE_DIR) / "corpus" / "cases");
    for (const auto& k : std::get<std::vector<corpus::test_case>>(loaded))
      if (k.id == "spec-examples.single-file") return k;
    return corpus::test_case{};
  }();
  return c;
}

case_result play(const hostile_server& server) {
  target t;
  t.name = "hostile";
  t.url = server.url();
  run_options o;
  o.timeout = std::chrono::milliseconds(500);
  o.canary = false;
  return run_target(t, {a_case()}, o, {}).results.at(0);
}

struct timed {
  case_result r;
  double seconds;
};

timed timed_play(const hostile_server& server) {
  (void)a_case();  // loading the corpus is not what is timed (slow under sanitizers)
  const auto t0 = std::chrono::steady_clock::now();
  auto r = play(server);
  return {std::move(r),
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};
}

bool has(const case_result& r, problem p) {
  return std::find(r.j.problems.begin(), r.j.problems.end(), p) != r.j.problems.end();
}

TEST(HostileTarget, SilentServerIsAHangWithinTheTimeout) {
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    std::this_thread::sleep_for(std::chrono::seconds(3));
  });
  const auto t = timed_play(s);
  EXPECT_EQ(t.r.j.verdict, corpus::verdict::fail);
  EXPECT_TRUE(has(t.r, problem::hang));
  EXPECT_NE(t.r.j.findings.at(0).find("hang"), std::string::npos) << t.r.j.findings.at(0);
  EXPECT_LT(t.seconds, 3.0);
}

TEST(HostileTarget, AHangAfterWhichTheCanaryGetsNoAnswerStoppedTheWholeServer) {
  // Answers the first request (the canary the harness checks before any case) as the reference
  // does, then nothing more.
  const serve::reply good = corpus::reference_reply(canary_case());
  std::atomic<int> connections{0};
  hostile_server s([&](tcp::socket& sock) {
    read_some(sock);
    if (connections++ == 0) {
      net::write(sock, net::buffer(json_answer(good.status, good.body)));
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
  });
  target t;
  t.name = "hangs";
  t.url = s.url();
  run_options o;
  o.timeout = std::chrono::milliseconds(200);
  const auto run = run_target(t, {a_case()}, o, {});
  const auto& r = run.results.at(0);
  EXPECT_EQ(r.j.verdict, corpus::verdict::fail);
  EXPECT_EQ(primary(r.j.problems), problem::hang);
  EXPECT_NE(r.j.findings.back().find("whole server stopped answering"), std::string::npos)
      << r.j.findings.back();
  EXPECT_FALSE(r.poisoned);
}

TEST(HostileTarget, ATargetThatRefusesTheCanaryItselfIsNotCalledPoisoned) {
  // What a CSRF check does to every upload without its header.
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    const std::string body = R"({"errors":[{"message":"blocked"}]})";
    net::write(sock, net::buffer("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
                                 "Connection: close\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\n\r\n" + body));
  });
  target t;
  t.name = "blocks-uploads";
  t.url = s.url();
  run_options o;
  o.timeout = std::chrono::milliseconds(1000);
  const auto run = run_target(t, {a_case()}, o, {});
  EXPECT_NE(run.note.find("canary"), std::string::npos);
  EXPECT_FALSE(run.results.at(0).poisoned);
  EXPECT_EQ(run.results.at(0).j.verdict, corpus::verdict::fail);  // 400 where 200 is owed
}

TEST(HostileTarget, ClosingServerDropsTheRequest) {
  hostile_server s([](tcp::socket& sock) { sock.close(); });
  const auto r = play(s);
  EXPECT_EQ(r.j.verdict, corpus::verdict::fail);
  EXPECT_TRUE(has(r, problem::dropped));
}

TEST(HostileTarget, GarbageIsAFail) {
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    net::write(sock, net::buffer(std::string("SMTP READY\r\n\r\n\x01\x02garbage")));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  });
  const auto r = play(s);
  EXPECT_EQ(r.j.verdict, corpus::verdict::fail);
  EXPECT_TRUE(has(r, problem::garbage));
}

TEST(HostileTarget, HugeAnnouncedBodyIsRefusedQuickly) {
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    net::write(sock,
               net::buffer(std::string("HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n{")));
    std::this_thread::sleep_for(std::chrono::seconds(2));
  });
  const auto t = timed_play(s);
  EXPECT_EQ(t.r.j.verdict, corpus::verdict::fail);
  EXPECT_TRUE(has(t.r, problem::garbage));
  EXPECT_LT(t.seconds, 1.5);
}

TEST(HostileTarget, DribblingServerIsCutAtTheTimeout) {
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    const std::string answer =
        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + std::string(100, 'x');
    for (char c : answer) {
      boost::system::error_code ec;
      net::write(sock, net::buffer(&c, 1), ec);
      if (ec) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  const auto t = timed_play(s);
  EXPECT_EQ(t.r.j.verdict, corpus::verdict::fail);
  EXPECT_TRUE(has(t.r, problem::hang));
  EXPECT_LT(t.seconds, 3.0);
}

TEST(HostileTarget, ServerErrorIsAFail) {
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    net::write(sock, net::buffer(std::string(
                         "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops!")));
  });
  const auto r = play(s);
  EXPECT_EQ(r.j.verdict, corpus::verdict::fail);
}

TEST(HostileTarget, RefusedConnectionIsAnError) {
  std::string url;
  {
    hostile_server s([](tcp::socket&) {});
    url = s.url();
  }
  target t;
  t.name = "gone";
  t.url = url;
  run_options o;
  o.timeout = std::chrono::milliseconds(500);
  o.canary = false;
  const auto run = run_target(t, {a_case()}, o, {});
  EXPECT_EQ(run.results.at(0).j.verdict, corpus::verdict::error);
  EXPECT_FALSE(run.answered);
  EXPECT_NE(run.first_silence.find("cannot connect"), std::string::npos) << run.first_silence;

  // A case that owes no answer cannot pass against a target that never accepted it either.
  corpus::test_case aborted = a_case();
  aborted.request.how = {corpus::transport_mode::abort, 0, 0, 10};
  aborted.expect = {};
  aborted.expect.status = 0;
  EXPECT_EQ(run_target(t, {aborted}, o, {}).results.at(0).j.verdict, corpus::verdict::error);
}

}  // namespace
}  // namespace upspec::run

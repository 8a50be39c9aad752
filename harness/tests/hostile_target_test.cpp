// The harness against servers that misbehave: silent, garbage, huge, dribbling, closing.
// Each case must end as ERROR (or FAIL for a 5xx) within the timeout, and never hang.

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include "corpus/corpus_store.hpp"
#include "run/runner.hpp"

namespace upspec::run {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// A loopback server that treats every connection with `behave`.
class hostile_server {
 public:
  explicit hostile_server(std::function<void(tcp::socket&)> behave)
      : acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        behave_(std::move(behave)) {
    thread_ = std::thread([this] {
      while (!stop_) {
        tcp::socket s(ioc_);
        boost::system::error_code ec;
        acceptor_.accept(s, ec);
        if (ec || stop_) break;
        // One connection at a time: the harness opens one per case, and nothing may outlive
        // the server.
        try {
          behave_(s);
        } catch (...) {
        }
      }
    });
  }
  ~hostile_server() {
    stop_ = true;
    boost::system::error_code ec;
    tcp::socket poke(ioc_);
    poke.connect(acceptor_.local_endpoint(), ec);  // wakes the blocking accept
    thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/graphql";
  }

 private:
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::function<void(tcp::socket&)> behave_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

void read_some(tcp::socket& s) {
  char buf[4096];
  boost::system::error_code ec;
  s.read_some(net::buffer(buf), ec);
}

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

TEST(HostileTarget, SilentServerIsAnErrorWithinTheTimeout) {
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    std::this_thread::sleep_for(std::chrono::seconds(3));
  });
  const auto t = timed_play(s);
  EXPECT_EQ(t.r.j.verdict, corpus::verdict::error);
  EXPECT_LT(t.seconds, 3.0);
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

TEST(HostileTarget, ClosingServerIsAnError) {
  hostile_server s([](tcp::socket& sock) { sock.close(); });
  EXPECT_EQ(play(s).j.verdict, corpus::verdict::error);
}

TEST(HostileTarget, GarbageIsAnError) {
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    net::write(sock, net::buffer(std::string("SMTP READY\r\n\r\n\x01\x02garbage")));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  });
  EXPECT_EQ(play(s).j.verdict, corpus::verdict::error);
}

TEST(HostileTarget, HugeAnnouncedBodyIsRefusedQuickly) {
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    net::write(sock,
               net::buffer(std::string("HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n{")));
    std::this_thread::sleep_for(std::chrono::seconds(2));
  });
  const auto t = timed_play(s);
  EXPECT_EQ(t.r.j.verdict, corpus::verdict::error);
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
  EXPECT_EQ(t.r.j.verdict, corpus::verdict::error);
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
  EXPECT_EQ(run_target(t, {a_case()}, o, {}).results.at(0).j.verdict, corpus::verdict::error);
}

}  // namespace
}  // namespace upspec::run

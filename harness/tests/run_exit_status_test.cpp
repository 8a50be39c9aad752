// `upspec run`'s exit status and first line, as a CI job sees them (docs/run.md): 0 nothing
// failed, 1 a FAIL (NON-STRICT too with --strict), 2 the run could not happen, 3 an ERROR unless
// --allow-errors; the highest wins.

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "hostile_server.hpp"
#include "shell_run.hpp"

namespace run_exit_status_test {

using namespace upspec::testing;

finished upspec_run(const std::string& args) {
  static int n = 0;
  const auto report = std::filesystem::temp_directory_path() /
                      ("upspec-exit-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  finished f = shell_run(std::string(UPSPEC_BINARY) + " run --corpus " + UPSPEC_SOURCE_DIR +
                         "/corpus/cases --report " + report.string() + " " + args + " 2>/dev/null");
  std::filesystem::remove_all(report);
  return f;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

const std::string kOne = "--select spec-examples.single-file --timeout 0.3 ";

// Answers every request with `answer`.
hostile_server answering(std::string answer) {
  return hostile_server([answer](tcp::socket& sock) {
    read_some(sock);
    boost::system::error_code ec;
    net::write(sock, net::buffer(answer), ec);
  });
}

TEST(RunExitStatus, AllPassIsZero) {
  EXPECT_EQ(upspec_run("--select 'spec-examples.*'").status, 0);
}

TEST(RunExitStatus, UnreachableTargetIsThreeAndSaysSoFirst) {
  const auto r = upspec_run(kOne + "--target http://127.0.0.1:1/graphql");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(first_line(r.out).find("never answered"), std::string::npos) << r.out;
  EXPECT_EQ(upspec_run(kOne + "--allow-errors --target http://127.0.0.1:1/graphql").status, 0);
}

TEST(RunExitStatus, AFailIsOne) {
  hostile_server s = answering(json_answer(400, R"({"errors":[{"message":"no"}]})"));
  EXPECT_EQ(upspec_run(kOne + "--no-canary --target " + s.url()).status, 1);
}

TEST(RunExitStatus, OnlyNonStrictIsZeroUnlessStrict) {
  // A 400 where 415 is owed: refused as it must be, with another status (a SHOULD).
  hostile_server s = answering(json_answer(400, R"({"errors":[{"message":"no"}]})"));
  const std::string args = "--select content-type.text-plain --no-canary --target " + s.url();
  const auto loose = upspec_run(args);
  EXPECT_NE(loose.out.find("NON-STRICT 1"), std::string::npos) << loose.out;
  EXPECT_EQ(loose.status, 0);
  EXPECT_EQ(upspec_run("--strict " + args).status, 1);
}

TEST(RunExitStatus, EveryHostileModeIsOneAndSaysTheTargetNeverAnswered) {
  const std::vector<std::pair<std::string, std::function<void(tcp::socket&)>>> modes = {
      {"closes at once", [](tcp::socket& sock) { sock.close(); }},
      {"garbage",
       [](tcp::socket& sock) {
         read_some(sock);
         boost::system::error_code ec;
         net::write(sock, net::buffer(std::string("SMTP READY\r\n\r\n\x01garbage")), ec);
       }},
      {"huge",
       [](tcp::socket& sock) {
         read_some(sock);
         boost::system::error_code ec;
         net::write(sock,
                    net::buffer(std::string("HTTP/1.1 200 OK\r\nContent-Length: "
                                            "99999999999\r\n\r\n{")),
                    ec);
       }},
      {"silent",
       [](tcp::socket& sock) {
         read_some(sock);
         std::this_thread::sleep_for(std::chrono::milliseconds(400));
       }},
  };
  for (const auto& [name, behave] : modes) {
    hostile_server s(behave);
    const auto r = upspec_run(kOne + "--target " + s.url());
    EXPECT_EQ(r.status, 1) << name << "\n" << r.out;
    EXPECT_NE(first_line(r.out).find("never answered"), std::string::npos) << name << r.out;
  }
}

TEST(RunExitStatus, AHangingTargetIsOne) {
  hostile_server s([](tcp::socket& sock) {
    read_some(sock);
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
  });
  const auto r = upspec_run(kOne + "--no-canary --target " + s.url());
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("FAIL 1"), std::string::npos) << r.out;
}

TEST(RunExitStatus, ARunThatCannotHappenIsTwo) {
  EXPECT_EQ(upspec_run("--select no-such-case").status, 2);
  EXPECT_EQ(upspec_run("--target ftp://127.0.0.1/x").status, 2);
}

TEST(RunExitStatus, ErrorWinsOverFail) {
  hostile_server s = answering(json_answer(400, R"({"errors":[{"message":"no"}]})"));
  const auto r =
      upspec_run(kOne + "--no-canary --target " + s.url() + " --target http://127.0.0.1:1/graphql");
  EXPECT_EQ(r.status, 3) << r.out;
}

}  // namespace run_exit_status_test

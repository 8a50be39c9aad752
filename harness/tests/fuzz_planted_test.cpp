// `upspec fuzz` against a server with planted bugs (tests/planted/planted_server.cpp), started,
// restarted and stopped by the harness as any target of a targets folder: from a fixed seed and
// within a bounded number of requests, each bug is found, confirmed, and shrunk to a request of
// a few hundred bytes; with no bug switched on, nothing is found.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "shell_run.hpp"
#include "upspec/request/json_field.hpp"

namespace fuzz_planted_test {

namespace fs = std::filesystem;
using upspec::request::json;
using upspec::testing::shell_run;

// Bytes of a minimal request's body that count as "a few hundred".
constexpr std::size_t kSmall = 600;

struct campaign {
  int status = -1;
  std::string out;
  json findings;
};

class FuzzPlanted : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("upspec-planted-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "targets");
  }
  void TearDown() override { fs::remove_all(root_); }

  // A target running the planted server with these bugs.
  void add_target(const std::string& name, const std::string& bugs) {
    const fs::path dir = root_ / "targets" / name;
    fs::create_directories(dir);
    std::ofstream(dir / "target.json")
        << R"({"name": ")" << name << R"(", "implementation": "planted bugs", "version": "1",)"
        << R"( "language": "C++", "start": ")" << UPSPEC_PLANTED_SERVER
        << R"( --host $HOST --port $PORT --slow-cap-ms 400 )" << bugs << R"(",)"
        << R"( "url": "http://127.0.0.1:{port}/graphql", "upspec_codes": true})";
  }

  // `upspec fuzz ARGS`, and the findings.json it wrote to `out`.
  static campaign fuzz_with(const std::string& args, const fs::path& out) {
    auto f = shell_run(std::string(UPSPEC_BINARY) + " fuzz " + args + " --out " + out.string() +
                       " 2>&1");
    std::ifstream in(out / "findings.json");
    return {f.status, std::move(f.out), json::parse(in, nullptr, false)};
  }

  campaign fuzz(const std::string& name, const std::string& args) {
    return fuzz_with(
        "--targets " + (root_ / "targets").string() + " --only " + name + " --no-known " + args,
        root_ / ("out-" + name));
  }

  // The campaign against `bug` finds it: a finding of `kind` confirmed when sent alone and
  // shrunk to a few hundred bytes, each finding written as a corpus case. On a loaded machine
  // (sanitizers, parallel tests) a request may also be slow once by chance: such a finding is
  // kept unconfirmed, as the campaign keeps it, and does not count.
  void expect_found(const std::string& bug, const std::string& kind, const std::string& args) {
    add_target("planted-" + bug, "--bug " + bug);
    const campaign c = fuzz("planted-" + bug, args);
    EXPECT_EQ(c.status, 1) << c.out;
    ASSERT_TRUE(c.findings.is_object()) << c.out;
    bool found = false;
    for (const auto& f : c.findings["findings"]) {
      if (f.value("kind", "") != kind) continue;
      EXPECT_LE(f.value("shrink_requests", std::size_t{0}), 301u);
      EXPECT_TRUE(fs::exists(root_ / ("out-planted-" + bug) / f.value("case", "")));
      if (!f.value("confirmed", false)) continue;
      found = found || f.value("minimal_bytes", kSmall + 1) <= kSmall;
    }
    EXPECT_TRUE(found) << "no confirmed " << kind << " finding of at most " << kSmall
                       << " bytes against " << bug << "\n"
                       << c.out;
  }

  fs::path root_;
};

TEST_F(FuzzPlanted, NoBugNoFinding) {
  add_target("planted-none", "");
  const campaign c = fuzz("planted-none", "--seed 7 --requests 3000 -j 2 --timeout 2");
  EXPECT_EQ(c.status, 0) << c.out;
  ASSERT_TRUE(c.findings.is_object()) << c.out;
  EXPECT_TRUE(c.findings["findings"].empty()) << c.findings["findings"].dump(1);
}

TEST_F(FuzzPlanted, ATargetThatNeverAnswersCannotBeFuzzed) {
  const campaign c = fuzz_with("--target http://127.0.0.1:1/graphql --time 30 --no-known",
                               root_ / "out-unreachable");
  EXPECT_EQ(c.status, 2) << c.out;
  EXPECT_NE(c.out.find("never answered"), std::string::npos) << c.out;
}

TEST_F(FuzzPlanted, SeveralTargetsGetEveryRequestAndOnlyTheBuggyOneDiverges) {
  add_target("planted-clean", "");
  add_target("planted-folded", "--bug 500-folded");
  const fs::path out = root_ / "out-both";
  const campaign c = fuzz_with("--targets " + (root_ / "targets").string() +
                                   " --only planted-clean --only planted-folded --seed 7 "
                                   "--requests 300 --timeout 2 --no-known",
                               out);
  EXPECT_EQ(c.status, 1) << c.out;
  const json& doc = c.findings;
  ASSERT_TRUE(doc.is_object()) << c.out;
  ASSERT_EQ(doc["targets"].size(), 2u);
  EXPECT_EQ(doc["targets"][0]["requests"], doc["targets"][1]["requests"]);
  ASSERT_FALSE(doc["findings"].empty());
  for (const auto& f : doc["findings"]) EXPECT_EQ(f["target"], "planted-folded") << f.dump(1);
  std::ifstream md(out / "findings.md");
  const std::string report((std::istreambuf_iterator<char>(md)), std::istreambuf_iterator<char>());
  EXPECT_NE(report.find("Who diverges from the reference on what"), std::string::npos);
}

TEST_F(FuzzPlanted, ShardsAreCheckedAndMerge) {
  const auto run = [&](const std::string& args) {
    return shell_run(std::string(UPSPEC_BINARY) + " fuzz " + args + " 2>&1").status;
  };
  EXPECT_EQ(run("--shard 2/2 --requests 1 --no-known"), 2);
  EXPECT_EQ(run("--shard x --requests 1 --no-known"), 2);
  const std::string a = (root_ / "shard-a").string(), b = (root_ / "shard-b").string();
  EXPECT_EQ(run("--shard 0/2 --requests 40 --no-known --out " + a), 0);
  EXPECT_EQ(run("--shard 1/2 --requests 40 --no-known --out " + b), 0);
  EXPECT_EQ(run("merge " + a + " " + b + " --out " + (root_ / "merged").string()), 0);
  std::ifstream in(root_ / "merged" / "findings.json");
  const json doc = json::parse(in, nullptr, false);
  ASSERT_TRUE(doc.is_object());
  ASSERT_EQ(doc["campaigns"].size(), 2u);
  EXPECT_EQ(doc["campaigns"][0]["shard"], "0/2");
  EXPECT_EQ(doc["campaigns"][1]["shard"], "1/2");
  EXPECT_EQ(doc["targets"][0]["requests"], 80);
}

TEST_F(FuzzPlanted, PoisoningPathSetter) {
  expect_found("poison", "poison", "--seed 7 --requests 800 --timeout 2");
}

TEST_F(FuzzPlanted, CrashOnOneHeaderShape) {
  expect_found("crash-header", "exit", "--seed 7 --requests 300 --timeout 2");
}

TEST_F(FuzzPlanted, HangOnOneBoundaryLength) {
  expect_found("hang-boundary", "hang", "--seed 7 --requests 400 --timeout 0.3");
}

TEST_F(FuzzPlanted, CorruptionOnOneContentPattern) {
  expect_found("corrupt-cr", "corruption", "--seed 7 --requests 500 --timeout 2");
}

TEST_F(FuzzPlanted, ServerErrorOnOneDispositionForm) {
  expect_found("500-folded", "5xx", "--seed 7 --requests 300 --timeout 2");
}

TEST_F(FuzzPlanted, SlowdownGrowingWithOneInputsSize) {
  expect_found("slow-filename", "slow", "--seed 7 --requests 2500 --timeout 2 --slow-after 200");
}

}  // namespace fuzz_planted_test

// Targets the harness installs, starts, restarts and stops itself (docs/targets.md).

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "client/raw_connection.hpp"
#include "corpus/corpus_store.hpp"
#include "targets/child_process.hpp"
#include "targets/managed_run.hpp"
#include "targets/target_definition.hpp"

namespace upspec::targets {
namespace {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

// A fresh folder of targets under the test's temporary directory.
class ManagedTargets : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("upspec-targets-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path add_target(const std::string& name, const std::string& fields) {
    const auto dir = root_ / "targets" / name;
    write_file(
        dir / "target.json",
        R"({"name": ")" + name + R"(", "url": "http://127.0.0.1:{port}/graphql", )" + fields + "}");
    return dir;
  }

  target_definition load(const std::string& name) {
    auto d = load_target_definition(root_ / "targets" / name);
    if (auto* why = std::get_if<std::string>(&d)) ADD_FAILURE() << *why;
    return std::get<target_definition>(d);
  }

  static std::vector<corpus::test_case> cases(const std::string& prefix) {
    auto all = corpus::load_corpus(fs::path(UPSPEC_SOURCE_DIR) / "corpus" / "cases");
    std::vector<corpus::test_case> out;
    for (auto& c : std::get<std::vector<corpus::test_case>>(all))
      if (c.id.rfind(prefix, 0) == 0) out.push_back(std::move(c));
    return out;
  }

  run::target_run run(const std::string& name, const std::vector<corpus::test_case>& cs,
                      bool canary = true) {
    run::run_options o;
    o.timeout = std::chrono::seconds(5);
    o.canary = canary;
    return run_managed_target(load(name), log(name), {}, cs, o, nullptr, [](const auto&) {});
  }

  fs::path log(const std::string& name) const { return root_ / "logs" / (name + ".log"); }

  fs::path root_;
};

const std::string kServe =
    std::string(R"("start": ")") + UPSPEC_BINARY + R"( serve --quiet --port $PORT --host $HOST")";

TEST_F(ManagedTargets, ReadsTargetJsonAndPlacesThePort) {
  add_target("a", kServe + R"(, "requires": ["sh"], "install": "true", "installed": "x",
      "lockfiles": ["lock"], "ready": {"method": "GET", "body": null, "status": 400,
      "timeout_seconds": 7}, "limits": {"max_field_size": null, "max_request_size": 100},
      "language": "C++", "unsupported": ["batching"])");
  const auto d = load("a");
  EXPECT_EQ(d.required_commands, std::vector<std::string>{"sh"});
  EXPECT_EQ(d.ready.method, "GET");
  EXPECT_EQ(d.ready.body, "");
  EXPECT_EQ(d.ready.status, 400);
  EXPECT_EQ(d.ready.timeout, std::chrono::seconds(7));
  EXPECT_EQ(d.target.language, "C++");
  EXPECT_EQ(d.target.limits.max_field_size, std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(d.target.max_request_size, 100u);
  EXPECT_TRUE(d.target.traits.unsupported_fields.count("batching"));
  EXPECT_EQ(url_on_port(d.target.url, 4321), "http://127.0.0.1:4321/graphql");
  EXPECT_EQ(url_on_port("http://127.0.0.1:4001/graphql", 9), "http://127.0.0.1:9/graphql");
  EXPECT_EQ(url_on_port("http://[::1]/x", 9), "http://[::1]:9/x");
}

TEST_F(ManagedTargets, RefusesIncompleteDefinitionsAndUnknownNames) {
  add_target("no-start", R"("install": "true", "installed": "x")");
  EXPECT_TRUE(
      std::holds_alternative<std::string>(load_target_definition(root_ / "targets" / "no-start")));
  add_target("no-marker", kServe + R"(, "install": "true")");
  const auto d = load_target_definition(root_ / "targets" / "no-marker");
  ASSERT_TRUE(std::holds_alternative<std::string>(d));
  EXPECT_NE(std::get<std::string>(d).find("installed"), std::string::npos);
  add_target("fine", kServe);
  const auto some = load_target_directory(root_ / "targets", {"fine", "absent"});
  ASSERT_TRUE(std::holds_alternative<std::string>(some));
  EXPECT_NE(std::get<std::string>(some).find("absent"), std::string::npos);
  const auto one = load_target_directory(root_ / "targets", {"fine"});
  ASSERT_TRUE(std::holds_alternative<std::vector<target_definition>>(one));
  EXPECT_EQ(std::get<std::vector<target_definition>>(one).size(), 1u);
}

TEST_F(ManagedTargets, InstallsStartsRunsAndStops) {
  const auto dir = add_target("ref", kServe + R"(, "install": "echo installing-now && touch marker",
      "installed": "marker", "lockfiles": ["lock"])");
  write_file(dir / "lock", "v1");
  const auto cs = cases("spec-examples.single");
  ASSERT_FALSE(cs.empty());
  auto out = run("ref", cs);
  for (const auto& r : out.results) EXPECT_EQ(r.j.verdict, corpus::verdict::pass);
  EXPECT_EQ(out.url, "http://127.0.0.1:{port}/graphql");
  const std::string first_log = read_file(log("ref"));
  EXPECT_NE(first_log.find("installing-now"), std::string::npos);
  EXPECT_NE(first_log.find("ready at"), std::string::npos);
  EXPECT_NE(first_log.find("stopped"), std::string::npos);

  // Installed and up to date: no second install. Then a newer lockfile asks for one.
  out = run("ref", cs);
  EXPECT_EQ(read_file(log("ref")).find("installing-now"), std::string::npos);
  fs::last_write_time(dir / "lock", fs::file_time_type::clock::now() + std::chrono::hours(1));
  out = run("ref", cs);
  EXPECT_NE(read_file(log("ref")).find("lock is newer"), std::string::npos);
  for (const auto& r : out.results) EXPECT_EQ(r.j.verdict, corpus::verdict::pass);
}

TEST_F(ManagedTargets, ATargetThatCannotComeUpIsErrorWithItsLog) {
  add_target("missing-tool", kServe + R"(, "requires": ["upspec-no-such-command"])");
  add_target("bad-install",
             kServe + R"(, "install": "echo the-install-broke; exit 3", "installed": "never")");
  add_target("never-ready", R"("start": "sleep 30", "ready": {"timeout_seconds": 1})");
  add_target("dies-at-once", R"("start": "echo dying; exit 7")");
  const auto cs = cases("spec-examples.single");
  const std::map<std::string, std::string> why = {
      {"missing-tool", "needs 'upspec-no-such-command'"},
      {"bad-install", "exited with status 3"},
      {"never-ready", "not ready within 1 s"},
      {"dies-at-once", "exited with status 7 before it was ready"}};
  for (const auto& [name, reason] : why) {
    const auto started = clock_type::now();
    const auto out = run(name, cs);
    EXPECT_LT(clock_type::now() - started, std::chrono::seconds(10)) << name;
    ASSERT_EQ(out.results.size(), cs.size());
    for (const auto& r : out.results) {
      EXPECT_EQ(r.j.verdict, corpus::verdict::error) << name;
      EXPECT_NE(r.j.findings.at(0).find(reason), std::string::npos) << r.j.findings.at(0);
    }
    EXPECT_FALSE(out.log.empty()) << name;
  }
  EXPECT_NE(read_file(log("bad-install")).find("the-install-broke"), std::string::npos);
  EXPECT_NE(read_file(log("dies-at-once")).find("dying"), std::string::npos);
}

TEST_F(ManagedTargets, AServerThatDiesDuringACaseFailsItAndIsStartedAgain) {
  const auto dir = add_target("crashes", R"("start": "exec python3 crash.py")");
  fs::copy_file(fs::path(UPSPEC_SOURCE_DIR) / "harness/tests/data/crashing_target.py",
                dir / "crash.py");
  const auto cs = cases("spec-examples.");
  ASSERT_GE(cs.size(), 2u);
  const auto out = run("crashes", cs, /*canary=*/false);
  for (const auto& r : out.results) {
    if (r.j.verdict == corpus::verdict::unsupported) continue;
    EXPECT_EQ(r.j.verdict, corpus::verdict::fail);
    EXPECT_NE(r.j.findings.back().find("exited with status 3 during the case"), std::string::npos)
        << r.j.findings.back();
  }
  const std::string text = read_file(log("crashes"));
  EXPECT_NE(text.find("restarting"), std::string::npos);
  EXPECT_FALSE(out.log.empty());
}

TEST_F(ManagedTargets, AServerThatCrashesOnEveryCaseIsRestartedForEveryCase) {
  const auto dir = add_target("crashes-always", R"("start": "exec python3 crash.py")");
  fs::copy_file(fs::path(UPSPEC_SOURCE_DIR) / "harness/tests/data/crashing_target.py",
                dir / "crash.py");
  // More cases than the fixed cap on restarts there once was (25).
  std::vector<corpus::test_case> cs;
  const auto one = cases("spec-examples.single-file").at(0);
  for (int i = 0; i < 27; ++i) {
    cs.push_back(one);
    cs.back().id += "-" + std::to_string(i);
  }
  const auto out = run("crashes-always", cs, /*canary=*/false);
  for (const auto& r : out.results) {
    EXPECT_EQ(r.j.verdict, corpus::verdict::fail);
    EXPECT_EQ(run::primary(r.j.problems), run::problem::exited);
  }
  EXPECT_TRUE(out.note.empty()) << out.note;
}

TEST_F(ManagedTargets, AServerThatCannotStartAgainLeavesTheRestErrorSaidOnce) {
  // Starts once; every later start fails at once.
  const auto dir = add_target(
      "starts-once",
      R"("start": "if [ -e started ]; then echo cannot start again; exit 9; fi; touch started; exec python3 crash.py")");
  fs::copy_file(fs::path(UPSPEC_SOURCE_DIR) / "harness/tests/data/crashing_target.py",
                dir / "crash.py");
  const auto cs = cases("spec-examples.");
  ASSERT_GE(cs.size(), 3u);
  const auto out = run("starts-once", cs, /*canary=*/false);
  EXPECT_EQ(out.results.at(0).j.verdict, corpus::verdict::fail);  // it crashed during the first
  for (std::size_t i = 1; i < out.results.size(); ++i) {
    if (out.results[i].j.verdict == corpus::verdict::unsupported) continue;
    EXPECT_EQ(out.results[i].j.verdict, corpus::verdict::error) << i;
  }
  EXPECT_NE(out.note.find("could not be started again"), std::string::npos) << out.note;
  EXPECT_NE(read_file(log("starts-once")).find("cannot start again"), std::string::npos);
}

TEST(ChildProcess, SaysHowItEndedAndStopsItsWholeGroup) {
  child_process p;
  const auto log = fs::temp_directory_path() / ("upspec-child-" + std::to_string(::getpid()));
  ASSERT_FALSE(p.start("kill -SEGV $$", fs::temp_directory_path(), {}, log));
  for (int i = 0; i < 200 && !p.exited(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(p.exited());
  EXPECT_NE(p.exited()->find("signal 11"), std::string::npos) << *p.exited();

  // A shell that waits for a child of its own: stopping it must not leave the child behind.
  ASSERT_FALSE(p.start("sleep 60 & echo $! > child.pid; wait", fs::temp_directory_path(), {}, log));
  const auto pid_file = fs::temp_directory_path() / "child.pid";
  for (int i = 0; i < 200 && read_file(pid_file).empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const pid_t child = std::stoi(read_file(pid_file));
  const auto started = clock_type::now();
  p.stop(std::chrono::seconds(2));
  EXPECT_LT(clock_type::now() - started, std::chrono::seconds(3));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // Gone, or a zombie waiting for an init that may not reap it (containers).
  const std::string stat = read_file("/proc/" + std::to_string(child) + "/stat");
  const bool gone = ::kill(child, 0) != 0 || stat.find(") Z ") != std::string::npos;
  EXPECT_TRUE(gone) << "the group's other process survived: " << stat;
  fs::remove(pid_file);
  fs::remove(log);
}

TEST(ChildProcess, FindsCommandsOnPath) {
  EXPECT_TRUE(on_path("sh"));
  EXPECT_FALSE(on_path("upspec-no-such-command"));
}

}  // namespace
}  // namespace upspec::targets

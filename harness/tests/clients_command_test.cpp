// `upspec clients` end to end with upspec's own test client (harness/tests/clients): the correct
// one passes every scenario, and each client broken on purpose is judged FAIL with the finding
// of its break. Also the exit statuses a CI job sees.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kSource = UPSPEC_SOURCE_DIR;

struct clients_result {
  int status;
  json index;
};

fs::path fresh_dir(const std::string& what) {
  static int n = 0;
  const auto dir =
      fs::temp_directory_path() /
      ("upspec-clients-" + what + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::remove_all(dir);
  return dir;
}

clients_result upspec_clients(const std::string& args) {
  const auto report = fresh_dir("report");
  const std::string cmd = std::string(UPSPEC_BINARY) + " clients --scenarios " + kSource +
                          "/corpus/clients --report " + report.string() + " " + args +
                          " >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  clients_result f{WEXITSTATUS(status), json()};
  if (std::ifstream in(report / "index.json"); in) f.index = json::parse(in);
  fs::remove_all(report);
  return f;
}

// Every result of one client, by scenario id.
std::map<std::string, json> results_of(const json& index, const std::string& client) {
  std::map<std::string, json> out;
  for (const auto& r : index["results"])
    if (r["target"] == client) out[r["case"].get<std::string>()] = r;
  return out;
}

bool has_finding(const json& result, const std::string& prefix) {
  for (const auto& f : result["findings"])
    if (f.get<std::string>().rfind(prefix, 0) == 0) return true;
  return false;
}

void expect_correct_passes_everything(const json& index) {
  const auto results = results_of(index, "stdlib-correct");
  ASSERT_GE(results.size(), 30u);
  for (const auto& [id, r] : results)
    EXPECT_EQ(r["verdict"], "PASS") << id << ": " << r["findings"].dump();
}

void expect_unescaped_quote_fails(const json& index) {
  const auto results = results_of(index, "stdlib-unescaped-quote");
  for (const char* id : {"names.double-quote", "names.parameter-injection",
                         "names.semicolon-equals", "names.header-injection"}) {
    EXPECT_EQ(results.at(id)["verdict"], "FAIL") << id;
    EXPECT_TRUE(has_finding(results.at(id), "filename-escaping (MUST)")) << id;
  }
  // Names without a quote are sent as the correct client sends them.
  EXPECT_EQ(results.at("names.non-ascii")["verdict"], "PASS");
  EXPECT_EQ(results.at("basics.single-file")["verdict"], "PASS");
}

// A break that touches every request: every scenario is FAIL with the break's finding.
void expect_everywhere(const json& index, const std::string& client, const std::string& finding) {
  const auto results = results_of(index, client);
  ASSERT_FALSE(results.empty()) << client;
  for (const auto& [id, r] : results) {
    EXPECT_EQ(r["verdict"], "FAIL") << client << " " << id;
    EXPECT_TRUE(has_finding(r, finding)) << client << " " << id << ": " << r["findings"].dump();
  }
}

void expect_report_shape(const json& index) {
  EXPECT_EQ(index["schema"], "upspec-report/1");
  for (const auto& c : index["cases"]) {
    EXPECT_EQ(c["expected"]["summary"].get<std::string>().rfind("200:", 0), 0u) << c["id"];
    EXPECT_NE(c["request"]["preview"].get<std::string>().find("multipart/form-data"),
              std::string::npos);
  }
  for (const auto& r : index["results"]) {
    if (r["verdict"] != "PASS") continue;
    EXPECT_NE(r["wire"].get<std::string>().find("POST /graphql?scenario="), std::string::npos);
  }
}

// One run of the five test clients (each test of a ctest run is a process of its own, and the
// run is the slow part), judged from every side.
TEST(ClientsCommand, EachTestClientIsJudgedByItsBreak) {
  const auto f = upspec_clients("--clients " + kSource + "/harness/tests/clients");
  EXPECT_EQ(f.status, 1);
  ASSERT_TRUE(f.index.is_object());
  EXPECT_EQ(f.index["targets"].size(), 5u);
  {
    SCOPED_TRACE("a correct client passes every scenario");
    expect_correct_passes_everything(f.index);
  }
  {
    SCOPED_TRACE("an unescaped quote in a file name");
    expect_unescaped_quote_fails(f.index);
  }
  {
    SCOPED_TRACE("map before operations");
    expect_everywhere(f.index, "stdlib-map-first",
                      "field-order (MUST): map is sent before operations");
  }
  {
    SCOPED_TRACE("a missing placeholder");
    expect_everywhere(f.index, "stdlib-missing-placeholder", "null-placeholders (MUST)");
  }
  {
    SCOPED_TRACE("a duplicated file part");
    expect_everywhere(f.index, "stdlib-duplicate-part", "file-fields-once (MUST)");
  }
  {
    SCOPED_TRACE("the report");
    expect_report_shape(f.index);
  }
}

TEST(ClientsCommandExit, OnlyTheCorrectClientIsZero) {
  const auto f =
      upspec_clients("--clients " + kSource + "/harness/tests/clients/correct --select 'basics.*'");
  EXPECT_EQ(f.status, 0);
}

TEST(ClientsCommandExit, NoAdapterIsTwo) {
  EXPECT_EQ(upspec_clients("--clients /nonexistent").status, 2);
  EXPECT_EQ(
      upspec_clients("--clients " + kSource + "/harness/tests/clients --select 'nothing.*'").status,
      2);
}

TEST(ClientsCommandExit, AnAdapterThatCannotRunIsThreeUnlessErrorsAreAllowed) {
  const auto dir = fresh_dir("adapter");
  fs::create_directories(dir);
  std::ofstream(dir / "client.json")
      << R"({"name": "gone", "library": "nothing", "run": "exit 3"})";
  const std::string args = "--clients " + dir.string() + " --select 'basics.*'";
  const auto f = upspec_clients(args);
  EXPECT_EQ(f.status, 3);
  ASSERT_TRUE(f.index.is_object());
  for (const auto& r : f.index["results"]) {
    if (r["verdict"] == "UNSUPPORTED") continue;
    EXPECT_EQ(r["verdict"], "ERROR");
  }
  EXPECT_EQ(upspec_clients(args + " --allow-errors").status, 0);
  fs::remove_all(dir);
}

}  // namespace

#include "upspec/reports/validate.hpp"

#include <gtest/gtest.h>

#include "sample_index.hpp"

namespace upspec::reports {
namespace {

using nlohmann::json;
using testing::sample_index;

std::string problems(const json& index) {
  return validate_index(index).value_or("valid");
}

TEST(Validate, TheSampleIsValid) {
  EXPECT_EQ(validate_index(sample_index()), std::nullopt);
}

TEST(Validate, LargeSyntheticIndexIsValid) {
  EXPECT_EQ(validate_index(testing::large_index(50, 3, 16)), std::nullopt);
}

TEST(Validate, SchemaVersionComesFirst) {
  EXPECT_EQ(problems(json::array()),
            "index.json is not a JSON object, so not an upspec-report/1 report");
  EXPECT_EQ(problems(json{{"tool", "x"}}),
            "index.json has no \"schema\" string: not an upspec report (expected "
            "\"upspec-report/1\")");
  json index = sample_index();
  index["schema"] = "upspec-report/2";
  EXPECT_EQ(
      problems(index),
      "index.json has schema \"upspec-report/2\"; this upspec reads \"upspec-report/1\" only");
}

TEST(Validate, NamesEachProblemByPath) {
  json index = sample_index();
  index["cases"][3].erase("level");
  index["cases"][4]["level"] = "MUSTN'T";
  index["results"][0]["verdict"] = "MAYBE";
  index["results"][1]["target"] = "nobody";
  index["results"][2]["connection"] = "kept";
  index["results"][4]["actual"]["status"] = 42;
  index["run"].erase("strict");
  const std::string message = problems(index);
  EXPECT_EQ(message.rfind("index.json is not a valid upspec-report/1 document (", 0), 0u)
      << message;
  for (const char* expected : {
           "\n  - run.strict: missing; expected a boolean",
           "\n  - cases[3].level: missing; expected a string",
           "\n  - cases[4].level: expected MUST, SHOULD or MAY, got \"MUSTN'T\"",
           "\n  - results[0].verdict: expected PASS, NON-STRICT, FAIL, INFO, UNSUPPORTED or "
           "ERROR, got \"MAYBE\"",
           "\n  - results[1].target: no target named \"nobody\"",
           "\n  - results[2].connection: expected reused, closed, broken or \"\", got \"kept\"",
           "\n  - results[4].actual.status: expected an HTTP status code or null, got 42",
       }) {
    EXPECT_NE(message.find(expected), std::string::npos) << expected << "\nin:\n" << message;
  }
}

TEST(Validate, NoConnectionAndNoAnswerAreAllowed) {
  json index = sample_index();
  index["results"][0]["connection"] = "";          // refused, or a case never sent
  index["cases"][11]["expected"]["status"] = {0};  // a client that aborts is owed no answer
  index["results"][1]["actual"] = {{"summary", "no response"}};
  EXPECT_EQ(validate_index(index), std::nullopt);
}

TEST(Validate, TotalsMustAddUp) {
  json index = sample_index();
  index["targets"][1]["totals"]["FAIL"] = 0;
  index["targets"][1]["totals"]["SKIPPED"] = 1;
  const std::string message = problems(index);
  EXPECT_NE(message.find("targets[1].totals.FAIL: says 0 but results hold 1"), std::string::npos)
      << message;
  EXPECT_NE(message.find("targets[1].totals: unknown verdict \"SKIPPED\""), std::string::npos)
      << message;
}

TEST(Validate, DuplicatesAreProblems) {
  json index = sample_index();
  index["cases"].push_back(index["cases"][0]);
  index["results"].push_back(index["results"][0]);
  index["targets"].push_back(index["targets"][0]);
  const std::string message = problems(index);
  EXPECT_NE(message.find("cases[12].id: duplicate \"spec-examples.single-file\""),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("results[36]: a second result for case \"spec-examples.single-file\" on "
                         "target \"reference\""),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("targets[3].name: duplicate \"reference\""), std::string::npos) << message;
}

TEST(Validate, WrongTypesAreNamed) {
  json index = sample_index();
  index["targets"] = json::object();
  index["cases"][0]["request"]["bytes"] = -1;
  index["results"][0]["findings"] = {"ok", 3};
  index["results"][1]["actual"] = "200";
  const std::string message = problems(index);
  EXPECT_NE(message.find("targets: expected an array, got {}"), std::string::npos) << message;
  EXPECT_NE(message.find("cases[0].request.bytes: expected a non-negative integer, got -1"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("results[0].findings[1]: expected a string, got 3"), std::string::npos)
      << message;
  EXPECT_NE(message.find("results[1].actual: expected an object or null, got \"200\""),
            std::string::npos)
      << message;
}

TEST(Validate, LongListsOfProblemsAreCounted) {
  json index = sample_index();
  for (json& r : index["results"]) r.erase("wire");
  const std::string message = problems(index);
  EXPECT_NE(message.find("(36 problems):"), std::string::npos) << message;
  EXPECT_NE(message.find("\n  - ... and 16 more"), std::string::npos) << message;
}

TEST(Validate, HostileValuesAreQuotedSafely) {
  json index = sample_index();
  index["cases"][0]["level"] = std::string("\x1b[2J") + std::string(200, 'x');
  const std::string message = problems(index);
  EXPECT_EQ(message.find('\x1b'), std::string::npos);
  EXPECT_LT(message.size(), 400u);
}

}  // namespace
}  // namespace upspec::reports

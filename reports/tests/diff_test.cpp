#include "upspec/reports/diff.hpp"

#include <gtest/gtest.h>

#include "sample_index.hpp"

namespace upspec::reports {
namespace {

using nlohmann::json;
using testing::sample_index;

json& result_of(json& index, const std::string& id, const std::string& target) {
  for (json& r : index["results"]) {
    if (r["case"] == id && r["target"] == target) return r;
  }
  throw std::runtime_error("no result " + id + " on " + target);
}

TEST(Diff, VolatileFieldsAndDurationsAreIgnored) {
  const json before = sample_index();
  json after = before;
  after["run"]["volatile"] = {{"started_at", "2026-11-22T09:30:00Z"}, {"duration_ms", 1}};
  for (json& r : after["results"]) r["duration_ms"] = 999;
  const json diff = diff_reports(before, after);
  EXPECT_EQ(diff["schema"], "upspec-report-diff/1");
  EXPECT_EQ(diff["identical"], true);
  EXPECT_TRUE(diff["verdicts"].empty());
  EXPECT_TRUE(diff["details"].empty());
  EXPECT_EQ(render_diff(diff),
            "upspec report diff: 0 regressions, 0 improvements, 0 other verdict changes, 0 cases "
            "added, 0 cases removed\nThe runs are identical (run.volatile and durations aside).\n");
}

TEST(Diff, VerdictChangesPerTarget) {
  const json before = sample_index();
  json after = before;
  json& regressed = result_of(after, "spec-examples.single-file", "reference");
  regressed["verdict"] = "FAIL";
  regressed["findings"] = {"sha256 differs"};
  result_of(after, "object-paths.path-through-null", "strawberry")["verdict"] = "PASS";
  result_of(after, "transport.chunked-drip", "strawberry")["verdict"] = "FAIL";
  const json diff = diff_reports(before, after);

  EXPECT_EQ(diff["identical"], false);
  ASSERT_EQ(diff["verdicts"].size(), 3u);
  EXPECT_EQ(diff["verdicts"][0], (json{{"case", "spec-examples.single-file"},
                                       {"title", "The spec's single file example"},
                                       {"target", "reference"},
                                       {"old", "PASS"},
                                       {"new", "FAIL"},
                                       {"change", "regression"},
                                       {"findings", {"sha256 differs"}}}));
  EXPECT_EQ(diff["verdicts"][1]["change"], "improvement");
  EXPECT_EQ(diff["verdicts"][2]["change"], "change");  // ERROR -> FAIL: still not passing
  EXPECT_EQ(diff["summary"]["regressions"], 1);
  EXPECT_EQ(diff["summary"]["improvements"], 1);
  EXPECT_EQ(diff["summary"]["other_verdict_changes"], 1);

  const json& reference = diff["totals"][0];
  EXPECT_EQ(reference["target"], "reference");
  EXPECT_EQ(reference["old"]["PASS"], 11);
  EXPECT_EQ(reference["new"]["PASS"], 10);
  EXPECT_EQ(reference["new"]["FAIL"], 1);

  const std::string text = render_diff(diff);
  EXPECT_NE(text.find("upspec report diff: 1 regression, 1 improvement, 1 other verdict change"),
            std::string::npos);
  EXPECT_NE(text.find("\nverdict changes (3):\n  reference  spec-examples.single-file  PASS -> "
                      "FAIL  (regression)\n      sha256 differs\n"),
            std::string::npos);
  EXPECT_NE(text.find("  reference: PASS 11 -> 10, NON-STRICT 0, FAIL 0 -> 1, INFO 1, "
                      "UNSUPPORTED 0, ERROR 0\n"),
            std::string::npos);
}

TEST(Diff, CasesAddedRemovedAndChanged) {
  const json before = sample_index();
  json after = before;
  json added = after["cases"][0];
  added["id"] = "spec-examples.new-case";
  after["cases"].push_back(added);
  json added_result = after["results"][0];
  added_result["case"] = "spec-examples.new-case";
  after["results"].push_back(added_result);
  after["cases"].erase(1);  // batching.two-operations
  after["cases"][1]["expected"]["summary"] = "400 map.path_invalid, nothing executed";
  result_of(after, "spec-examples.single-file", "graphql-upload")["actual"]["body"] = "{}";

  const json diff = diff_reports(before, after);
  ASSERT_EQ(diff["cases"]["added"].size(), 1u);
  EXPECT_EQ(diff["cases"]["added"][0]["id"], "spec-examples.new-case");
  EXPECT_EQ(diff["cases"]["added"][0]["verdicts"],
            (json{{"reference", "PASS"}, {"graphql-upload", nullptr}, {"strawberry", nullptr}}));
  ASSERT_EQ(diff["cases"]["removed"].size(), 1u);
  EXPECT_EQ(diff["cases"]["removed"][0]["id"], "batching.two-operations");
  EXPECT_EQ(
      diff["cases"]["changed"],
      (json::array({{{"case", "object-paths.path-through-null"}, {"fields", {"expected"}}}})));
  EXPECT_EQ(diff["details"], (json::array({{{"case", "spec-examples.single-file"},
                                            {"target", "graphql-upload"},
                                            {"fields", {"actual"}}}})));
  const std::string text = render_diff(diff);
  EXPECT_NE(text.find("\ncases added (1):\n  + spec-examples.new-case  The spec's single file "
                      "example  [graphql-upload: -, reference: PASS, strawberry: -]\n"),
            std::string::npos);
  EXPECT_NE(text.find("\ncases removed (1):\n  - batching.two-operations"), std::string::npos);
  EXPECT_NE(text.find("\nsame verdict, other changes (1):\n  graphql-upload  "
                      "spec-examples.single-file (actual)\n"),
            std::string::npos);
}

TEST(Diff, TargetsAddedAndRemoved) {
  const json before = sample_index();
  json after = before;
  after["targets"][2]["name"] = "ariadne";
  for (json& r : after["results"]) {
    if (r["target"] == "strawberry") r["target"] = "ariadne";
  }
  const json diff = diff_reports(before, after);
  EXPECT_EQ(diff["targets"]["added"], json({"ariadne"}));
  EXPECT_EQ(diff["targets"]["removed"], json({"strawberry"}));
  EXPECT_TRUE(diff["verdicts"].empty());  // no target in common for those results
  ASSERT_EQ(diff["totals"].size(), 4u);
  EXPECT_EQ(diff["totals"][2]["target"], "ariadne");
  EXPECT_TRUE(diff["totals"][2]["old"].is_null());
  EXPECT_EQ(diff["totals"][3]["target"], "strawberry");
  EXPECT_TRUE(diff["totals"][3]["new"].is_null());
  const std::string text = render_diff(diff);
  EXPECT_NE(text.find("targets added: ariadne\ntargets removed: strawberry\n"), std::string::npos);
  EXPECT_NE(text.find("  ariadne: (new target) PASS - -> 5"), std::string::npos);
}

TEST(Diff, RunSettingChangesAreShown) {
  const json before = sample_index();
  json after = before;
  after["run"]["strict"] = true;
  after["tool"]["version"] = "0.2.0";
  const json diff = diff_reports(before, after);
  EXPECT_EQ(diff["run"]["strict"], (json{{"old", false}, {"new", true}}));
  const std::string text = render_diff(diff);
  EXPECT_NE(text.find("strict: false -> true\n"), std::string::npos);
  EXPECT_NE(text.find("tool_version: 0.1.0 -> 0.2.0\n"), std::string::npos);
}

TEST(Diff, TextOutputCannotDriveATerminal) {
  const json before = sample_index();
  json after = before;
  json& r = result_of(after, "spec-examples.single-file", "reference");
  r["verdict"] = "FAIL";
  r["findings"] = {
      "\x1b]0;owned\x07\x1b[2J\r\nfake line \xC2\x9B"
      "31m"};
  const std::string text = render_diff(diff_reports(before, after));
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.find("\xC2\x9B"), std::string::npos);
  EXPECT_NE(text.find("      \\x1B]0;owned\\x07\\x1B[2J  fake line \\u{009B}31m\n"),
            std::string::npos);
}

}  // namespace
}  // namespace upspec::reports

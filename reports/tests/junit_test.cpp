#include <gtest/gtest.h>

#include <fstream>

#include "sample_index.hpp"
#include "upspec/reports/render.hpp"
#include "xml_check.hpp"

namespace upspec::reports {
namespace {

using testing::count;
using testing::sample_index;

// The markup of one <testcase> of one target's suite.
std::string testcase_of(const std::string& junit, const std::string& target,
                        const std::string& id) {
  const auto suite = junit.find("<testsuite name=\"" + target + "\"");
  if (suite == std::string::npos) return {};
  const auto suite_end = junit.find("</testsuite>", suite);
  const auto name = junit.find("name=\"" + id + "\"", suite);
  if (name == std::string::npos || name > suite_end) return {};
  const auto start = junit.rfind("<testcase", name);
  const auto self_closed = junit.find("/>\n", name);
  const auto closed = junit.find("</testcase>", name);
  const auto next = junit.find("<testcase", name);
  const auto end = (closed != std::string::npos && closed < next) ? closed : self_closed;
  return junit.substr(start, end - start);
}

TEST(Junit, OneSuitePerTargetAndOneTestcasePerCase) {
  const std::string junit = render_junit(sample_index());
  EXPECT_EQ(count(junit, "<testsuite "), 3u);
  EXPECT_EQ(count(junit, "<testcase "), 36u);
  EXPECT_NE(junit.find("<testsuite name=\"reference\" tests=\"12\" failures=\"0\" errors=\"0\" "
                       "skipped=\"0\""),
            std::string::npos);
  EXPECT_NE(junit.find("<testsuite name=\"strawberry\" tests=\"12\" failures=\"2\" errors=\"1\" "
                       "skipped=\"2\""),
            std::string::npos);
  EXPECT_NE(
      junit.find("<testcase classname=\"object-paths\" name=\"object-paths.proto-pollution\""),
      std::string::npos);
  EXPECT_NE(junit.find("<property name=\"implementation\" value=\"graphql-upload (express)\"/>"),
            std::string::npos);
}

TEST(Junit, EachVerdictMapsToItsElement) {
  const std::string junit = render_junit(sample_index());
  EXPECT_EQ(testcase_of(junit, "reference", "spec-examples.single-file").find("<failure"),
            std::string::npos);

  const std::string fail = testcase_of(junit, "graphql-upload", "object-paths.proto-pollution");
  EXPECT_NE(fail.find("<failure message=\"poisons the server\" type=\"FAIL\">"), std::string::npos);
  EXPECT_NE(fail.find("poisoned: the canary request after this case failed"), std::string::npos);
  EXPECT_NE(fail.find("expected: 400 map.path_invalid"), std::string::npos);
  EXPECT_NE(fail.find("wire:"), std::string::npos);

  const std::string error = testcase_of(junit, "strawberry", "transport.chunked-drip");
  EXPECT_NE(error.find("<error message=\"no response within 5000 ms\" type=\"ERROR\">"),
            std::string::npos);
  EXPECT_NE(error.find("actual: no response"), std::string::npos);

  EXPECT_NE(testcase_of(junit, "strawberry", "upload-scalar.output")
                .find("<skipped message=\"UNSUPPORTED: target declares echoUpload absent\"/>"),
            std::string::npos);

  const std::string info = testcase_of(junit, "reference", "csrf.no-preflight-header");
  EXPECT_NE(info.find("<system-out>verdict: INFO (MAY)"), std::string::npos);
  EXPECT_EQ(info.find("<failure"), std::string::npos);

  const std::string lenient = testcase_of(junit, "graphql-upload", "limits.file-size");
  EXPECT_NE(lenient.find("<system-out>verdict: NON-STRICT (SHOULD)"), std::string::npos);
  EXPECT_EQ(lenient.find("<failure"), std::string::npos);
}

TEST(Junit, StrictRunsFailNonStrict) {
  nlohmann::json index = sample_index();
  index["run"]["strict"] = true;
  const std::string junit = render_junit(index);
  const std::string lenient = testcase_of(junit, "graphql-upload", "limits.file-size");
  EXPECT_NE(lenient.find("<failure message=\"accepted alternative: 200 with the upload failed "
                         "instead of 413\" type=\"NON-STRICT\">"),
            std::string::npos);
  EXPECT_NE(junit.find("<testsuites name=\"upspec\" tests=\"36\" failures=\"5\" errors=\"1\" "
                       "skipped=\"2\""),
            std::string::npos);
}

TEST(Junit, HostileStringsAreEscaped) {
  const std::string junit = render_junit(sample_index());
  EXPECT_EQ(junit.find("<script"), std::string::npos);
  EXPECT_EQ(junit.find("<img"), std::string::npos);
  EXPECT_EQ(junit.find("<b id"), std::string::npos);
  EXPECT_EQ(junit.find("]]>"), std::string::npos);
  EXPECT_EQ(junit.find('\0'), std::string::npos);
  EXPECT_EQ(junit.find('\x1b'), std::string::npos);
  EXPECT_NE(junit.find("&lt;/script&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(junit.find("]]&gt; &lt;!-- --&gt; &amp;amp; \\x00 \\x07 \\x1B[31mred"),
            std::string::npos);
  EXPECT_NE(junit.find("value=\"strawberry-graphql (ASGI) &lt;evil &amp; co&gt;\""),
            std::string::npos);
}

TEST(Junit, IsWellFormedXml) {
  const std::string junit = render_junit(sample_index());
  EXPECT_EQ(testing::xml_problem(junit), "");

  const auto file = testing::fresh_dir("junit") / "junit.xml";
  std::ofstream(file, std::ios::binary) << junit;
  const auto parsed = testing::python_xml_summary(file);
  if (!parsed) GTEST_SKIP() << "python3 is not installed: the expat cross-check is skipped";
  EXPECT_EQ(*parsed, "testsuites 3 36 3 1 2");
}

TEST(Junit, StaysWellFormedWhateverTheBytes) {
  nlohmann::json index = sample_index();
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  // Invalid UTF-8 cannot come from a parsed file, but can from a runner that builds the index.
  index["cases"][0]["category"] = every_byte;
  index["cases"][0]["title"] = every_byte;
  index["results"][0]["verdict"] = "FAIL";
  index["results"][0]["findings"] = {every_byte, "]]>]]>"};
  index["results"][0]["wire"] = every_byte;
  index["targets"][0]["name"] = "\"'<&>" + every_byte;
  for (auto& r : index["results"]) {
    if (r["target"] == "reference") r["target"] = index["targets"][0]["name"];
  }
  const std::string junit = render_junit(index);
  EXPECT_EQ(testing::xml_problem(junit), "");

  const auto file = testing::fresh_dir("junit-bytes") / "junit.xml";
  std::ofstream(file, std::ios::binary) << junit;
  const auto parsed = testing::python_xml_summary(file);
  if (!parsed) GTEST_SKIP() << "python3 is not installed: the expat cross-check is skipped";
  EXPECT_EQ(parsed->rfind("testsuites 3 36", 0), 0u) << *parsed;
}

TEST(Junit, ACaseWithoutAResultIsSkipped) {
  nlohmann::json index = sample_index();
  index["results"].erase(index["results"].begin());  // single-file on reference
  const std::string junit = render_junit(index);
  EXPECT_NE(testcase_of(junit, "reference", "spec-examples.single-file")
                .find("<skipped message=\"no result for this target in index.json\"/>"),
            std::string::npos);
}

TEST(Junit, WireLogsOfFailuresHaveABudget) {
  nlohmann::json index = testing::large_index(2000, 15, 4096);
  for (auto& r : index["results"]) r["verdict"] = "FAIL";
  const std::string junit = render_junit(index);
  EXPECT_EQ(count(junit, "<failure "), 30000u);
  EXPECT_GT(count(junit, "wire: left out to keep this file small; index.json holds it"), 20000u);
  EXPECT_LT(junit.size(), std::size_t{32} << 20);
}

}  // namespace
}  // namespace upspec::reports

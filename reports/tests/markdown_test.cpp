#include <gtest/gtest.h>

#include "sample_index.hpp"
#include "upspec/reports/render.hpp"

namespace upspec::reports {
namespace {

using testing::count;
using testing::sample_index;

TEST(Markdown, TotalsTableHasARowPerTarget) {
  const std::string md = render_markdown(sample_index());
  EXPECT_EQ(md.rfind("# upspec conformance report\n", 0), 0u);
  EXPECT_NE(md.find("**Result: failing** on 2 of 3 target(s)."), std::string::npos);
  EXPECT_NE(md.find("| target | implementation | PASS | NON-STRICT | FAIL | INFO | UNSUPPORTED | "
                    "ERROR | result |"),
            std::string::npos);
  EXPECT_NE(md.find("| reference | upspec serve 0.1.0 | 11 | 0 | 0 | 1 | 0 | 0 | passing |"),
            std::string::npos);
  EXPECT_NE(md.find("| graphql-upload | graphql-upload (express) 17.0.0 | 9 | 1 | 1 | 1 | 0 | 0 | "
                    "**failing** |"),
            std::string::npos);
  EXPECT_NE(md.find("| strawberry | strawberry-graphql (ASGI) &lt;evil &amp; co&gt; 0.243.1 | 5 | "
                    "1 | 2 | 1 | 2 | 1 | **failing** |"),
            std::string::npos);
}

TEST(Markdown, ListsProblemsWorstFirstWithTheFirstFinding) {
  const std::string md = render_markdown(sample_index());
  EXPECT_EQ(md.find("## reference:"), std::string::npos);  // nothing to look at there
  EXPECT_NE(md.find("## graphql-upload: 2 result(s) to look at"), std::string::npos);
  EXPECT_NE(md.find("| **FAIL** (poisons the server) | object-paths.proto-pollution | MUST | A map "
                    "path through \\_\\_proto\\_\\_ | 400 map.path\\_invalid | 200 single: null | "
                    "poisons the server |"),
            std::string::npos);
  const auto strawberry = md.find("## strawberry: 4 result(s) to look at");
  ASSERT_NE(strawberry, std::string::npos);
  const auto fail = md.find("| **FAIL** | object-paths.path-through-null", strawberry);
  const auto error = md.find("| **ERROR** | transport.chunked-drip", strawberry);
  const auto lenient = md.find("| **NON-STRICT** | multipart-syntax.empty-filename", strawberry);
  EXPECT_LT(fail, error);
  EXPECT_LT(error, lenient);
  EXPECT_NE(lenient, std::string::npos);
}

TEST(Markdown, CategoryMatrixOnlyWithSeveralTargets) {
  nlohmann::json index = sample_index();
  const std::string md = render_markdown(index);
  EXPECT_NE(md.find("| category | cases | reference | graphql-upload | strawberry |"),
            std::string::npos);
  EXPECT_NE(md.find("| object-paths | 2 | 2 | 1 | 1 |"), std::string::npos);
  EXPECT_NE(md.find("| transport | 2 | 2 | 2 | 1 |"), std::string::npos);

  index["targets"] = nlohmann::json::array({index["targets"][0]});
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& r : index["results"]) {
    if (r["target"] == "reference") kept.push_back(r);
  }
  index["results"] = kept;
  EXPECT_EQ(render_markdown(index).find("PASS per category"), std::string::npos);
}

TEST(Markdown, HostileStringsCannotBreakTheTableOrInjectMarkup) {
  nlohmann::json index = sample_index();
  for (auto& r : index["results"]) {
    if (r["case"] == "multipart-syntax.nul-in-file" && r["target"] == "strawberry") {
      r["findings"][0] = "a | b\nc\r\n| d <img src=x onerror=alert(1)>";
    }
  }
  const std::string md = render_markdown(index);
  EXPECT_EQ(md.find("<script"), std::string::npos);
  EXPECT_EQ(md.find("<img"), std::string::npos);
  EXPECT_EQ(md.find('\0'), std::string::npos);
  EXPECT_EQ(md.find('\x1b'), std::string::npos);
  // Every table row still has its seven cells: no '|' or line break leaked from a finding.
  const auto row = md.find("| **FAIL** | multipart-syntax.nul-in-file");
  ASSERT_NE(row, std::string::npos);
  const std::string line = md.substr(row, md.find('\n', row) - row);
  std::size_t bars = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++bars;
  }
  EXPECT_EQ(bars, 8u) << line;
}

TEST(Markdown, LongListsAreCutUnderOneMebibyte) {
  const nlohmann::json index = testing::large_index(2000, 15, 64);
  nlohmann::json failing = index;
  for (auto& r : failing["results"]) {
    r["verdict"] = "FAIL";
    r["findings"] = {std::string(400, 'f')};
  }
  for (auto& t : failing["targets"]) {
    t["totals"] = {{"PASS", 0}, {"NON-STRICT", 0},  {"FAIL", 2000},
                   {"INFO", 0}, {"UNSUPPORTED", 0}, {"ERROR", 0}};
  }
  const std::string md = render_markdown(failing);
  EXPECT_LT(md.size(), 1024u * 1024u);
  EXPECT_EQ(count(md, "## target-"), 15u);  // every target keeps its section
  EXPECT_NE(md.find("more not listed to keep this summary small"), std::string::npos);
  EXPECT_NE(md.find("| category | cases |"), std::string::npos);
}

}  // namespace
}  // namespace upspec::reports

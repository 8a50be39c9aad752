#include "upspec/reports/write.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "sample_index.hpp"
#include "upspec/reports/render.hpp"

namespace upspec::reports {
namespace {

namespace fs = std::filesystem;
using testing::read_text;
using testing::sample_index;

TEST(Write, WritesTheFourReports) {
  const fs::path dir = testing::fresh_dir("write") / "reports" / "latest";
  const nlohmann::json index = sample_index();
  write_reports(index, dir);

  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names,
            (std::vector<std::string>{"index.html", "index.json", "junit.xml", "summary.md"}));
  EXPECT_EQ(nlohmann::json::parse(read_text(dir / "index.json")), index);
  EXPECT_EQ(read_text(dir / "junit.xml"), render_junit(index));
  EXPECT_EQ(read_text(dir / "summary.md"), render_markdown(index));
  EXPECT_EQ(read_text(dir / "index.html"), render_html(index));
}

TEST(Write, IndexJsonIsPrettyAndStable) {
  const fs::path a = testing::fresh_dir("stable-a");
  const fs::path b = testing::fresh_dir("stable-b");
  write_reports(sample_index(), a);
  write_reports(nlohmann::json::parse(read_text(a / "index.json")), b);
  const std::string text = read_text(a / "index.json");
  EXPECT_EQ(text, read_text(b / "index.json"));
  EXPECT_EQ(text.rfind("{\n  \"cases\": [\n    {\n", 0), 0u);
  EXPECT_EQ(text.back(), '\n');
}

TEST(Write, AnOrderedIndexKeepsItsKeyOrder) {
  const fs::path dir = testing::fresh_dir("ordered");
  const auto ordered = nlohmann::ordered_json::parse(
      read_text(fs::path(UPSPEC_REPORTS_TEST_DATA) / "sample-index.json"));
  write_reports(ordered, dir);
  const std::string text = read_text(dir / "index.json");
  EXPECT_EQ(text, ordered.dump(2) + "\n");
  EXPECT_EQ(text.rfind("{\n  \"schema\": \"upspec-report/1\",\n  \"tool\": {", 0), 0u);
  EXPECT_EQ(read_text(dir / "index.html"), render_html(sample_index()));
}

TEST(Write, RefusesAnInvalidIndexBeforeTouchingTheDisk) {
  const fs::path dir = testing::fresh_dir("invalid") / "out";
  nlohmann::json index = sample_index();
  index["schema"] = "upspec-report/0";
  try {
    write_reports(index, dir);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("upspec-report/0"), std::string::npos);
  }
  EXPECT_FALSE(fs::exists(dir));
}

TEST(Write, ReportsAnUnwritableDirectory) {
  const fs::path file = testing::fresh_dir("unwritable") / "a-file";
  std::ofstream(file) << "x";
  EXPECT_THROW(write_reports(sample_index(), file / "reports"), std::runtime_error);
}

TEST(Write, ReplacesAnEarlierReport) {
  const fs::path dir = testing::fresh_dir("replace");
  write_reports(testing::large_index(30, 2, 16), dir);
  write_reports(sample_index(), dir);
  EXPECT_EQ(read_text(dir / "summary.md"), render_markdown(sample_index()));
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_NE(entry.path().extension(), ".tmp") << entry.path();
  }
}

}  // namespace
}  // namespace upspec::reports

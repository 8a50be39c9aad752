#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "sample_index.hpp"
#include "upspec/reports/render.hpp"
#include "upspec/reports/write.hpp"

namespace upspec::reports {
namespace {

namespace fs = std::filesystem;
using testing::count;

// Debian's chromium package; scripts/setup installs it.
bool have_chromium() {
  return std::system("command -v chromium >/dev/null 2>&1") == 0;
}

// The DOM of `url` after its scripts ran, as headless Chromium serialises it. Every switch that
// would let the browser reach the network on its own is off: the page is a local file and must
// load nothing else.
std::string dump_dom(const std::string& url, const fs::path& scratch, bool settle = false) {
  const fs::path profile = scratch / "profile";
  fs::create_directories(profile);
  const std::string command =
      "timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--disable-extensions --user-data-dir='" +
      profile.string() + "' " + (settle ? "--virtual-time-budget=3000 " : "") + "--dump-dom '" +
      url + "' 2>'" + (scratch / "chromium.log").string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return {};
  std::string out;
  std::array<char, 65536> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  ::pclose(pipe);
  return out;
}

std::string log_of(const fs::path& scratch) {
  return testing::read_text(scratch / "chromium.log");
}

class Chromium : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_chromium()) {
      GTEST_SKIP() << "chromium is not installed (Debian package 'chromium'; scripts/setup "
                      "installs it): the browser rendering test is skipped";
    }
  }
};

TEST_F(Chromium, RendersTheReportAndRunsItsScript) {
  const fs::path dir = testing::fresh_dir("chromium");
  write_reports(testing::sample_index(), dir);
  const std::string dom = dump_dom("file://" + (dir / "index.html").string(), dir);
  ASSERT_FALSE(dom.empty()) << log_of(dir);

  // The script ran to its end under the page's Content-Security-Policy.
  EXPECT_NE(dom.find("<html lang=\"en\" class=\"js\" data-rendered=\"yes\">"), std::string::npos)
      << dom.substr(0, 400);
  EXPECT_NE(dom.find("<span id=\"shown\" class=\"muted\">Showing 12 of 12 cases</span>"),
            std::string::npos);
  EXPECT_NE(dom.find("<tr><th>strawberry</th>"), std::string::npos);
  EXPECT_NE(dom.find("<span class=\"b v-pass\">11</span>"), std::string::npos);
  EXPECT_EQ(count(dom, "<details class=\"case\""), 12u);
  EXPECT_EQ(count(dom, "<span class=\"c v-"), 36u);
  // Nothing from a server's response became markup or ran.
  EXPECT_EQ(dom.find("data-pwned=\""), std::string::npos);
  EXPECT_EQ(dom.find("<img"), std::string::npos);
  EXPECT_EQ(dom.find("<b id=\"pwned\">"), std::string::npos);
}

TEST_F(Chromium, OpeningACaseRendersItsDetailsWithoutLettingMarkupThrough) {
  const fs::path dir = testing::fresh_dir("chromium-open");
  write_reports(testing::sample_index(), dir);
  // Case 5 is multipart-syntax.nul-in-file, whose strawberry response is the hostile one.
  const std::string dom = dump_dom("file://" + (dir / "index.html").string() + "#c5", dir, true);
  ASSERT_FALSE(dom.empty()) << log_of(dir);
  EXPECT_NE(dom.find("data-rendered=\"yes\""), std::string::npos);
  const auto opened = dom.find("<details class=\"case\" id=\"c5\" data-v=\"FAIL PASS\" open=\"\">");
  ASSERT_NE(opened, std::string::npos) << dom.substr(0, 2000);
  const auto body = dom.find("<div><div class=\"cb\">", opened);
  ASSERT_NE(body, std::string::npos) << "the case body was not parsed out of its <noscript>";
  EXPECT_LT(body, dom.find("<details class=\"case\" id=\"c6\""));
  EXPECT_NE(dom.find("<li>size 1, expected 3: the file was cut at the first NUL byte</li>", body),
            std::string::npos);
  EXPECT_NE(dom.find("&lt;/script&gt;&lt;script&gt;document.documentElement", body),
            std::string::npos);
  EXPECT_EQ(dom.find("data-pwned=\""), std::string::npos);
  EXPECT_EQ(dom.find("<img"), std::string::npos);
  EXPECT_EQ(dom.find("<b id=\"pwned\">"), std::string::npos);
}

// With scripting off, a browser parses each <noscript> as ordinary markup. Headless Chromium
// cannot dump a page with scripting off, so this unwraps the <noscript> elements and drops the
// script, which leaves the DOM such a browser builds, and checks the case bodies are there.
TEST_F(Chromium, WithoutJavaScriptEveryCaseBodyIsMarkup) {
  const fs::path dir = testing::fresh_dir("chromium-nojs");
  std::string html = render_html(testing::sample_index());
  for (const std::string tag : {"<noscript>", "</noscript>"}) {
    for (auto at = html.find(tag); at != std::string::npos; at = html.find(tag, at)) {
      html.erase(at, tag.size());
    }
  }
  const auto script = html.find("<script>");
  html.erase(script, html.find("</script>") + 9 - script);
  std::ofstream(dir / "nojs.html", std::ios::binary) << html;

  const std::string dom = dump_dom("file://" + (dir / "nojs.html").string(), dir);
  ASSERT_FALSE(dom.empty()) << log_of(dir);
  EXPECT_EQ(dom.find("data-rendered"), std::string::npos);
  EXPECT_EQ(count(dom, "<div class=\"cb\">"), 12u);
  EXPECT_EQ(count(dom, "<div class=\"res "), 36u);
  EXPECT_NE(dom.find("<li>size 1, expected 3: the file was cut at the first NUL byte</li>"),
            std::string::npos);
  EXPECT_EQ(dom.find("<img"), std::string::npos);
  EXPECT_EQ(dom.find("<script"), std::string::npos);
  EXPECT_EQ(dom.find("<b id=\"pwned\">"), std::string::npos);
}

TEST_F(Chromium, RendersTwoThousandCasesOnFifteenTargets) {
  const fs::path dir = testing::fresh_dir("chromium-large");
  const fs::path page = dir / "index.html";
  // The matrix is what must scale; bodies and wire logs would only make the DOM dump (all of
  // the page's bytes) slower to read back.
  HtmlOptions lean;
  lean.bulk_budget = 0;
  std::ofstream(page, std::ios::binary) << render_html(testing::large_index(2000, 15, 0), lean);
  const std::string dom = dump_dom("file://" + page.string(), dir);
  ASSERT_FALSE(dom.empty()) << log_of(dir);
  EXPECT_NE(dom.find("data-rendered=\"yes\""), std::string::npos);
  EXPECT_NE(dom.find("Showing 2000 of 2000 cases"), std::string::npos);
  EXPECT_EQ(count(dom, "<details class=\"case\""), 2000u);
}

}  // namespace
}  // namespace upspec::reports

#include <gtest/gtest.h>

#include "html_assets.hpp"
#include "sample_index.hpp"
#include "sha256.hpp"
#include "upspec/reports/render.hpp"

namespace upspec::reports {
namespace {

using testing::count;
using testing::sample_index;

std::string between(const std::string& s, const std::string& open, const std::string& close,
                    std::size_t from = 0) {
  const auto a = s.find(open, from);
  if (a == std::string::npos) return {};
  const auto b = s.find(close, a + open.size());
  return s.substr(a + open.size(), b - a - open.size());
}

// The expanded view of one case: the <noscript> that follows its summary row.
std::string case_body(const std::string& html, const std::string& id) {
  const auto row = html.find("<b>" + id + "</b>");
  if (row == std::string::npos) return {};
  return between(html, "<noscript>", "</noscript>", row);
}

// The page with every case body removed: what the browser builds as DOM before any is opened.
std::string without_bodies(const std::string& html) {
  std::string out;
  std::size_t at = 0;
  for (auto open = html.find("<noscript>"); open != std::string::npos;
       open = html.find("<noscript>", at)) {
    out += html.substr(at, open - at);
    at = html.find("</noscript>", open) + 11;
  }
  return out + html.substr(at);
}

TEST(Html, IsOneSelfContainedPage) {
  const std::string html = render_html(sample_index());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_EQ(count(html, "<script"), 1u);
  EXPECT_EQ(count(html, "<style>"), 2u);
  for (const char* external : {"<link", "href=\"http", "@import", "url(", "<iframe", "<object",
                               "<embed", "<img", "<form", "<video", "<audio", "<source"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  // The only src= are inside the hostile strings, shown as text.
  EXPECT_EQ(count(html, " src="), count(html, "&lt;img src="));
}

TEST(Html, ContentSecurityPolicyPinsTheInlineScriptAndStyles) {
  const std::string html = render_html(sample_index());
  const std::string csp = between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  EXPECT_EQ(csp.rfind("default-src 'none'; script-src 'sha256-", 0), 0u) << csp;
  const std::string script = between(html, "<script>", "</script>");
  EXPECT_EQ(script, detail::html_script());
  EXPECT_NE(csp.find("script-src " + detail::csp_hash_source(script) + ";"), std::string::npos);
  const auto second_style = html.find("<style>", html.find("<style>") + 1);
  EXPECT_NE(csp.find(detail::csp_hash_source(between(html, "<style>", "</style>"))),
            std::string::npos);
  EXPECT_NE(csp.find(detail::csp_hash_source(between(html, "<style>", "</style>", second_style))),
            std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
}

TEST(Html, HeaderAndTotalsPerTarget) {
  const std::string html = render_html(sample_index());
  EXPECT_NE(html.find("<title>upspec report: reference, graphql-upload, strawberry</title>"),
            std::string::npos);
  EXPECT_NE(html.find("upspec 0.1.0 · schema upspec-report/1 · strict: no · 12 cases in 8 "
                      "categories · 3 target(s) · started 2026-11-21T11:00:00Z · took 5.9 s"),
            std::string::npos);
  const std::string totals = between(html, "<table class=\"totals\">", "</table>");
  EXPECT_NE(totals.find("<tr><th>strawberry</th><td>strawberry-graphql (ASGI) &lt;evil &amp; "
                        "co&gt; 0.243.1</td><td class=\"n\"><span class=\"b v-pass\">5</span>"),
            std::string::npos);
  EXPECT_NE(totals.find("<span class=\"b v-error\">1</span>"), std::string::npos);
  EXPECT_NE(totals.find("<span class=\"b v-fail zero\">0</span>"), std::string::npos);
  EXPECT_EQ(count(totals, "state-failing"), 2u);
  EXPECT_EQ(count(totals, "state-passing"), 1u);
}

TEST(Html, MatrixHasARowPerCaseGroupedByCategoryAndACellPerTarget) {
  const std::string html = render_html(sample_index());
  EXPECT_EQ(count(html, "<details class=\"case\""), 12u);
  EXPECT_EQ(count(html, "<section class=\"cat\">"), 8u);
  EXPECT_EQ(count(html, "<span class=\"c v-"), 36u);
  EXPECT_NE(html.find("<div class=\"row head\"><span>case</span><span title=\"reference\">"
                      "reference</span><span title=\"graphql-upload\">graphql-upload</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<section class=\"cat\"><h3>object-paths <span class=\"muted\">(2)</span>"),
            std::string::npos);
  EXPECT_NE(html.find("data-v=\"FAIL PASS\"><summary class=\"row\"><span class=\"cid\">"
                      "<b>object-paths.path-through-null</b>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"c v-fail poisoned\" title=\"graphql-upload: FAIL, poisons "
                      "the server\">FAIL</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"c v-error\" title=\"strawberry: ERROR\">ERROR</span>"),
            std::string::npos);
  EXPECT_NE(
      html.find(".row{grid-template-columns:minmax(16rem,1fr) repeat(3,minmax(3.6rem,6.8rem))}"),
      std::string::npos);
  // One checkbox per verdict present, plus the "targets differ" filter.
  EXPECT_EQ(count(html, "data-verdict=\""), 6u);
  EXPECT_NE(html.find("id=\"differ\""), std::string::npos);
}

TEST(Html, CaseBodyShowsRuleRequestAndEachTargetsResult) {
  const std::string html = render_html(sample_index());
  const std::string body = case_body(html, "object-paths.proto-pollution");
  EXPECT_NE(body.find("<dt>title</dt><dd>A map path through __proto__</dd>"), std::string::npos);
  EXPECT_NE(body.find("<dt>level</dt><dd>MUST</dd>"), std::string::npos);
  EXPECT_NE(body.find("<dt>citation</dt><dd>graphql-upload behaviour (object-path hardening)</dd>"),
            std::string::npos);
  EXPECT_NE(body.find("<dt>request</dt><dd>POST, content-length, "), std::string::npos);
  EXPECT_NE(body.find("<summary>request bytes</summary><pre>POST /graphql HTTP/1.1\\r\\n\nHost:"),
            std::string::npos);
  EXPECT_EQ(count(body, "<div class=\"res "), 3u);
  EXPECT_NE(
      body.find("<h4><span class=\"b v-pass\">PASS</span> reference <span class=\"muted\">400 "
                "map.path_invalid as expected, connection reused, 3.0 ms</span></h4><details"),
      std::string::npos);
  EXPECT_NE(body.find("<h4><span class=\"b v-fail\">FAIL</span> graphql-upload <span "
                      "class=\"muted\">connection reused, 12 ms</span></h4><p class=\"poison\">"),
            std::string::npos);
  EXPECT_NE(body.find("<dt>expected</dt><dd>400 map.path_invalid</dd><dt>actual</dt><dd>200 "
                      "single: null</dd>"),
            std::string::npos);
  EXPECT_NE(body.find("<li>the canary upload after this case got 500 Internal Server Error</li>"),
            std::string::npos);
  EXPECT_NE(body.find("<summary>wire log</summary><pre>&gt;&gt;&gt; POST /graphql"),
            std::string::npos);
  EXPECT_NE(body.find("<table class=\"hdr\"><tr><th>content-length</th>"), std::string::npos);

  const std::string error = case_body(html, "transport.chunked-drip");
  EXPECT_NE(error.find("<dt>actual</dt><dd>no response</dd>"), std::string::npos);
  EXPECT_NE(error.find("connection broken, 5000 ms"), std::string::npos);
}

TEST(Html, HostileStringsStayText) {
  const std::string html = render_html(sample_index());
  EXPECT_EQ(count(html, "<script"), 1u);
  EXPECT_EQ(count(html, "</script"), 1u);
  EXPECT_EQ(count(html, "</noscript>"), 12u);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b id"), std::string::npos);
  EXPECT_EQ(html.find("onerror=\""), std::string::npos);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  EXPECT_EQ(html.find('\0'), std::string::npos);
  EXPECT_EQ(html.find('\x07'), std::string::npos);
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
  EXPECT_EQ(html.find("\xC2\x85"), std::string::npos);
  const std::string body = case_body(html, "multipart-syntax.nul-in-file");
  EXPECT_NE(body.find("<li>filename differs: got &lt;/script&gt;&lt;script&gt;document."
                      "documentElement.setAttribute(&quot;data-pwned&quot;,&quot;yes&quot;)"
                      "&lt;/script&gt;&lt;img src=x onerror=&quot;"),
            std::string::npos);
  EXPECT_NE(body.find("&lt;/noscript&gt;&lt;b id=pwned&gt;bold&lt;/b&gt; ]]&gt; &lt;!-- --&gt; "
                      "&amp;amp; \\x00 \\x07 \\x1B[31mred\\x1B[0m \\u{0085} \\u{FFFE} end</li>"),
            std::string::npos);
  EXPECT_NE(body.find("<th>x-evil</th><td>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>"),
            std::string::npos);
  EXPECT_NE(body.find("<th>server</th><td>evil\\x07bell</td>"), std::string::npos);
}

TEST(Html, BulkGoesToProblemsFirstWithinTheBudget) {
  const nlohmann::json index = sample_index();
  HtmlOptions none;
  none.bulk_budget = 0;
  const std::string lean = render_html(index, none);
  EXPECT_EQ(lean.find("<summary>wire log</summary>"), std::string::npos);
  EXPECT_NE(lean.find("Response and wire log left out of this page: see index.json."),
            std::string::npos);
  EXPECT_NE(lean.find("were left out to keep this page small; index.json holds them"),
            std::string::npos);

  // Enough for the problems (FAIL, NON-STRICT, ERROR, INFO) but not for every PASS.
  HtmlOptions some;
  some.bulk_budget = 20000;
  const std::string html = render_html(index, some);
  EXPECT_NE(case_body(html, "object-paths.proto-pollution")
                .find("<summary>wire log</summary><pre>&gt;&gt;&gt; POST"),
            std::string::npos);
  EXPECT_NE(case_body(html, "multipart-syntax.nul-in-file")
                .find("<summary>wire log</summary><pre>&gt;&gt;&gt; POST"),
            std::string::npos);
  EXPECT_NE(html.find("Responses and wire logs of "), std::string::npos);
  EXPECT_NE(case_body(html, "transport.abort-mid-file").find("left out of this page"),
            std::string::npos);
}

TEST(Html, LongFieldsAreCut) {
  nlohmann::json index = sample_index();
  index["results"][0]["wire"] = std::string(100000, 'w');
  HtmlOptions options;
  options.max_field = 1000;
  const std::string html = render_html(index, options);
  EXPECT_NE(html.find(std::string(1000, 'w') + "…[99000 more bytes in index.json]"),
            std::string::npos);
}

TEST(Html, StaysLeanWithTwoThousandCasesOnFifteenTargets) {
  const nlohmann::json index = testing::large_index(2000, 15, 2048);
  const std::string html = render_html(index);
  EXPECT_LT(html.size(), std::size_t{48} << 20);
  const std::string dom = without_bodies(html);
  EXPECT_EQ(count(html, "<details class=\"case\""), 2000u);
  // Before a case is opened the page holds its summary row only: about 20 elements a case.
  EXPECT_LT(count(dom, "<") - count(dom, "</"), 2000u * 22u);
  EXPECT_NE(html.find("Responses and wire logs of "), std::string::npos);
}

}  // namespace
}  // namespace upspec::reports

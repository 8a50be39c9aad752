// The rules a client's request is judged by (harness/src/clients), one break at a time, on
// requests built with the reference's encoder and changed where the break is.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clients/judge.hpp"
#include "upspec/encoder/encoder.hpp"

namespace upspec::clients {
namespace {

using corpus::verdict;

scenario two_uses_of_one_file() {
  scenario s;
  s.id = "test.dedup";
  s.category = "test";
  s.files.push_back({"a", "a.txt", "text/plain", {std::string("Alpha\n"), {}, 0, 0}});
  s.files.push_back({"b", "b \"q\".bin", std::nullopt, {{}, {}, 3, 100}});
  s.operations = json::parse(
      R"({"query": "mutation ($f: [Upload!]!, $g: Upload!) { multiple(files: $f) { size } single(file: $g) { size } }",
          "variables": {"f": [{"$file": "a"}, {"$file": "a"}], "g": {"$file": "b"}}})");
  return s;
}

struct built {
  scenario s = two_uses_of_one_file();
  expected_request want = expect(s);
  std::vector<encoder::upload_file> files;
  json operations = want.with_nulls;
  encoder::encoding enc;

  built() {
    for (const auto& f : want.files) {
      encoder::upload_file u;
      u.field = std::to_string(files.size());
      u.paths = f.paths;
      u.filename = f.spec->name;
      u.content_type = f.spec->type.value_or("application/octet-stream");
      u.content = f.bytes;
      files.push_back(u);
    }
  }

  serve::recorded_request request(std::vector<encoder::form_part> parts = {}) const {
    const auto encoded = parts.empty() ? encoder::encode_request(operations, files, enc)
                                       : encoder::encode_form(parts, enc);
    serve::recorded_request r;
    r.method = "POST";
    r.target = "/graphql?scenario=test.dedup";
    r.headers = {{"Content-Type", encoded.content_type}};
    r.content_length = encoded.body.size();
    r.body = encoded.body;
    r.complete = true;
    return r;
  }

  run::judgement judge(const std::vector<serve::recorded_request>& sent) const {
    return judge_scenario(s, want, sent);
  }
  run::judgement judge(const serve::recorded_request& one) const {
    return judge(std::vector<serve::recorded_request>{one});
  }
};

bool has(const run::judgement& j, const std::string& prefix) {
  for (const auto& f : j.findings)
    if (f.rfind(prefix, 0) == 0) return true;
  return false;
}

TEST(ClientsJudge, TheExpectedRequestPasses) {
  const built b;
  const auto j = b.judge(b.request());
  EXPECT_EQ(j.verdict, verdict::pass) << ::testing::PrintToString(j.findings);
  EXPECT_EQ(j.actual_summary, "200, 2 files");
}

TEST(ClientsJudge, NoRequestFailsAndQuotesTheAdapter) {
  const built b;
  const auto j = judge_scenario(b.s, b.want, {}, "TypeError: nope");
  EXPECT_EQ(j.verdict, verdict::fail);
  ASSERT_TRUE(has(j, "request-sent (MUST)"));
  EXPECT_NE(j.findings.front().find("TypeError: nope"), std::string::npos);
}

TEST(ClientsJudge, ASecondRequestIsNonStrict) {
  const built b;
  const auto j = b.judge({b.request(), b.request()});
  EXPECT_EQ(j.verdict, verdict::non_strict);
  EXPECT_TRUE(has(j, "single-request (SHOULD)"));
}

TEST(ClientsJudge, JsonInsteadOfMultipartFails) {
  const built b;
  auto r = b.request();
  r.headers = {{"Content-Type", "application/json"}};
  r.body = R"({"query":"x","variables":{}})";
  const auto j = b.judge(r);
  EXPECT_EQ(j.verdict, verdict::fail);
  EXPECT_TRUE(has(j, "multipart-content-type (MUST)"));
  EXPECT_TRUE(has(j, "decoded-outcome (MUST): the reference refuses the request: 415"));
}

TEST(ClientsJudge, ChunkedWithoutContentLengthIsNonStrict) {
  const built b;
  auto r = b.request();
  r.content_length.reset();
  r.chunked = true;
  EXPECT_EQ(b.judge(r).verdict, verdict::non_strict);
  EXPECT_TRUE(has(b.judge(r), "content-length (SHOULD)"));
}

TEST(ClientsJudge, ABodyCutShortFails) {
  const built b;
  auto r = b.request();
  r.body.resize(r.body.size() - 10);
  r.complete = false;
  const auto j = b.judge(r);
  EXPECT_EQ(j.verdict, verdict::fail);
  EXPECT_TRUE(has(j, "body-complete (MUST)"));
  EXPECT_TRUE(has(j, "multipart-syntax (MUST)"));
}

TEST(ClientsJudge, ATooLongBoundaryFails) {
  built b;
  b.enc.boundary = std::string(71, 'b');
  EXPECT_TRUE(has(b.judge(b.request()), "boundary-syntax (MUST)"));
}

TEST(ClientsJudge, TheBoundaryInAFileFails) {
  built b;
  b.enc.boundary = "Alpha";  // the text file is "Alpha\n"; the delimiter is "--Alpha"
  b.files[0].content = "--Alpha\n";
  b.s.files[0].content.text = "--Alpha\n";
  b.want = expect(b.s);
  EXPECT_TRUE(has(b.judge(b.request()), "boundary-not-in-content (MUST)"));
}

TEST(ClientsJudge, FilenameStarFails) {
  built b;
  auto parts = encoder::request_parts(b.operations, b.files);
  parts[2].filename_star = "a.txt";
  const auto j = b.judge(b.request(parts));
  EXPECT_EQ(j.verdict, verdict::fail);
  EXPECT_TRUE(has(j, "no-extended-parameters (MUST)"));
}

TEST(ClientsJudge, TwoDispositionsFail) {
  built b;
  auto parts = encoder::request_parts(b.operations, b.files);
  parts[2].extra_headers.emplace_back("Content-Disposition", "form-data; name=\"9\"");
  EXPECT_TRUE(has(b.judge(b.request(parts)), "one-content-disposition (MUST)"));
}

TEST(ClientsJudge, APercentEncodedNameIsNonStrict) {
  built b;
  b.files[1].filename = "b%20%22q%22.bin";
  const auto j = b.judge(b.request());
  EXPECT_EQ(j.verdict, verdict::non_strict) << ::testing::PrintToString(j.findings);
  EXPECT_TRUE(has(j, "filename-preserved (SHOULD)"));
}

TEST(ClientsJudge, TheHtmlStandardsPercentTwentyTwoPasses) {
  built b;
  auto parts = encoder::request_parts(b.operations, b.files);
  parts[3].filename = "b %22q%22.bin";
  EXPECT_EQ(b.judge(b.request(parts)).verdict, verdict::pass);
}

TEST(ClientsJudge, AnotherMediaTypeIsNonStrict) {
  built b;
  b.files[0].content_type = "application/octet-stream";
  const auto j = b.judge(b.request());
  EXPECT_EQ(j.verdict, verdict::non_strict);
  EXPECT_TRUE(has(j, "file-content-type (SHOULD)"));
}

TEST(ClientsJudge, OperationsSentAsAFileIsNonStrict) {
  built b;
  auto parts = encoder::request_parts(b.operations, b.files);
  parts[0].filename = "operations.json";
  EXPECT_TRUE(has(b.judge(b.request(parts)), "text-fields (SHOULD)"));
}

TEST(ClientsJudge, AFileSentTwiceIsNonStrictDeduplication) {
  built b;
  auto twice = b.files[0];
  b.files[0].paths = {"variables.f.0"};
  twice.field = "2";
  twice.paths = {"variables.f.1"};
  b.files.push_back(twice);
  const auto j = b.judge(b.request());
  EXPECT_EQ(j.verdict, verdict::non_strict) << ::testing::PrintToString(j.findings);
  EXPECT_TRUE(has(j, "deduplication (SHOULD)"));
}

TEST(ClientsJudge, TwoFilesInOnePartFail) {
  built b;
  b.files[0].paths.push_back("variables.g");
  b.files.pop_back();
  EXPECT_TRUE(has(b.judge(b.request()), "file-fields-once (MUST)"));
}

TEST(ClientsJudge, OtherBytesFailTheDecodedOutcome) {
  built b;
  b.files[1].content[0] ^= 1;
  const auto j = b.judge(b.request());
  EXPECT_EQ(j.verdict, verdict::fail);
  EXPECT_TRUE(has(j,
                  "decoded-outcome (MUST): the reference decodes something else: at "
                  "variables.g"));
}

TEST(ClientsJudge, OtherVariablesFailTheDecodedOutcome) {
  built b;
  b.operations["variables"]["extra"] = 1;
  EXPECT_TRUE(has(b.judge(b.request()), "decoded-outcome (MUST)"));
}

TEST(ClientsJudge, APlaceholderThatIsNotNullFails) {
  built b;
  b.operations["variables"]["g"] = json::object();
  EXPECT_TRUE(has(b.judge(b.request()), "null-placeholders (MUST): operations hold"));
}

TEST(ClientsJudge, AFileBeforeTheMapFails) {
  built b;
  const auto encoded =
      encoder::encode_request(b.operations, b.files, b.enc, encoder::part_order::files_before_map);
  auto r = b.request();
  r.headers = {{"Content-Type", encoded.content_type}};
  r.body = encoded.body;
  EXPECT_TRUE(has(b.judge(r), "field-order (MUST): the file \"0\" is sent before map"));
}

TEST(ClientsJudge, ARequestedHeaderMustArrive) {
  built b;
  b.s.headers = {{"Apollo-Require-Preflight", "true"}};
  auto r = b.request();
  EXPECT_TRUE(has(b.judge(r), "requested-headers (MUST): the header Apollo-Require-Preflight"));
  r.headers.emplace_back("apollo-require-preflight", "true");
  EXPECT_EQ(b.judge(r).verdict, verdict::pass);
}

TEST(ClientsJudge, NoPreflightHeaderIsInfoWhereTheScenarioAsks) {
  built b;
  b.s.checks = {"preflight-header"};
  auto r = b.request();
  EXPECT_EQ(b.judge(r).verdict, verdict::info);
  r.headers.emplace_back("X-Apollo-Operation-Name", "upload");
  EXPECT_EQ(b.judge(r).verdict, verdict::pass);
}

TEST(ClientsJudge, AFeatureTheClientLacksIsUnsupported) {
  built b;
  b.s.requires_features = {"batching"};
  EXPECT_FALSE(unsupported_by(b.s, {}).has_value());
  const auto j = unsupported_by(b.s, {{"batching"}});
  ASSERT_TRUE(j.has_value());
  EXPECT_EQ(j->verdict, verdict::unsupported);
}

}  // namespace
}  // namespace upspec::clients

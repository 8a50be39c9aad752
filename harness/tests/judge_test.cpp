// The rules of judgement, case by case.

#include "run/judge.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace upspec::run {
namespace {

using corpus::json;
using corpus::verdict;

corpus::test_case make_case(corpus::level l, int status,
                            std::optional<std::string> code = std::nullopt) {
  corpus::test_case c;
  c.id = "x.y";
  c.category = "x";
  c.requirement = l;
  c.expect.status = status;
  c.expect.code = std::move(code);
  return c;
}

observation answered(int status, std::string body) {
  observation o;
  client::http_response r;
  r.status = status;
  r.body = std::move(body);
  o.response = r;
  return o;
}

const std::string kRefusal =
    R"({"errors":[{"message":"m","extensions":{"code":"map.path_invalid"}}]})";

TEST(Judge, ExpectedStatusPasses) {
  EXPECT_EQ(judge(make_case(corpus::level::must, 400), {}, answered(400, "{}")).verdict,
            verdict::pass);
}

TEST(Judge, MissesDependOnTheLevel) {
  EXPECT_EQ(judge(make_case(corpus::level::must, 400), {}, answered(200, "{}")).verdict,
            verdict::fail);
  EXPECT_EQ(judge(make_case(corpus::level::should, 400), {}, answered(200, "{}")).verdict,
            verdict::non_strict);
  EXPECT_EQ(judge(make_case(corpus::level::may, 400), {}, answered(200, "{}")).verdict,
            verdict::info);
}

TEST(Judge, ServerErrorsFailWhateverTheLevel) {
  const auto j = judge(make_case(corpus::level::may, 400), {}, answered(500, "oops"));
  EXPECT_EQ(j.verdict, verdict::fail);
  EXPECT_NE(j.findings.at(0).find("server error"), std::string::npos);
}

TEST(Judge, AlternativesGiveTheirVerdict) {
  auto c = make_case(corpus::level::must, 415);
  c.expect.alternatives.push_back({{400}, verdict::non_strict, "common", std::nullopt});
  EXPECT_EQ(judge(c, {}, answered(400, "{}")).verdict, verdict::non_strict);
  EXPECT_EQ(judge(c, {}, answered(404, "{}")).verdict, verdict::fail);
}

TEST(Judge, AlternativeDataGivesItsVerdict) {
  auto c = make_case(corpus::level::must, 200);
  c.expect.data = json::parse(R"({"single":{"filename":"../../etc/passwd","size":2}})");
  c.expect.alternatives.push_back({{200},
                                   verdict::pass,
                                   "last segment",
                                   json::parse(R"({"single":{"filename":"passwd","size":2}})")});
  EXPECT_EQ(
      judge(c, {}, answered(200, R"({"data":{"single":{"filename":"../../etc/passwd","size":2}}})"))
          .verdict,
      verdict::pass);
  const auto stripped =
      judge(c, {}, answered(200, R"({"data":{"single":{"filename":"passwd","size":2}}})"));
  EXPECT_EQ(stripped.verdict, verdict::pass);
  ASSERT_EQ(stripped.findings.size(), 1u);
  EXPECT_NE(stripped.findings[0].find("accepted alternative: last segment"), std::string::npos);
  // Only the alternative's data exactly: any other difference is a miss.
  EXPECT_EQ(
      judge(c, {}, answered(200, R"({"data":{"single":{"filename":"passwd","size":3}}})")).verdict,
      verdict::fail);
  // The reference's errors still count.
  EXPECT_EQ(
      judge(c, {},
            answered(
                200,
                R"({"data":{"single":{"filename":"passwd","size":2}},"errors":[{"message":"x"}]})"))
          .verdict,
      verdict::fail);
}

TEST(Judge, CodesCountOnlyForTargetsThatReportThem) {
  const auto c = make_case(corpus::level::must, 400, "map.invalid_json");
  target_traits upspec;
  upspec.upspec_codes = true;
  EXPECT_EQ(judge(c, upspec, answered(400, kRefusal)).verdict, verdict::fail);
  EXPECT_EQ(judge(c, {}, answered(400, kRefusal)).verdict, verdict::pass);
}

TEST(Judge, DataMustMatchExactly) {
  auto c = make_case(corpus::level::must, 200);
  c.expect.data = json::parse(R"({"single":{"size":20,"sha256":"ab"}})");
  EXPECT_EQ(judge(c, {}, answered(200, R"({"data":{"single":{"size":20,"sha256":"ab"}}})")).verdict,
            verdict::pass);
  const auto j = judge(c, {}, answered(200, R"({"data":{"single":{"size":19,"sha256":"ab"}}})"));
  EXPECT_EQ(j.verdict, verdict::fail);
  EXPECT_EQ(judge(c, {}, answered(200, "not json")).verdict, verdict::fail);
}

TEST(Judge, ErrorsAreMatchedByPathAndCode) {
  auto c = make_case(corpus::level::must, 200);
  c.expect.data = json::parse(R"({"single":null})");
  c.expect.errors.push_back({json::array({"single"}), "file.missing"});
  const std::string with_error =
      R"({"data":{"single":null},"errors":[{"message":"m","path":["single"],"extensions":{"code":"file.missing"}}]})";
  EXPECT_EQ(judge(c, {}, answered(200, with_error)).verdict, verdict::pass);
  EXPECT_EQ(judge(c, {}, answered(200, R"({"data":{"single":null}})")).verdict, verdict::fail);
  const std::string extra =
      R"({"data":{"single":null},"errors":[{"path":["single"]},{"message":"other"}]})";
  EXPECT_EQ(judge(c, {}, answered(200, extra)).verdict, verdict::fail);
}

TEST(Judge, RequestErrorsAs4xxAreNonStrict) {
  auto c = make_case(corpus::level::must, 200);
  c.expect.errors.push_back({nullptr, "upload.value_invalid"});
  EXPECT_EQ(judge(c, {}, answered(400, R"({"errors":[{"message":"bad"}]})")).verdict,
            verdict::non_strict);
}

TEST(Judge, BatchesAreComparedPerOperation) {
  auto c = make_case(corpus::level::must, 200);
  c.expect.data = json::parse(R"([{"ping":true},null])");
  c.expect.errors.push_back({json{{"operation", 1}, {"path", nullptr}}, ""});
  EXPECT_EQ(judge(c, {}, answered(200, R"([{"data":{"ping":true}},{"errors":[{"message":"x"}]}])"))
                .verdict,
            verdict::pass);
  EXPECT_EQ(judge(c, {}, answered(200, R"([{"data":{"ping":true}}])")).verdict, verdict::fail);
}

TEST(Judge, NoAnswerIsTheServersFaultUnlessItWasNeverReached) {
  const auto silent = [](silence why) {
    observation o;
    o.why_none = why;
    o.transport_error = "no answer: " + std::string(to_string(why));
    return o;
  };
  const auto owed = make_case(corpus::level::may, 200);
  const std::vector<std::pair<silence, problem>> servers_fault = {
      {silence::timeout, problem::hang},
      {silence::closed, problem::dropped},
      {silence::not_http, problem::garbage},
      {silence::too_large, problem::garbage}};
  for (const auto& [why, kind] : servers_fault) {
    const auto j = judge(owed, {}, silent(why));
    EXPECT_EQ(j.verdict, verdict::fail) << to_string(why);  // whatever the level, like a 5xx
    EXPECT_EQ(primary(j.problems), kind) << to_string(why);
  }
  EXPECT_EQ(judge(owed, {}, silent(silence::unreachable)).verdict, verdict::error);
  EXPECT_EQ(judge(owed, {}, silent(silence::harness)).verdict, verdict::error);

  // An aborted request owes no answer, but a target that never accepted it proves nothing.
  const auto none_owed = make_case(corpus::level::must, 0);
  EXPECT_EQ(judge(none_owed, {}, silent(silence::aborted)).verdict, verdict::pass);
  EXPECT_EQ(judge(none_owed, {}, silent(silence::closed)).verdict, verdict::pass);
  EXPECT_EQ(judge(none_owed, {}, silent(silence::unreachable)).verdict, verdict::error);
}

TEST(Judge, LooseGraphqlErrorsAreMetByAnyErrorButUploadCodesAreNot) {
  auto c = make_case(corpus::level::must, 200);
  c.expect.data = json(nullptr);
  c.expect.errors = {{json(nullptr), ""}};  // a validation error, no upspec code
  const std::string elsewhere =
      R"({"errors":[{"message":"Variable x is not defined","path":["single"]},{"message":"b"}]})";
  EXPECT_EQ(judge(c, {}, answered(200, elsewhere)).verdict, verdict::fail);
  c.expect.graphql_errors_loose = true;
  EXPECT_EQ(judge(c, {}, answered(200, elsewhere)).verdict, verdict::pass);
  EXPECT_EQ(judge(c, {}, answered(200, R"({"data":null})")).verdict, verdict::fail);
  // Data is compared as ever, and so is an error with a code.
  EXPECT_EQ(
      judge(c, {}, answered(200, R"({"data":{"ping":true},"errors":[{"message":"x"}]})")).verdict,
      verdict::fail);
  c.expect.data = json::parse(R"({"single":null})");
  c.expect.errors = {{json::array({"single"}), "file.missing"}, {json(nullptr), ""}};
  const std::string no_code_at_path =
      R"({"data":{"single":null},"errors":[{"message":"y"},{"message":"z"}]})";
  EXPECT_EQ(judge(c, {}, answered(200, no_code_at_path)).verdict, verdict::fail);
}

// A generated request error, even one the reference answers with "data": null, may be
// refused with any 4xx in the server's own words: NON-STRICT, as in the corpus, not FAIL.
TEST(Judge, AGeneratedRequestErrorRefusedWithA4xxIsNonStrict) {
  auto c = make_case(corpus::level::must, 200);
  c.expect.data = json(nullptr);
  c.expect.errors = {{json(nullptr), ""}};
  EXPECT_EQ(judge(c, {}, answered(422, "subscriptions need a websocket")).verdict, verdict::fail);
  c.expect.graphql_errors_loose = true;
  EXPECT_EQ(judge(c, {}, answered(422, "subscriptions need a websocket")).verdict,
            verdict::non_strict);
  EXPECT_EQ(judge(c, {}, answered(500, "subscriptions need a websocket")).verdict, verdict::fail);
}

TEST(Judge, AServerThatStoppedAnsweringIsAHang) {
  auto seen = answered(400, "{}");
  seen.canary_failed = seen.unresponsive = true;
  const auto j = judge(make_case(corpus::level::may, 400), {}, seen);
  EXPECT_EQ(j.verdict, verdict::fail);
  EXPECT_EQ(primary(j.problems), problem::hang);
  EXPECT_NE(j.findings.back().find("whole server stopped answering"), std::string::npos);
}

TEST(Judge, FilesReceivedWrongAreCorruption) {
  auto c = make_case(corpus::level::must, 200);
  c.expect.data =
      json::parse(R"({"single":{"filename":"a","mimetype":"t","size":1,"sha256":"x"}})");
  const auto corrupt = judge(
      c, {},
      answered(200,
               R"({"data":{"single":{"filename":"a","mimetype":"t","size":2,"sha256":"y"}}})"));
  EXPECT_EQ(corrupt.verdict, verdict::fail);
  EXPECT_EQ(primary(corrupt.problems), problem::corruption);
  const auto other = judge(
      c, {},
      answered(200,
               R"({"data":{"single":{"filename":"a","mimetype":"u","size":1,"sha256":"x"}}})"));
  EXPECT_EQ(primary(other.problems), problem::mismatch);
}

TEST(Judge, PoisoningAndBrokenConnectionsFail) {
  auto seen = answered(400, "{}");
  seen.canary_failed = true;
  seen.canary_error = "500";
  const auto j = judge(make_case(corpus::level::may, 400), {}, seen);
  EXPECT_EQ(j.verdict, verdict::fail);
  EXPECT_NE(j.findings.back().find("poisons the server"), std::string::npos);
  auto broken = answered(400, "{}");
  broken.connection_unusable = true;
  EXPECT_EQ(judge(make_case(corpus::level::must, 400), {}, broken).verdict, verdict::fail);
}

TEST(Judge, MissingFieldsAreUnsupported) {
  auto c = make_case(corpus::level::must, 200);
  c.requires_fields.push_back("echoUpload");
  target_traits t;
  t.unsupported_fields.insert("echoUpload");
  EXPECT_EQ(judge(c, t, answered(200, "{}")).verdict, verdict::unsupported);
}

TEST(Judge, AnotherRefusalStatusIsAMissedShould) {
  const auto j = judge(make_case(corpus::level::must, 400), {}, answered(422, "{}"));
  EXPECT_EQ(j.verdict, verdict::non_strict);
  EXPECT_NE(j.findings.at(0).find("refused with 422"), std::string::npos);
  // Under a MAY case the miss stays INFO; a 404 is not a refusal of the request but of the URL.
  EXPECT_EQ(judge(make_case(corpus::level::may, 400), {}, answered(422, "{}")).verdict,
            verdict::info);
  EXPECT_EQ(judge(make_case(corpus::level::must, 400), {}, answered(404, "{}")).verdict,
            verdict::fail);
  // Accepting what must be refused is still a failure.
  EXPECT_EQ(judge(make_case(corpus::level::must, 413), {}, answered(200, "{}")).verdict,
            verdict::fail);
}

TEST(Judge, ARefusalAnsweredWith200AndOnlyErrorsIsAMissedShould) {
  const auto j = judge(make_case(corpus::level::must, 400), {},
                       answered(200, R"({"errors":[{"message":"bad multipart"}]})"));
  EXPECT_EQ(j.verdict, verdict::non_strict);
  EXPECT_EQ(judge(make_case(corpus::level::must, 400), {},
                  answered(200, R"({"data":null,"errors":[{"message":"m"}]})"))
                .verdict,
            verdict::non_strict);
  // An error at a field path: execution started, the request was not refused.
  EXPECT_EQ(judge(make_case(corpus::level::must, 400), {},
                  answered(200, R"({"data":null,"errors":[{"message":"m","path":["single"]}]})"))
                .verdict,
            verdict::fail);
}

TEST(Judge, AGetAnsweredWithAPageThatIsNotGraphqlRanNothing) {
  auto c = make_case(corpus::level::must, 405);
  c.request.method = "GET";
  EXPECT_EQ(judge(c, {}, answered(200, "<!doctype html><title>explorer</title>")).verdict,
            verdict::non_strict);
  c.request.method = "POST";
  EXPECT_EQ(judge(c, {}, answered(200, "<!doctype html>")).verdict, verdict::fail);
}

TEST(Judge, AnAlternativeRefusalStatusStandsForAnyRefusal) {
  auto c = make_case(corpus::level::must, 200);
  c.expect.alternatives.push_back({{400}, verdict::non_strict, "whole body first", std::nullopt});
  EXPECT_EQ(judge(c, {}, answered(422, "{}")).verdict, verdict::non_strict);
  EXPECT_EQ(judge(c, {}, answered(404, "{}")).verdict, verdict::fail);
}

TEST(Judge, AServerThatExitsDuringTheCaseFails) {
  auto seen = answered(400, "{}");
  seen.server_exited = "killed by signal 11 (Segmentation fault)";
  const auto j = judge(make_case(corpus::level::may, 400), {}, seen);
  EXPECT_EQ(j.verdict, verdict::fail);
  EXPECT_NE(j.findings.back().find("killed by signal 11"), std::string::npos);
}

}  // namespace
}  // namespace upspec::run

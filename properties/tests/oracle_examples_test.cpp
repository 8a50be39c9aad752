// The oracle on the examples the reference's own parser tests use: before it judges the
// streaming parser, it must get the known answers right by itself.
#include <gtest/gtest.h>

#include "upspec/properties/oracle.hpp"

namespace upspec::properties {
namespace {

using events = std::vector<std::string>;
const std::string kPart = "Content-Disposition: form-data; name=\"a\"\r\n\r\n";
const std::string kHeader = "header Content-Disposition: form-data; name=\"a\"";

TEST(Oracle, OnePart) {
  const auto r = oracle_parse("abc", "--abc\r\n" + kPart + "hello\r\n--abc--\r\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events, (events{"begin", kHeader, "headers-complete", "data hello", "end", "close"}));
}

TEST(Oracle, PreambleAndEpilogueAreIgnored) {
  const auto r =
      oracle_parse("abc", "preamble\r\n--abc\r\n" + kPart + "x\r\n--abc--\r\n--abc\r\nignored");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events, (events{"begin", kHeader, "headers-complete", "data x", "end", "close"}));
}

TEST(Oracle, TransportPadding) {
  const auto r =
      oracle_parse("abc", "--abc \t \r\n" + kPart + "x\r\n--abc\t\r\n\r\ny\r\n--abc--  \r\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events, (events{"begin", kHeader, "headers-complete", "data x", "end", "begin",
                              "headers-complete", "data y", "end", "close"}));
  multipart::parser_limits lim;
  lim.max_transport_padding = 8;
  EXPECT_TRUE(oracle_parse("abc", "--abc" + std::string(8, ' ') + "\r\n\r\nx\r\n--abc--", lim).ok);
  const auto over =
      oracle_parse("abc", "--abc" + std::string(9, ' ') + "\r\n\r\nx\r\n--abc--", lim);
  EXPECT_EQ(over.code, error_code::multipart_malformed);
}

TEST(Oracle, TruncatedAndMalformed) {
  for (std::string body :
       {"--abc\r\n\r\nx", "--abc\r\n\r\nx\r\n--abc\r\n", "--abc\r\nContent-Type: a",
        "--abc\r\n\r\nx\r\n--abc", "--abc\r\n\r\nx\r\n--abc-", "--abc"})
    EXPECT_EQ(oracle_parse("abc", body).code, error_code::multipart_truncated) << body;
  for (std::string body : {"", "just text", "--abcd\r\n\r\nx\r\n--abcd--\r\n"})
    EXPECT_EQ(oracle_parse("abc", body).code, error_code::multipart_malformed) << body;
  EXPECT_TRUE(oracle_parse("abc", "--abc\r\n\r\nx\r\n--abc--").ok);
  EXPECT_TRUE(oracle_parse("abc", "--abc\r\n\r\nx\r\n--abc--\r").ok);
}

TEST(Oracle, LookAlikesStayContent) {
  const std::string content =
      "a\r\n--abcd\r\nb\r\n--abc x\r\n--abc-x\r\n--abc\rx\r\n--ab\r\n-\r\n--abc--x\r\n--abc--\rz";
  const auto r = oracle_parse("abc", "--abc\r\n\r\n" + content + "\r\n--abc--\r\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events, (events{"begin", "headers-complete", "data " + content, "end", "close"}));
  const auto at_start = oracle_parse("abc", "--abc\r\n\r\n--abc\r\n--abc--");
  EXPECT_EQ(at_start.events, (events{"begin", "headers-complete", "data --abc", "end", "close"}));
}

TEST(Oracle, DataBeforeATruncationIsReported) {
  const auto r = oracle_parse("abc", "--abc\r\n\r\nhello\r\n--ab");
  EXPECT_EQ(r.code, error_code::multipart_truncated);
  EXPECT_EQ(r.events, (events{"begin", "headers-complete", "data hello"}));
}

TEST(Oracle, Headers) {
  const auto folded = oracle_parse("abc", "--abc\r\nX-A: a;\r\n\tb\r\nX-B:\r\n\r\n\r\n--abc--");
  EXPECT_EQ(folded.events, (events{"begin", "header X-A: a;\tb", "header X-B: ", "headers-complete",
                                   "end", "close"}));
  for (const std::string bad : {"no colon", "space before : colon", ": empty name",
                                "bad\x01name: x", " folded: first", "X-Ctl: a\x7f", "X-Cr: a\rb"}) {
    EXPECT_EQ(oracle_parse("abc", "--abc\r\n" + bad + "\r\n\r\nx\r\n--abc--").code,
              error_code::multipart_malformed)
        << bad;
  }
  EXPECT_EQ(oracle_parse("abc", "--abc\r\nX: a\n\r\nx\r\n--abc--").code,
            error_code::multipart_malformed);
  multipart::parser_limits lim;
  lim.max_header_bytes = 64;
  lim.max_header_count = 3;
  EXPECT_TRUE(
      oracle_parse("abc", "--abc\r\nA: " + std::string(57, 'x') + "\r\n\r\nx\r\n--abc--", lim).ok);
  EXPECT_FALSE(
      oracle_parse("abc", "--abc\r\nA: " + std::string(58, 'x') + "\r\n\r\nx\r\n--abc--", lim).ok);
  EXPECT_TRUE(oracle_parse("abc", "--abc\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\nx\r\n--abc--", lim).ok);
  EXPECT_FALSE(
      oracle_parse("abc", "--abc\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\nx\r\n--abc--", lim).ok);
}

TEST(Oracle, InvalidBoundary) {
  EXPECT_EQ(oracle_parse("bad\r\nboundary", "--bad\r\nboundary\r\n").code,
            error_code::request_content_type);
  EXPECT_EQ(oracle_parse(std::string(71, 'a'), "").code, error_code::request_content_type);
  EXPECT_TRUE(oracle_parse(std::string(70, 'z'), "--" + std::string(70, 'z') + "--").ok);
}

}  // namespace
}  // namespace upspec::properties

#include <gtest/gtest.h>

#include "test_support.hpp"
#include "upspec/multipart/parser.hpp"

namespace upspec::multipart {
namespace {

using testing::parse_all_splits;
using events = std::vector<std::string>;

const std::string kPart = "Content-Disposition: form-data; name=\"a\"\r\n\r\n";

TEST(MultipartParser, OnePart) {
  auto r = parse_all_splits("abc", "--abc\r\n" + kPart + "hello\r\n--abc--\r\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events, (events{"begin", "header Content-Disposition: form-data; name=\"a\"",
                              "headers-complete", "data hello", "end", "close"}));
}

TEST(MultipartParser, PreambleAndEpilogueAreIgnored) {
  auto r =
      parse_all_splits("abc", "This is the preamble.\r\n--abc\r\n" + kPart +
                                  "x\r\n--abc--\r\nThis is the epilogue.\r\n--abc\r\nignored too");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events, (events{"begin", "header Content-Disposition: form-data; name=\"a\"",
                              "headers-complete", "data x", "end", "close"}));
}

TEST(MultipartParser, TransportPaddingAfterDelimitersIsAccepted) {
  auto r =
      parse_all_splits("abc", "--abc \t \r\n" + kPart + "x\r\n--abc\t\r\n\r\ny\r\n--abc--  \r\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events, (events{"begin", "header Content-Disposition: form-data; name=\"a\"",
                              "headers-complete", "data x", "end", "begin", "headers-complete",
                              "data y", "end", "close"}));
}

TEST(MultipartParser, TransportPaddingIsBounded) {
  parser_limits lim;
  lim.max_transport_padding = 8;
  auto ok = parse_all_splits("abc", "--abc" + std::string(8, ' ') + "\r\n\r\nx\r\n--abc--", lim);
  EXPECT_TRUE(ok.ok);
  auto r = parse_all_splits("abc", "--abc" + std::string(9, ' ') + "\r\n\r\nx\r\n--abc--", lim);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.failure->code, error_code::multipart_malformed);
}

TEST(MultipartParser, CloseDelimiterAtTheVeryEndNeedsNoLineEnd) {
  auto r = parse_all_splits("abc", "--abc\r\n\r\nx\r\n--abc--");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events.back(), "close");
}

TEST(MultipartParser, MissingCloseDelimiterIsTruncated) {
  for (std::string body :
       {"--abc\r\n\r\nx", "--abc\r\n\r\nx\r\n--abc\r\n", "--abc\r\nContent-Type: a",
        "--abc\r\n\r\nx\r\n--abc", "--abc\r\n\r\nx\r\n--abc-"}) {
    auto r = parse_all_splits("abc", body);
    EXPECT_FALSE(r.ok) << body;
    EXPECT_EQ(r.failure->code, error_code::multipart_truncated) << body;
  }
}

TEST(MultipartParser, NoDelimiterAtAllIsMalformed) {
  for (std::string body : {"", "just text", "--abcd\r\n\r\nx\r\n--abcd--\r\n"}) {
    auto r = parse_all_splits("abc", body);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.failure->code, error_code::multipart_malformed) << body;
  }
}

TEST(MultipartParser, BoundaryLookAlikesStayContent) {
  const std::string content =
      "a\r\n--abcd\r\nb\r\n--abc x\r\n--abc-x\r\n--abc\rx\r\n--ab\r\n-\r\n--abc--x\r\n--abc--\rz";
  auto r = parse_all_splits("abc", "--abc\r\n\r\n" + content + "\r\n--abc--\r\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events, (events{"begin", "headers-complete", "data " + content, "end", "close"}));
}

TEST(MultipartParser, DelimiterMustStartALine) {
  // The CRLF before "--abc" belongs to the delimiter; without it, it is content.
  auto r = parse_all_splits("abc", "--abc\r\n\r\nx--abc\r\n--abc--");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events, (events{"begin", "headers-complete", "data x--abc", "end", "close"}));
  auto empty = parse_all_splits("abc", "--abc\r\n\r\n\r\n--abc--");
  EXPECT_EQ(empty.events, (events{"begin", "headers-complete", "end", "close"}));
}

TEST(MultipartParser, ContentWithCrLfAndDashes) {
  const std::string content = "\r\n\r\n--\r\n-\r--\n\r\r\n\r\n-";
  auto r = parse_all_splits("abc", "--abc\r\n\r\n" + content + "\r\n--abc--");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events[2], "data " + content);
}

TEST(MultipartParser, BareLfLineEndsAreMalformed) {
  auto in_headers = parse_all_splits("abc", "--abc\r\nContent-Type: a\n\r\nx\r\n--abc--");
  EXPECT_EQ(in_headers.failure->code, error_code::multipart_malformed);
  // With LF everywhere no delimiter line is ever complete.
  auto everywhere =
      parse_all_splits("abc", "--abc\n" + std::string("Content-Type: a\n\nx\n--abc--\n"));
  EXPECT_EQ(everywhere.failure->code, error_code::multipart_malformed);
  auto bare_cr = parse_all_splits("abc", "--abc\r\nContent-Type: a\rb\r\n\r\nx\r\n--abc--");
  EXPECT_EQ(bare_cr.failure->code, error_code::multipart_malformed);
}

TEST(MultipartParser, FoldedHeadersAreUnfolded) {
  auto r = parse_all_splits("abc",
                            "--abc\r\nContent-Disposition: form-data;\r\n\tname=\"a\";\r\n  "
                            "filename=\"f\"\r\n\r\nx\r\n--abc--");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.events[1], "header Content-Disposition: form-data;\tname=\"a\";  filename=\"f\"");
  auto leading = parse_all_splits("abc", "--abc\r\n folded: first\r\n\r\nx\r\n--abc--");
  EXPECT_EQ(leading.failure->code, error_code::multipart_malformed);
}

TEST(MultipartParser, HeaderSyntax) {
  auto trimmed = parse_all_splits("abc", "--abc\r\nX-A:   v  \r\nX-B:\r\n\r\n\r\n--abc--");
  EXPECT_EQ(trimmed.events,
            (events{"begin", "header X-A: v", "header X-B: ", "headers-complete", "end", "close"}));
  for (const std::string& bad :
       std::vector<std::string>{"no colon", "space before : colon", ": empty name",
                                "bad\x01name: x", std::string("X-Nul: a\0b", 11), "X-Ctl: a\x7f"}) {
    auto r = parse_all_splits("abc", "--abc\r\n" + bad + "\r\n\r\nx\r\n--abc--");
    ASSERT_FALSE(r.ok) << bad;
    EXPECT_EQ(r.failure->code, error_code::multipart_malformed) << bad;
  }
}

TEST(MultipartParser, HeaderBlockSizeAndCountAreBounded) {
  parser_limits lim;
  lim.max_header_bytes = 64;
  lim.max_header_count = 3;
  const std::string ok_block = "A: " + std::string(57, 'x') + "\r\n\r\n";  // exactly 64 bytes
  ASSERT_EQ(ok_block.size(), 64u);
  EXPECT_TRUE(parse_all_splits("abc", "--abc\r\n" + ok_block + "x\r\n--abc--", lim).ok);
  auto big =
      parse_all_splits("abc", "--abc\r\nA: " + std::string(58, 'x') + "\r\n\r\nx\r\n--abc--", lim);
  EXPECT_EQ(big.failure->code, error_code::multipart_malformed);
  EXPECT_TRUE(parse_all_splits("abc", "--abc\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\nx\r\n--abc--", lim).ok);
  auto many =
      parse_all_splits("abc", "--abc\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\nx\r\n--abc--", lim);
  EXPECT_EQ(many.failure->code, error_code::multipart_malformed);
}

TEST(MultipartParser, InvalidBoundaryFailsBeforeReading) {
  parser p("bad\r\nboundary");
  testing::event_log log;
  EXPECT_FALSE(p.feed("--bad\r\nboundary\r\n", log));
  EXPECT_TRUE(log.events.empty());
}

TEST(MultipartParser, LongestBoundary) {
  const std::string b(70, 'z');
  auto r = parse_all_splits(b, "--" + b + "\r\n\r\nx\r\n--" + b + "--");
  EXPECT_TRUE(r.ok);
}

// Records where data views point, to show file bytes are not copied.
class view_checker : public parser_events {
 public:
  std::string_view input;
  std::size_t bytes = 0;
  bool all_inside = true;
  void on_part_begin() override {}
  void on_header(std::string_view, std::string_view) override {}
  void on_headers_complete() override {}
  void on_part_data(std::string_view b) override {
    bytes += b.size();
    all_inside = all_inside && b.data() >= input.data() &&
                 b.data() + b.size() <= input.data() + input.size();
  }
  void on_part_end() override {}
  void on_body_end() override {}
};

TEST(MultipartParser, DataIsHandedOutAsViewsOfTheInputWithABoundedBuffer) {
  std::string data(3 << 20, 'x');
  // No CR: a CR at a chunk's end could start a delimiter, and those held bytes come back from
  // the parser's own buffer when they turn out to be content.
  for (std::size_t i = 0; i < data.size(); i += 997) data[i] = "\n-"[i % 2];
  const std::string body = "--abc\r\n\r\n" + data + "\r\n--abc--\r\n";
  view_checker v;
  v.input = body;
  parser p("abc");
  for (std::size_t at = 0; at < body.size(); at += 65536) {
    const std::size_t n = std::min<std::size_t>(65536, body.size() - at);
    v.input = std::string_view(body).substr(at, n);
    ASSERT_TRUE(p.feed(v.input, v));
    EXPECT_LE(p.buffered_bytes(), p.buffer_bound());
  }
  EXPECT_TRUE(p.finish(v));
  EXPECT_EQ(v.bytes, data.size());
  EXPECT_TRUE(v.all_inside);
  EXPECT_LT(p.buffer_bound(), 17u * 1024);
}

}  // namespace
}  // namespace upspec::multipart

#include "upspec/multipart/part_headers.hpp"

#include <gtest/gtest.h>

namespace upspec::multipart {
namespace {

TEST(ContentDisposition, NameAndFilename) {
  auto d = parse_content_disposition("form-data; name=\"0\"; filename=\"a.txt\"");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->type, "form-data");
  EXPECT_EQ(d->name, "0");
  EXPECT_EQ(d->filename, "a.txt");
}

TEST(ContentDisposition, TypeAndParameterNamesAreCaseInsensitive) {
  auto d = parse_content_disposition("Form-Data; NAME=\"x\"; FileName=\"Y.TXT\"");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->type, "form-data");
  EXPECT_EQ(d->name, "x");
  EXPECT_EQ(d->filename, "Y.TXT");
}

TEST(ContentDisposition, QuotedPairsAreResolved) {
  auto d = parse_content_disposition(R"(form-data; name="a\"b"; filename="c\\d\"e.txt")");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->name, "a\"b");
  EXPECT_EQ(d->filename, "c\\d\"e.txt");
}

TEST(ContentDisposition, TokenValuesAndEmptyFilename) {
  auto d = parse_content_disposition("form-data; name=operations; filename=\"\"");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->name, "operations");
  EXPECT_EQ(d->filename, "");
  auto none = parse_content_disposition("form-data; name=x");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->filename.has_value());
}

TEST(ContentDisposition, FilenameWinsOverFilenameStar) {
  auto after = parse_content_disposition(
      "form-data; name=f; filename=\"EUR rates.txt\"; filename*=UTF-8''%e2%82%ac%20rates.txt");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->filename, "EUR rates.txt");
  auto before = parse_content_disposition(
      "form-data; filename*=utf-8'en'%C3%A9.txt; name=f; filename=\"e.txt\"");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->filename, "e.txt");
  auto empty = parse_content_disposition("form-data; name=f; filename=\"\"; filename*=UTF-8''a");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->filename, "");
}

TEST(ContentDisposition, LoneFilenameStarIsDecoded) {
  auto utf8 =
      parse_content_disposition("form-data; name=f; filename*=UTF-8''%e2%82%ac%20rates.txt");
  ASSERT_TRUE(utf8);
  EXPECT_EQ(utf8->filename, "\xe2\x82\xac rates.txt");
  auto latin1 = parse_content_disposition("form-data; FILENAME*=iso-8859-1'en'caf%E9; name=f");
  ASSERT_TRUE(latin1);
  EXPECT_EQ(latin1->filename, "caf\xc3\xa9");
}

TEST(ContentDisposition, LoneUnusableFilenameStarGivesNoFilename) {
  auto bad_pct = parse_content_disposition("form-data; name=f; filename*=UTF-8''%zz");
  ASSERT_TRUE(bad_pct);
  EXPECT_FALSE(bad_pct->filename.has_value());
  auto bad_charset = parse_content_disposition("form-data; name=f; filename*=KOI8-R''abc");
  ASSERT_TRUE(bad_charset);
  EXPECT_FALSE(bad_charset->filename.has_value());
}

TEST(ContentDisposition, NameStarNeverNamesThePart) {
  auto after = parse_content_disposition("form-data; name=\"x\"; name*=utf-8''operations");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->name, "x");
  auto before = parse_content_disposition("form-data; NAME*=UTF-8''map; name=\"0\"");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->name, "0");
  auto alone = parse_content_disposition("form-data; name*=utf-8''operations; filename=\"a\"");
  ASSERT_TRUE(alone);
  EXPECT_FALSE(alone->name.has_value());
  auto continued = parse_content_disposition("form-data; name*0=oper; name*1=ations");
  ASSERT_TRUE(continued);
  EXPECT_FALSE(continued->name.has_value());
}

TEST(ContentDisposition, Rfc8187Decoding) {
  EXPECT_EQ(decode_ext_value("UTF-8''a%20b"), "a b");
  EXPECT_EQ(decode_ext_value("iso-8859-1''%A3%20rates"), "\xc2\xa3 rates");  // decoded to UTF-8
  EXPECT_EQ(decode_ext_value("UTF-8''%4"), std::nullopt);
  EXPECT_EQ(decode_ext_value("no-quotes"), std::nullopt);
}

TEST(ContentDisposition, MalformedValuesDoNotParse) {
  EXPECT_FALSE(parse_content_disposition("form-data; name=\"unterminated"));
  EXPECT_FALSE(parse_content_disposition("form-data; name"));
  EXPECT_FALSE(parse_content_disposition("form-data; name=a b"));
  EXPECT_FALSE(parse_content_disposition(""));
}

TEST(PartMediaType, DefaultsToTextPlainAndDropsParameters) {
  EXPECT_EQ(part_media_type(std::nullopt), "text/plain");
  EXPECT_EQ(part_media_type("Image/PNG"), "image/png");
  EXPECT_EQ(part_media_type("text/plain; charset=utf-8"), "text/plain");
  EXPECT_EQ(part_media_type("garbage"), "text/plain");
  EXPECT_EQ(part_media_type("a/b/c"), "text/plain");
  EXPECT_EQ(part_media_type(""), "text/plain");
}

TEST(PartHeaderCollector, FirstOfRepeatedHeadersWins) {
  part_header_collector c;
  c.add("content-type", "image/png");
  c.add("Content-Type", "text/html");
  c.add("CONTENT-DISPOSITION", "form-data; name=a");
  c.add("X-Other", "1");
  EXPECT_EQ(c.content_type(), "image/png");
  EXPECT_EQ(c.disposition(), "form-data; name=a");
  c.reset();
  EXPECT_FALSE(c.content_type());
}

}  // namespace
}  // namespace upspec::multipart

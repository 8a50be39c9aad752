#include "upspec/encoder/encoder.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"
#include "upspec/util/sha256.hpp"

namespace upspec::encoder {
namespace {

using testing::error_code_of;
using testing::outcome_all_splits;

const json kOps = json::parse(
    R"({"query":"mutation($a: Upload!, $b: [Upload!]!) { x }","variables":{"a":null,"b":[null,null]}})");

std::vector<upload_file> files() {
  return {{"0",
           {"variables.a", "variables.b.1"},
           "a \"quoted\" \\ name.txt",
           "image/png",
           std::string("\r\n--upspec-6b1c0a8e3f9d4c2\r\n--upspec-6b1c0a8e3f9d4c27-x\0y", 57)},
          {"1", {"variables.b.0"}, "\xc3\xa9t\xc3\xa9.bin", std::nullopt, std::string(70000, '-')}};
}

void expect_round_trip(const encoding& enc, part_order order = part_order::spec) {
  const auto req = encode_request(kOps, files(), enc, order);
  const json o = outcome_all_splits(req.content_type, req.body);
  ASSERT_EQ(o["status"], 200) << o.dump();
  json expected = kOps;
  expected["variables"]["a"] = {{"$upload", "0"}};
  expected["variables"]["b"] = json::parse(R"([{"$upload":"1"},{"$upload":"0"}])");
  EXPECT_EQ(o["operations"], expected);
  for (const auto& f : files()) {
    const json& u = o["uploads"][f.field];
    EXPECT_EQ(u["filename"], *f.filename);
    EXPECT_EQ(u["mimetype"], f.content_type.value_or("text/plain"));
    EXPECT_EQ(u["size"], f.content.size());
    EXPECT_EQ(u["sha256"], sha256::hex_of(f.content));
  }
}

TEST(Encoder, RoundTripsThroughTheProcessor) {
  expect_round_trip({});
}

TEST(Encoder, QuotedBoundaryWithSpaces) {
  encoding enc;
  enc.boundary = "a quoted boundary:with=specials?";
  enc.quote_boundary = true;
  expect_round_trip(enc);
}

TEST(Encoder, PreambleEpiloguePaddingAndHeaderSpelling) {
  encoding enc;
  enc.preamble = "preamble";
  enc.epilogue = "epilogue";
  enc.transport_padding = " \t ";
  enc.header_names = header_case::upper;
  enc.filename_before_name = true;
  expect_round_trip(enc);
  enc.header_names = header_case::lower;
  expect_round_trip(enc);
}

TEST(Encoder, SeventyCharacterBoundary) {
  encoding enc;
  enc.boundary = std::string(70, '-');
  expect_round_trip(enc);
}

TEST(Encoder, FilenameStar) {
  std::vector<form_part> parts{{"operations", {}, {}, {}, R"({"variables":{"f":null}})", {}, false},
                               {"map", {}, {}, {}, R"({"0":["variables.f"]})", {}, false},
                               {"0", {}, "\xe2\x82\xac 100%.txt", "text/plain", "x", {}, false}};
  const auto req = encode_form(parts);
  EXPECT_NE(req.body.find("filename*=UTF-8''%E2%82%AC%20100%25.txt"), std::string::npos);
  EXPECT_EQ(outcome_all_splits(req.content_type, req.body)["uploads"]["0"]["filename"],
            "\xe2\x82\xac 100%.txt");
}

TEST(Encoder, NameStarFollowsName) {
  form_part part{"x", {}, {}, {}, "v", {}, false};
  part.name_star = "op\xc3\xa9rations";
  const auto req = encode_form({part});
  EXPECT_NE(req.body.find("; name=\"x\"; name*=UTF-8''op%C3%A9rations\r\n"), std::string::npos);
}

TEST(Encoder, BrokenEncodings) {
  encoding lf;
  lf.line_end = "\n";
  auto req = encode_request(kOps, files(), lf);
  EXPECT_EQ(error_code_of(outcome_all_splits(req.content_type, req.body)), "multipart.malformed");
  encoding open;
  open.close_delimiter = false;
  req = encode_request(kOps, files(), open);
  const json o = outcome_all_splits(req.content_type, req.body);
  EXPECT_EQ(o["status"], 200);  // the map was processed: only the last file fails
  EXPECT_EQ(o["uploads"]["0"]["size"], files()[0].content.size());
  EXPECT_EQ(o["uploads"]["1"]["error"]["code"], "multipart.truncated");
}

TEST(Encoder, PartOrders) {
  auto code = [](part_order order) {
    const auto req = encode_request(kOps, files(), {}, order);
    return error_code_of(outcome_all_splits(req.content_type, req.body));
  };
  EXPECT_EQ(code(part_order::spec), "");
  EXPECT_EQ(code(part_order::map_first), "map.misordered");
  EXPECT_EQ(code(part_order::files_first), "file.misordered");
  EXPECT_EQ(code(part_order::files_before_map), "file.misordered");
}

TEST(Encoder, MapFollowsFileOrder) {
  EXPECT_EQ(request::dump_json(map_for(files())),
            R"({"0":["variables.a","variables.b.1"],"1":["variables.b.0"]})");
}

}  // namespace
}  // namespace upspec::encoder

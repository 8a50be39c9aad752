#include "upspec/request/json_field.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace upspec::request {
namespace {

json parsed(std::string_view text) {
  auto result = parse_json_field(text);
  if (auto* why = std::get_if<std::string>(&result)) ADD_FAILURE() << text << ": " << *why;
  return std::holds_alternative<json>(result) ? std::get<json>(result) : json();
}

TEST(JsonField, BuildsWhatJsonParseBuilds) {
  for (const char* text :
       {R"({"query":"{ ping }","variables":{"a":[1,-2,3.5,true,false,null,"\u00e9"],"b":{}}})",
        R"([{"x":[[],[{}],{"y":[0]}]},18446744073709551615,-9223372036854775808,1e300])",
        R"("just a string")", "0", "null", R"({"z":1,"a":2,"m":{"z":[],"a":{}}})"})
    EXPECT_EQ(parsed(text), json::parse(text)) << text;
}

// RFC 8259 §4 leaves repeated names to the parser; JavaScript's JSON.parse keeps the first
// place and the last value, and so does the reference (corpus: operations.duplicate-keys).
TEST(JsonField, RepeatedNameKeepsItsFirstPlaceAndLastValue) {
  const json j = parsed(R"({"a":1,"b":{"c":1,"c":[2]},"a":{"d":3}})");
  EXPECT_EQ(j.dump(), R"({"a":{"d":3},"b":{"c":[2]}})");
}

// Small objects are searched in place and larger ones through an index built as they grow: a
// name repeated on either side of that change, or across it, still keeps one place.
TEST(JsonField, RepeatedNamesAsAnObjectGrows) {
  std::string text = "{";
  json expected = json::object();
  for (int i = 0; i < 40; ++i) {
    text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    if (i % 7 == 3) text += "\"k" + std::to_string(i / 2) + "\":\"again\",";
    append_new_member(expected, "k" + std::to_string(i), i);
  }
  text += "\"k39\":\"last\"}";
  for (int i = 0; i < 40; ++i)
    if (i % 7 == 3) expected["k" + std::to_string(i / 2)] = "again";
  expected["k39"] = "last";
  EXPECT_EQ(parsed(text).dump(), expected.dump());
}

TEST(JsonField, LargeObjectsKeepTheirOrder) {
  std::string text = "{";
  for (int i = 20000; i > 0; --i)
    text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  text += "\"k7\":0}";
  const json j = parsed(text);
  ASSERT_EQ(j.size(), 20000u);
  EXPECT_EQ(j.begin().key(), "k20000");
  EXPECT_EQ((--j.end()).key(), "k1");
  EXPECT_EQ(j["k7"], 0);
}

TEST(JsonField, SaysWhyTextIsNotJson) {
  for (const char* text : {"", "{", R"({"a":1} x)", "[1,]", R"({"a" 1})", "1e999", "\"\xff\""}) {
    const auto result = parse_json_field(text);
    ASSERT_TRUE(std::holds_alternative<std::string>(result)) << text;
    EXPECT_FALSE(std::get<std::string>(result).empty()) << text;
  }
}

TEST(JsonField, AppendNewMemberKeepsOrder) {
  json j = json::object();
  append_new_member(j, "z", 1);
  append_new_member(j, "a", 2);
  EXPECT_EQ(j.dump(), R"({"z":1,"a":2})");
}

}  // namespace
}  // namespace upspec::request

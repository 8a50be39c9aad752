#include "upspec/request/object_path.hpp"

#include <gtest/gtest.h>

namespace upspec::request {
namespace {

json ops() {
  return json::parse(
      R"({"variables": {"file": null, "files": [null, null], "s": "text", "n": null}})");
}

std::string set(json& root, std::string_view path) {
  auto why = set_at_object_path(root, path, "X");
  return why ? "error" : "ok";
}

TEST(ObjectPath, ReplacesPlaceholdersInObjectsAndArrays) {
  json o = ops();
  EXPECT_EQ(set(o, "variables.file"), "ok");
  EXPECT_EQ(set(o, "variables.files.1"), "ok");
  EXPECT_EQ(o["variables"]["file"], "X");
  EXPECT_EQ(o["variables"]["files"], json::parse(R"([null, "X"])"));
}

TEST(ObjectPath, CreatesMissingKeysAsObjectsOrArrays) {
  json o = ops();
  EXPECT_EQ(set(o, "variables.input.list.0.file"), "ok");
  EXPECT_EQ(o["variables"]["input"], json::parse(R"({"list": [{"file": "X"}]})"));
}

TEST(ObjectPath, ExtendsArraysWithNulls) {
  json o = ops();
  EXPECT_EQ(set(o, "variables.files.3"), "ok");
  EXPECT_EQ(o["variables"]["files"], json::parse(R"([null, null, null, "X"])"));
}

TEST(ObjectPath, NumericSegmentsIntoObjectsAreKeys) {
  json o = json::parse(R"({"a": {}})");
  EXPECT_EQ(set(o, "a.0"), "ok");
  EXPECT_EQ(o["a"], json::parse(R"({"0": "X"})"));
}

TEST(ObjectPath, ArraysTakeOnlyCanonicalIndices) {
  json o = ops();
  EXPECT_EQ(set(o, "variables.files.01"), "error");
  EXPECT_EQ(set(o, "variables.files.-1"), "error");
  EXPECT_EQ(set(o, "variables.files.x"), "error");
  EXPECT_EQ(set(o, "variables.files.1000000"), "error");  // too far past the end
}

TEST(ObjectPath, PathsThroughNonContainersFail) {
  json o = ops();
  EXPECT_EQ(set(o, "variables.s.x"), "error");
  EXPECT_EQ(set(o, "variables.s.0"), "error");
  EXPECT_EQ(set(o, "variables.n.x"), "error");
  EXPECT_EQ(set(o, "variables.file.x"), "error");
  EXPECT_EQ(o, ops());  // nothing was changed by a failing path
}

TEST(ObjectPath, PrototypeSegmentsAreRefused) {
  for (const char* p : {"__proto__.polluted", "variables.__proto__", "constructor.prototype.x",
                        "variables.constructor", "variables.prototype"}) {
    json o = ops();
    EXPECT_EQ(set(o, p), "error") << p;
  }
}

TEST(ObjectPath, EmptyAndOverlongPathsFail) {
  json o = ops();
  EXPECT_EQ(set(o, ""), "error");
  std::string deep = "a";
  for (int i = 0; i < 600; ++i) deep += ".a";
  EXPECT_EQ(set(o, deep), "error");
}

TEST(ObjectPath, BatchRootIsAnArray) {
  json o = json::parse(R"([{"variables": {"f": null}}, {"variables": {"f": null}}])");
  EXPECT_EQ(set(o, "1.variables.f"), "ok");
  EXPECT_EQ(o[1]["variables"]["f"], "X");
  EXPECT_EQ(set(o, "variables.f"), "error");
}

}  // namespace
}  // namespace upspec::request

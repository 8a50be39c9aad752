#include "upspec/request/object_path.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "upspec/request/processor.hpp"

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

// The setter the processor uses for a whole map against one path at a time, on the same paths:
// the same values and the same refusals, including after it replaced objects it had indexed.
void expect_setter_agrees(const json& start, const std::vector<std::string>& paths) {
  json one_by_one = start;
  json together = start;
  object_path_setter setter(together);
  for (const auto& p : paths) {
    const json value = "X" + p;
    EXPECT_EQ(set_at_object_path(one_by_one, p, value).has_value(),
              setter.set(p, value).has_value())
        << p;
    ASSERT_EQ(one_by_one, together) << "after " << p;
  }
}

TEST(ObjectPath, SetterAgreesWithOnePathAtATime) {
  expect_setter_agrees(ops(), {"variables.file", "variables.files.1", "variables.input.list.0.f",
                               "variables.input.list.3.g", "variables.input", "variables.input.x",
                               "variables.s.t", "variables.new.0", "variables.new.1.k"});
  expect_setter_agrees(json::parse(R"([{"variables": {}}, {"variables": {"f": {"g": {}}}}])"),
                       {"1.variables.f.g.h", "1.variables.f", "1.variables.f.g", "0.variables.f",
                        "2.variables", "1.variables.e"});
}

// graphql-upload: a path that walks into a file an earlier path of the map set (an Upload there)
// is invalid; replacing the file, or a sibling of it, is not. A live fuzzing finding: the setter
// used to add members to the placeholder object itself.
TEST(ObjectPath, AFileAnEarlierPathSetIsNotWalkedInto) {
  json o = ops();
  object_path_setter setter(o);
  EXPECT_FALSE(setter.set("variables.files", upload_placeholder("0")));
  const auto why = setter.set("variables.files.2", upload_placeholder("1"));
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("earlier path"), std::string::npos) << *why;
  EXPECT_TRUE(setter.set("variables.files.$upload", upload_placeholder("1")));
  EXPECT_EQ(o["variables"]["files"], upload_placeholder("0"));
  EXPECT_FALSE(setter.set("variables.files", upload_placeholder("2")));  // replaced
  EXPECT_FALSE(setter.set("variables.file", upload_placeholder("3")));   // a sibling
  EXPECT_EQ(o["variables"]["files"], upload_placeholder("2"));
  // A created member and an appended item are files too.
  EXPECT_FALSE(setter.set("variables.fresh", upload_placeholder("4")));
  EXPECT_TRUE(setter.set("variables.fresh.a", upload_placeholder("5")));
  EXPECT_FALSE(setter.set("variables.list.0", upload_placeholder("6")));
  EXPECT_TRUE(setter.set("variables.list.0.b", upload_placeholder("7")));
  // A literal {"$upload": ...} the client wrote in the operations is only JSON.
  json literal = json::parse(R"({"variables": {"x": {"$upload": "0"}}})");
  EXPECT_FALSE(object_path_setter(literal).set("variables.x.y", upload_placeholder("8")));
}

// An object the setter indexed and then replaced is freed; a new object may take its address.
TEST(ObjectPath, SetterForgetsTheObjectsItReplaces) {
  std::vector<std::string> paths;
  for (int i = 0; i < 200; ++i) {
    const std::string k = "variables.k" + std::to_string(i % 7);
    paths.insert(paths.end(), {k + ".a.b", k + ".a", k + ".a.c", k + ".d.e", k, k + ".f"});
  }
  expect_setter_agrees(ops(), paths);
}

// Growing an object copies its members' values to new storage; what the setter knows of the
// objects inside must survive that (a fuzz finding: fuzz/regressions/object_path/).
TEST(ObjectPath, SetterKeepsUpWithObjectsThatGrow) {
  std::vector<std::string> paths;
  for (int round = 0; round < 20; ++round) {
    for (const char* inner : {"variables.a.x", "variables.a.y", "variables.a.b.c.z"})
      paths.push_back(inner + std::to_string(round % 3));
    for (int i = 0; i < 40; ++i)
      paths.push_back("variables.n" + std::to_string(round) + "_" + std::to_string(i) + ".m.k");
  }
  expect_setter_agrees(ops(), paths);
}

TEST(ObjectPath, SetterFindsMembersOfLargeObjects) {
  json start = json::object();
  json& variables = start["variables"] = json::object();
  std::vector<std::string> paths;
  for (int i = 0; i < 3000; ++i) {
    variables["k" + std::to_string(i)] = nullptr;
    paths.push_back("variables.k" + std::to_string((i * 7919) % 3000));
  }
  expect_setter_agrees(start, paths);
}

}  // namespace
}  // namespace upspec::request

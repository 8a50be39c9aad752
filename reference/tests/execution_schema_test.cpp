// Every field of the conformance schema, __typename, aliases, fragments, directives and field
// merging, through upspec::execution::execute().

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "upspec/execution/executor.hpp"

namespace conformance_schema_test {

using namespace upspec::execution;

json request(const std::string& query, json variables = nullptr) {
  json r = {{"query", query}};
  if (!variables.is_null()) r["variables"] = std::move(variables);
  return r;
}

json placeholder(const std::string& field) {
  return {{"$upload", field}};
}

upload_value file(std::optional<std::string> filename, std::string mimetype, std::uint64_t size,
                  std::string sha256) {
  return {std::move(filename), std::move(mimetype), size, std::move(sha256), std::nullopt};
}

// Uploads "0" to "4", each mapped at variables.<name> by the tests that use them.
const upload_values& uploads() {
  static const upload_values kUploads = {{"0", file("a.txt", "text/plain", 1, "aa")},
                                         {"1", file("b.png", "image/png", 2, "bb")},
                                         {"2", file(std::nullopt, "text/plain", 3, "cc")},
                                         {"3", file("", "application/octet-stream", 4, "dd")},
                                         {"4", file("e.txt", "text/plain", 5, "ee")}};
  return kUploads;
}

json run(const std::string& query, json variables = nullptr, const upload_paths& paths = {}) {
  return execute(request(query, std::move(variables)), paths, uploads());
}

json data(const char* text) {
  return json{{"data", json::parse(text)}};
}

TEST(ExecutionSchema, Ping) {
  EXPECT_EQ(run("{ ping }"), data(R"({"ping": true})"));
  EXPECT_EQ(run("query { ping }"), data(R"({"ping": true})"));
  EXPECT_EQ(run("query Named { ping }"), data(R"({"ping": true})"));
}

TEST(ExecutionSchema, TypenameAnywhere) {
  EXPECT_EQ(run("{ __typename }"), data(R"({"__typename": "Query"})"));
  EXPECT_EQ(run("mutation { __typename }"), data(R"({"__typename": "Mutation"})"));
  EXPECT_EQ(run("mutation($f: Upload!) { single(file: $f) { __typename t: __typename } }",
                {{"f", placeholder("0")}}, {{"variables.f", "0"}}),
            data(R"({"single": {"__typename": "UploadedFile", "t": "UploadedFile"}})"));
}

TEST(ExecutionSchema, AliasesKeepDocumentOrder) {
  EXPECT_EQ(run("{ b: ping a: __typename ping }"),
            data(R"({"b": true, "a": "Query", "ping": true})"));
}

TEST(ExecutionSchema, Single) {
  EXPECT_EQ(run("mutation($f: Upload!) { single(file: $f) { filename mimetype size sha256 } }",
                {{"f", placeholder("0")}}, {{"variables.f", "0"}}),
            data(R"({"single": {"filename": "a.txt", "mimetype": "text/plain", "size": 1,
                                "sha256": "aa"}})"));
}

TEST(ExecutionSchema, MissingFilenameReadsAsEmpty) {
  // UploadedFile.filename is String!: a part without a filename parameter reports "".
  EXPECT_EQ(run("mutation($f: Upload!) { single(file: $f) { filename } }",
                {{"f", placeholder("2")}}, {{"variables.f", "2"}}),
            data(R"({"single": {"filename": ""}})"));
  EXPECT_EQ(run("mutation($f: Upload!) { single(file: $f) { filename } }",
                {{"f", placeholder("3")}}, {{"variables.f", "3"}}),
            data(R"({"single": {"filename": ""}})"));
}

TEST(ExecutionSchema, Optional) {
  EXPECT_EQ(run("mutation { optional(file: null) { size } }"), data(R"({"optional": null})"));
  EXPECT_EQ(run("mutation { optional { size } }"), data(R"({"optional": null})"));
  EXPECT_EQ(run("mutation($f: Upload) { optional(file: $f) { size } }"),
            data(R"({"optional": null})"));
  EXPECT_EQ(run("mutation($f: Upload) { optional(file: $f) { size } }", {{"f", nullptr}}),
            data(R"({"optional": null})"));
  EXPECT_EQ(run("mutation($f: Upload) { optional(file: $f) { size } }", {{"f", placeholder("1")}},
                {{"variables.f", "1"}}),
            data(R"({"optional": {"size": 2}})"));
}

TEST(ExecutionSchema, Multiple) {
  EXPECT_EQ(run("mutation($f: [Upload!]!) { multiple(files: $f) { filename size } }",
                {{"f", {placeholder("0"), placeholder("1")}}},
                {{"variables.f.0", "0"}, {"variables.f.1", "1"}}),
            data(R"({"multiple": [{"filename": "a.txt", "size": 1},
                                  {"filename": "b.png", "size": 2}]})"));
  EXPECT_EQ(
      run("mutation($f: [Upload!]!) { multiple(files: $f) { size } }", {{"f", json::array()}}),
      data(R"({"multiple": []})"));
}

TEST(ExecutionSchema, MultipleFromAListLiteralOfVariables) {
  EXPECT_EQ(run("mutation($a: Upload!, $b: Upload!) { multiple(files: [$b, $a]) { size } }",
                {{"a", placeholder("0")}, {"b", placeholder("1")}},
                {{"variables.a", "0"}, {"variables.b", "1"}}),
            data(R"({"multiple": [{"size": 2}, {"size": 1}]})"));
}

TEST(ExecutionSchema, TreeIsDepthFirst) {
  const json input = {
      {"file", placeholder("0")},
      {"files", {placeholder("1"), nullptr, placeholder("2")}},
      {"child", {{"files", {placeholder("3")}}, {"child", {{"file", placeholder("4")}}}}}};
  const upload_paths paths = {{"variables.t.file", "0"},
                              {"variables.t.files.0", "1"},
                              {"variables.t.files.2", "2"},
                              {"variables.t.child.files.0", "3"},
                              {"variables.t.child.child.file", "4"}};
  EXPECT_EQ(run("mutation($t: UploadTree!) { tree(input: $t) { size } }", {{"t", input}}, paths),
            data(R"({"tree": [{"size": 1}, {"size": 2}, {"size": 3}, {"size": 4},
                              {"size": 5}]})"));
  EXPECT_EQ(run("mutation { tree(input: {}) { size } }"), data(R"({"tree": []})"));
}

TEST(ExecutionSchema, TreeFromAnObjectLiteral) {
  EXPECT_EQ(run("mutation($a: Upload, $b: Upload!) {"
                "  tree(input: {file: $a, child: {files: [$b, null], child: null}}) { size } }",
                {{"a", placeholder("0")}, {"b", placeholder("1")}},
                {{"variables.a", "0"}, {"variables.b", "1"}}),
            data(R"({"tree": [{"size": 1}, {"size": 2}]})"));
  // A missing variable inside an input object literal leaves the field out.
  EXPECT_EQ(run("mutation($a: Upload) { tree(input: {file: $a}) { size } }"),
            data(R"({"tree": []})"));
}

TEST(ExecutionSchema, Echo) {
  EXPECT_EQ(run("mutation { echo(value: \"hi\") }"), data(R"({"echo": "hi"})"));
  EXPECT_EQ(run("mutation { echo(value: \"\"\"  block\n  text\"\"\") }"),
            data(R"({"echo": "  block\ntext"})"));  // the first line keeps its indent
  EXPECT_EQ(run("mutation { echo }"), data(R"({"echo": null})"));
  EXPECT_EQ(run("mutation { echo(value: null) }"), data(R"({"echo": null})"));
  EXPECT_EQ(run("mutation($v: String) { echo(value: $v) }", {{"v", "\u00e9\u2603"}}),
            data("{\"echo\": \"\u00e9\u2603\"}"));
}

TEST(ExecutionSchema, EchoUploadOfNullIsNull) {
  EXPECT_EQ(run("mutation { echoUpload }"), data(R"({"echoUpload": null})"));
  EXPECT_EQ(run("mutation($f: Upload) { echoUpload(file: $f) }"), data(R"({"echoUpload": null})"));
}

TEST(ExecutionSchema, NamedFragments) {
  EXPECT_EQ(run("mutation($f: Upload!) { ...M }"
                "fragment M on Mutation { single(file: $f) { ...F } e: echo(value: \"x\") }"
                "fragment F on UploadedFile { size ...G }"
                "fragment G on UploadedFile { mimetype }",
                {{"f", placeholder("1")}}, {{"variables.f", "1"}}),
            data(R"({"single": {"size": 2, "mimetype": "image/png"}, "e": "x"})"));
}

TEST(ExecutionSchema, InlineFragments) {
  EXPECT_EQ(run("{ ... on Query { ping } ... { t: __typename } }"),
            data(R"({"ping": true, "t": "Query"})"));
}

TEST(ExecutionSchema, AFragmentSpreadTwiceIsCollectedOnce) {
  EXPECT_EQ(run("{ ...Q ...Q } fragment Q on Query { ping }"), data(R"({"ping": true})"));
}

TEST(ExecutionSchema, FieldsOfOneKeyMergeTheirSelections) {
  EXPECT_EQ(run("mutation($f: Upload!) { s: single(file: $f) { size } "
                "s: single(file: $f) { filename size } }",
                {{"f", placeholder("0")}}, {{"variables.f", "0"}}),
            data(R"({"s": {"size": 1, "filename": "a.txt"}})"));
}

TEST(ExecutionSchema, SkipAndInclude) {
  EXPECT_EQ(run("{ a: ping @skip(if: true) b: ping @skip(if: false) "
                "c: ping @include(if: false) d: ping @include(if: true) "
                "e: ping @include(if: true) @skip(if: true) }"),
            data(R"({"b": true, "d": true})"));
  EXPECT_EQ(run("query($yes: Boolean!) { a: ping @skip(if: $yes) b: ping @include(if: $yes) }",
                {{"yes", true}}),
            data(R"({"b": true})"));
  EXPECT_EQ(run("{ ...Q @skip(if: true) ... @include(if: false) { t: __typename } } "
                "fragment Q on Query { ping }"),
            data(R"({})"));
  // A field skipped in one place and included in another is included.
  EXPECT_EQ(run("{ ping @skip(if: true) ... { ping } }"), data(R"({"ping": true})"));
}

TEST(ExecutionSchema, SkipOnASubfield) {
  EXPECT_EQ(run("mutation($f: Upload!, $no: Boolean = false) {"
                "  single(file: $f) { size filename @include(if: $no) } }",
                {{"f", placeholder("0")}}, {{"variables.f", "0"}}),
            data(R"({"single": {"size": 1}})"));
}

TEST(ExecutionSchema, QueryAndMutationRootsAreSeparate) {
  const json result = run("{ single { size } }");
  ASSERT_TRUE(result.contains("errors"));
  EXPECT_FALSE(result.contains("data"));
  EXPECT_EQ(result["errors"][0]["message"],
            "Cannot query field \"single\" on type \"Query\". Did you mean \"ping\"?");
}

}  // namespace conformance_schema_test

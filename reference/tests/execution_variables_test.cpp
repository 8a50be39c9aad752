// Variable coercion (GraphQL Oct 2021 §6.4.1, §3.10, §3.11) and graphql-js's wording of its
// errors, inspect() included.

#include <gtest/gtest.h>

#include <string>

#include "upspec/execution/executor.hpp"

namespace variables_test {

using namespace upspec::execution;

json placeholder(const std::string& field) {
  return {{"$upload", field}};
}

json run(const std::string& query, json variables, const upload_paths& paths = {}) {
  const upload_values uploads = {{"0", {"a", "text/plain", 1, "h", std::nullopt}},
                                 {"1", {"b", "text/plain", 2, "h", std::nullopt}}};
  return execute(json{{"query", query}, {"variables", std::move(variables)}}, paths, uploads);
}

// The single request error a coercion produced.
json error_of(const json& result) {
  EXPECT_FALSE(result.contains("data")) << result.dump();
  const json errors = result.value("errors", json::array());
  EXPECT_EQ(errors.size(), 1u) << result.dump();
  return errors.empty() ? json::object() : errors[0];
}

std::string message_of(const json& result) {
  return error_of(result).value("message", "");
}

// `echo` takes a String: convenient for looking at how a value is quoted in messages.
std::string echo_error(json value) {
  return message_of(run("mutation($v: String) { echo(value: $v) }", {{"v", std::move(value)}}));
}

TEST(ExecutionVariables, RequiredVariableMissing) {
  const json e = error_of(run("mutation($f: Upload!) { single(file: $f) { size } }", nullptr));
  EXPECT_EQ(e, json::parse(
                   R"({"message": "Variable \"$f\" of required type \"Upload!\" was not provided.",
                               "locations": [{"line": 1, "column": 10}]})"));
}

TEST(ExecutionVariables, NonNullVariableGivenNull) {
  EXPECT_EQ(
      message_of(run("mutation($f: Upload!) { single(file: $f) { size } }", {{"f", nullptr}})),
      "Variable \"$f\" of non-null type \"Upload!\" must not be null.");
}

TEST(ExecutionVariables, Defaults) {
  const std::string query = "mutation($v: String = \"dflt\") { echo(value: $v) }";
  EXPECT_EQ(run(query, nullptr), json::parse(R"({"data": {"echo": "dflt"}})"));
  EXPECT_EQ(run(query, json::object()), json::parse(R"({"data": {"echo": "dflt"}})"));
  EXPECT_EQ(run(query, {{"v", nullptr}}), json::parse(R"({"data": {"echo": null}})"));
  EXPECT_EQ(run(query, {{"v", "given"}}), json::parse(R"({"data": {"echo": "given"}})"));
  // A nullable variable with a default may stand where a non-null type is expected.
  EXPECT_EQ(run("query($b: Boolean = false) { ping @include(if: $b) t: __typename }", nullptr),
            json::parse(R"({"data": {"t": "Query"}})"));
}

TEST(ExecutionVariables, UndefinedVariablesAreIgnored) {
  EXPECT_EQ(run("{ ping }", {{"unused", 1}}), json::parse(R"({"data": {"ping": true}})"));
}

TEST(ExecutionVariables, ScalarMismatches) {
  EXPECT_EQ(echo_error(1),
            "Variable \"$v\" got invalid value 1; String cannot represent a non "
            "string value: 1");
  EXPECT_EQ(message_of(run("query($b: Boolean!) { ping @skip(if: $b) }", {{"b", "yes"}})),
            "Variable \"$b\" got invalid value \"yes\"; Boolean cannot represent a non boolean "
            "value: \"yes\"");
}

TEST(ExecutionVariables, ListsWrapASingleValue) {
  // GraphQL Oct 2021 §3.11: [Upload!]! given one upload is a list of one.
  EXPECT_EQ(run("mutation($f: [Upload!]!) { multiple(files: $f) { size } }",
                {{"f", placeholder("1")}}, {{"variables.f", "1"}}),
            json::parse(R"({"data": {"multiple": [{"size": 2}]}})"));
  EXPECT_EQ(run("mutation($t: UploadTree!) { tree(input: $t) { size } }",
                {{"t", {{"files", placeholder("0")}}}}, {{"variables.t.files", "0"}}),
            json::parse(R"({"data": {"tree": [{"size": 1}]}})"));
}

TEST(ExecutionVariables, NullInANonNullList) {
  const json e = error_of(run("mutation($f: [Upload!]!) { multiple(files: $f) { size } }",
                              {{"f", {placeholder("0"), nullptr}}}, {{"variables.f.0", "0"}}));
  EXPECT_EQ(e.value("message", ""),
            "Variable \"$f\" got invalid value null at \"f[1]\"; Expected non-nullable type "
            "\"Upload!\" not to be null.");
  EXPECT_FALSE(e.contains("extensions"));
}

TEST(ExecutionVariables, InputObjects) {
  const std::string query = "mutation($t: UploadTree!) { tree(input: $t) { size } }";
  EXPECT_EQ(message_of(run(query, {{"t", "x"}})),
            "Variable \"$t\" got invalid value \"x\"; Expected type \"UploadTree\" to be an "
            "object.");
  EXPECT_EQ(message_of(run(query, {{"t", {{"fil", nullptr}}}})),
            "Variable \"$t\" got invalid value { fil: null }; Field \"fil\" is not defined by type "
            "\"UploadTree\". Did you mean \"file\" or \"files\"?");
  EXPECT_EQ(message_of(run(query, {{"t", {{"child", {{"child", {{"other", 1}}}}}}}})),
            "Variable \"$t\" got invalid value { other: 1 } at \"t.child.child\"; Field \"other\" "
            "is not defined by type \"UploadTree\".");
  // graphql-js treats an array as an object whose keys are its indices.
  EXPECT_EQ(message_of(run(query, {{"t", {true}}})),
            "Variable \"$t\" got invalid value [true]; Field \"0\" is not defined by type "
            "\"UploadTree\".");
  EXPECT_EQ(run(query, {{"t", json::object()}}), json::parse(R"({"data": {"tree": []}})"));
}

TEST(ExecutionVariables, EveryErrorIsReported) {
  const json result =
      run("mutation($t: UploadTree!, $s: String) { tree(input: $t) { size } "
          "echo(value: $s) }",
          {{"t", {{"file", 1}, {"files", {true, "x"}}, {"nope", 0}}}, {"s", 2}});
  ASSERT_EQ(result["errors"].size(), 5u) << result.dump();
  EXPECT_EQ(result["errors"][0]["message"],
            "Variable \"$t\" got invalid value 1 at \"t.file\"; Upload value invalid.");
  EXPECT_EQ(result["errors"][1]["message"],
            "Variable \"$t\" got invalid value true at \"t.files[0]\"; Upload value invalid.");
  EXPECT_EQ(result["errors"][2]["message"],
            "Variable \"$t\" got invalid value \"x\" at \"t.files[1]\"; Upload value invalid.");
  EXPECT_EQ(result["errors"][3]["message"],
            "Variable \"$t\" got invalid value { file: 1, files: [true, \"x\"], nope: 0 }; "
            "Field \"nope\" is not defined by type \"UploadTree\".");
  EXPECT_EQ(result["errors"][4]["message"],
            "Variable \"$s\" got invalid value 2; String cannot represent a non string value: 2");
}

TEST(ExecutionVariables, ErrorLimit) {
  json files = json::array();
  for (int i = 0; i < 60; ++i) files.push_back(i);
  const json result =
      run("mutation($f: [Upload!]!) { multiple(files: $f) { size } }", {{"f", files}});
  ASSERT_EQ(result["errors"].size(), 51u);
  EXPECT_EQ(result["errors"][49]["message"],
            "Variable \"$f\" got invalid value 49 at \"f[49]\"; Upload value invalid.");
  EXPECT_EQ(
      result["errors"][50],
      json::parse(
          R"({"message": "Too many errors processing variables, error limit reached. Execution aborted."})"));
}

TEST(ExecutionVariables, ValuesAreQuotedAsGraphqlJsInspects) {
  const std::string prefix = "Variable \"$v\" got invalid value ";
  const std::string suffix = "; String cannot represent a non string value: ";
  const auto quoted = [&](const char* value) {
    const std::string message = echo_error(json::parse(value));
    const std::size_t cut = message.find(suffix);
    EXPECT_EQ(message.substr(0, prefix.size()), prefix);
    EXPECT_NE(cut, std::string::npos);
    // The message quotes the value twice; both must agree.
    EXPECT_EQ(message.substr(prefix.size(), cut - prefix.size()),
              message.substr(cut + suffix.size()));
    return message.substr(cut + suffix.size());
  };
  EXPECT_EQ(quoted("true"), "true");
  EXPECT_EQ(quoted("-12"), "-12");
  EXPECT_EQ(quoted("2.0"), "2");
  EXPECT_EQ(quoted("1.5"), "1.5");
  EXPECT_EQ(quoted("-0.0"), "0");
  EXPECT_EQ(quoted("1e21"), "1e+21");
  EXPECT_EQ(quoted("123e18"), "123000000000000000000");
  EXPECT_EQ(quoted("1.5e-7"), "1.5e-7");
  EXPECT_EQ(quoted("0.000001"), "0.000001");
  EXPECT_EQ(quoted("18446744073709551615"), "18446744073709552000");
  EXPECT_EQ(quoted("{}"), "{}");
  EXPECT_EQ(quoted("[]"), "[]");
  EXPECT_EQ(quoted(R"({"a": "q\"\n"})"), R"({ a: "q\"\n" })");
  EXPECT_EQ(quoted(R"({"a": {"b": {"c": 1}, "d": []}, "l": [1, [2, [3]]]})"),
            "{ a: { b: [Object], d: [] }, l: [1, [Array]] }");
  EXPECT_EQ(quoted("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"),
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 1 more item]");
  EXPECT_EQ(quoted("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"),
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items]");
}

TEST(ExecutionVariables, TooDeepAValueIsRefused) {
  json tree = json::object();
  for (int i = 0; i < 1100; ++i) tree = json{{"child", std::move(tree)}};
  const json result = run("mutation($t: UploadTree!) { tree(input: $t) { size } }", {{"t", tree}});
  ASSERT_FALSE(result.contains("data"));
  EXPECT_NE(result["errors"][0]["message"].get<std::string>().find(
                "Value nested more than 1024 levels deep."),
            std::string::npos);
}

TEST(ExecutionVariables, DeepButBoundedTreesWork) {
  json tree = {{"file", placeholder("0")}};
  std::string path = "variables.t";
  upload_paths paths;
  for (int i = 0; i < 500; ++i) tree = json{{"child", std::move(tree)}};
  for (int i = 0; i < 500; ++i) path += ".child";
  paths[path + ".file"] = "0";
  EXPECT_EQ(run("mutation($t: UploadTree!) { tree(input: $t) { size } }", {{"t", tree}}, paths),
            json::parse(R"({"data": {"tree": [{"size": 1}]}})"));
}

}  // namespace variables_test

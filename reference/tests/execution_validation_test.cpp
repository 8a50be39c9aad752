// Validation (GraphQL Oct 2021 §5): each rule's error as graphql-js 16 words and locates it.
// Validation errors are request errors: the result has no "data".

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "upspec/execution/executor.hpp"

namespace validation_test {

using namespace upspec::execution;

using location = std::pair<int, int>;

json errors_of(const std::string& query) {
  const json result = execute(json{{"query", query}}, {}, {});
  EXPECT_FALSE(result.contains("data")) << query << "\n" << result.dump();
  return result.value("errors", json::array());
}

json error(const std::string& message, const std::vector<location>& at) {
  json e = json::object();
  e["message"] = message;
  json locations = json::array();
  for (const auto& [line, column] : at) locations.push_back({{"line", line}, {"column", column}});
  e["locations"] = std::move(locations);
  return e;
}

// The document fails validation with exactly this one error.
void expect_error(const std::string& query, const std::string& message,
                  const std::vector<location>& at) {
  const json errors = errors_of(query);
  EXPECT_EQ(errors, json::array({error(message, at)})) << query;
}

TEST(ExecutionValidation, FieldsOnCorrectType) {
  expect_error("{ nope }", "Cannot query field \"nope\" on type \"Query\".", {{1, 3}});
  expect_error("{ pign }", "Cannot query field \"pign\" on type \"Query\". Did you mean \"ping\"?",
               {{1, 3}});
  expect_error("mutation($f: Upload!) { single(file: $f) { name } }",
               "Cannot query field \"name\" on type \"UploadedFile\".", {{1, 44}});
  expect_error("{ __schema { types { name } } }",
               "Cannot query field \"__schema\" on type \"Query\".", {{1, 3}});
}

TEST(ExecutionValidation, LeafFieldSelections) {
  expect_error("{ ping { x } }",
               "Field \"ping\" must not have a selection since type \"Boolean!\" has no subfields.",
               {{1, 8}});
  expect_error("mutation($f: Upload!) { single(file: $f) }",
               "Field \"single\" of type \"UploadedFile!\" must have a selection of subfields. Did "
               "you mean \"single { ... }\"?",
               {{1, 25}});
}

TEST(ExecutionValidation, Arguments) {
  expect_error("mutation($f: Upload!) { single(fil: $f, file: $f) { size } }",
               "Unknown argument \"fil\" on field \"Mutation.single\". Did you mean \"file\"?",
               {{1, 32}});
  expect_error("mutation { single { size } }",
               "Field \"single\" argument \"file\" of type \"Upload!\" is required, but it was not "
               "provided.",
               {{1, 12}});
  expect_error("mutation { echo(value: \"a\", value: \"b\") }",
               "There can be only one argument named \"value\".", {{1, 17}, {1, 29}});
  expect_error("{ ping(x: 1) }", "Unknown argument \"x\" on field \"Query.ping\".", {{1, 8}});
}

TEST(ExecutionValidation, ValuesOfCorrectType) {
  expect_error("mutation { tree(input: \"x\") { size } }",
               "Expected value of type \"UploadTree!\", found \"x\".", {{1, 24}});
  expect_error("mutation { tree(input: {nope: null}) { size } }",
               "Field \"nope\" is not defined by type \"UploadTree\".", {{1, 25}});
  expect_error("mutation { tree(input: {child: {file: null, file: null}}) { size } }",
               "There can be only one input field named \"file\".", {{1, 33}, {1, 45}});
  expect_error("mutation { single(file: null) { size } }",
               "Expected value of type \"Upload!\", found null.", {{1, 25}});
  expect_error("mutation { echo(value: 1) }", "String cannot represent a non string value: 1",
               {{1, 24}});
  expect_error("mutation { echo(value: [\"a\"]) }",
               "String cannot represent a non string value: [\"a\"]", {{1, 24}});
  expect_error("{ ping @skip(if: \"yes\") }",
               "Boolean cannot represent a non boolean value: \"yes\"", {{1, 18}});
}

TEST(ExecutionValidation, IntDefaults) {
  const json errors = errors_of("query($i: Int = 1.5, $j: Int = 99999999999) { ping }");
  ASSERT_GE(errors.size(), 2u);
  EXPECT_EQ(errors[0], error("Int cannot represent non-integer value: 1.5", {{1, 17}}));
  EXPECT_EQ(errors[1],
            error("Int cannot represent non 32-bit signed integer value: 99999999999", {{1, 32}}));
}

TEST(ExecutionValidation, Directives) {
  expect_error("{ ping @nope }", "Unknown directive \"@nope\".", {{1, 8}});
  expect_error("query @skip(if: true) { ping }", "Directive \"@skip\" may not be used on QUERY.",
               {{1, 7}});
  expect_error("{ ping @deprecated }", "Directive \"@deprecated\" may not be used on FIELD.",
               {{1, 8}});
  expect_error("{ ping @skip(if: false) @skip(if: true) }",
               "The directive \"@skip\" can only be used once at this location.",
               {{1, 8}, {1, 25}});
  expect_error(
      "{ ping @include }",
      "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was "
      "not provided.",
      {{1, 8}});
  expect_error("{ ping @include(if: true, iff: true) }",
               "Unknown argument \"iff\" on directive \"@include\". Did you mean \"if\"?",
               {{1, 27}});
}

TEST(ExecutionValidation, Fragments) {
  expect_error("{ ...F }", "Unknown fragment \"F\".", {{1, 6}});
  expect_error("{ ping } fragment F on Query { ping }", "Fragment \"F\" is never used.", {{1, 10}});
  expect_error("{ ...F } fragment F on Query { ping } fragment F on Query { ping }",
               "There can be only one fragment named \"F\".", {{1, 19}, {1, 48}});
  expect_error("{ ...F } fragment F on Nope { ping }", "Unknown type \"Nope\".", {{1, 24}});
  expect_error("{ ...F } fragment F on Upload { ping }",
               "Fragment \"F\" cannot condition on non composite type \"Upload\".", {{1, 24}});
  expect_error("{ ... on UploadTree { ping } }",
               "Fragment cannot condition on non composite type \"UploadTree\".", {{1, 10}});
  expect_error("{ ...F } fragment F on Mutation { echo }",
               "Fragment \"F\" cannot be spread here as objects of type \"Query\" can never be of "
               "type \"Mutation\".",
               {{1, 3}});
  expect_error("{ ... on Mutation { echo } }",
               "Fragment cannot be spread here as objects of type \"Query\" can never be of type "
               "\"Mutation\".",
               {{1, 3}});
}

TEST(ExecutionValidation, FragmentCycles) {
  expect_error("{ ...A } fragment A on Query { ...A }",
               "Cannot spread fragment \"A\" within itself.", {{1, 32}});
  expect_error(
      "{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } "
      "fragment C on Query { ...A }",
      "Cannot spread fragment \"A\" within itself via \"B\", \"C\".", {{1, 32}, {1, 61}, {1, 90}});
}

TEST(ExecutionValidation, Operations) {
  expect_error("query A { ping } query A { ping }", "There can be only one operation named \"A\".",
               {{1, 7}, {1, 24}});
  expect_error("{ ping } query B { ping }",
               "This anonymous operation must be the only defined operation.", {{1, 1}});
}

TEST(ExecutionValidation, Variables) {
  expect_error("query($v: Boolean!, $v: Boolean!) { ping @skip(if: $v) }",
               "There can be only one variable named \"$v\".", {{1, 8}, {1, 22}});
  expect_error("query($v: Nope) { ping @skip(if: $v) }", "Unknown type \"Nope\".", {{1, 11}});
  expect_error("query($v: Uplaod) { ping @skip(if: $v) }",
               "Unknown type \"Uplaod\". Did you mean \"Upload\"?", {{1, 11}});
  // Reported, and then also used where a Boolean! is expected.
  EXPECT_EQ(errors_of("query($v: [UploadedFile]) { ping @skip(if: $v) }")[0],
            error("Variable \"$v\" cannot be non-input type \"[UploadedFile]\".", {{1, 11}}));
  expect_error("{ ping @skip(if: $v) }", "Variable \"$v\" is not defined.", {{1, 18}, {1, 1}});
  expect_error("query Q { ...F } fragment F on Query { ping @skip(if: $v) }",
               "Variable \"$v\" is not defined by operation \"Q\".", {{1, 55}, {1, 1}});
  expect_error("query Q($v: Boolean) { ping }", "Variable \"$v\" is never used in operation \"Q\".",
               {{1, 9}});
  expect_error("query($v: Boolean) { ping }", "Variable \"$v\" is never used.", {{1, 7}});
}

TEST(ExecutionValidation, VariablesInAllowedPosition) {
  expect_error("mutation($f: Upload) { single(file: $f) { size } }",
               "Variable \"$f\" of type \"Upload\" used in position expecting type \"Upload!\".",
               {{1, 10}, {1, 37}});
  expect_error("mutation($f: Upload!) { multiple(files: $f) { size } }",
               "Variable \"$f\" of type \"Upload!\" used in position expecting type "
               "\"[Upload!]!\".",
               {{1, 10}, {1, 41}});
  expect_error("mutation($f: [Upload]!) { multiple(files: $f) { size } }",
               "Variable \"$f\" of type \"[Upload]!\" used in position expecting type "
               "\"[Upload!]!\".",
               {{1, 10}, {1, 43}});
  expect_error("mutation($v: Boolean) { echo(value: $v) }",
               "Variable \"$v\" of type \"Boolean\" used in position expecting type \"String\".",
               {{1, 10}, {1, 37}});
  // Allowed: more non-null than needed, or a default where non-null is expected.
  EXPECT_EQ(execute(json{{"query",
                          "mutation($v: String!, $b: Boolean = true) { "
                          "echo(value: $v) @include(if: $b) }"},
                         {"variables", {{"v", "x"}}}},
                    {}, {}),
            json::parse(R"({"data": {"echo": "x"}})"));
}

TEST(ExecutionValidation, OverlappingFields) {
  const std::string tail =
      ". Use different aliases on the fields to fetch both if this was intentional.";
  expect_error(
      "{ a: ping a: __typename }",
      "Fields \"a\" conflict because \"ping\" and \"__typename\" are different fields" + tail,
      {{1, 3}, {1, 11}});
  expect_error("mutation { e: echo(value: \"a\") e: echo(value: \"b\") }",
               "Fields \"e\" conflict because they have differing arguments" + tail,
               {{1, 12}, {1, 32}});
  expect_error(
      "mutation($f: Upload!) { s: single(file: $f) { x: size } "
      "s: single(file: $f) { x: filename } }",
      "Fields \"s\" conflict because subfields \"x\" conflict because \"size\" and "
      "\"filename\" are different fields" +
          tail,
      {{1, 25}, {1, 47}, {1, 57}, {1, 79}});
  expect_error(
      "{ ...A ...B } fragment A on Query { x: ping } fragment B on Query { x: __typename }",
      "Fields \"x\" conflict because \"ping\" and \"__typename\" are different fields" + tail,
      {{1, 37}, {1, 69}});
  // The same field twice, however reached, is fine.
  EXPECT_EQ(execute(json{{"query", "{ ping ping ...A } fragment A on Query { ping }"}}, {}, {}),
            json::parse(R"({"data": {"ping": true}})"));
}

TEST(ExecutionValidation, ErrorLimit) {
  std::string query = "{";
  for (int i = 0; i < 150; ++i) query += " f" + std::to_string(i);
  const json errors = errors_of(query + " }");
  ASSERT_EQ(errors.size(), 101u);
  EXPECT_EQ(
      errors[100],
      json::parse(
          R"({"message": "Too many validation errors, error limit reached. Validation aborted."})"));
}

TEST(ExecutionValidation, SubscriptionFieldsAreNotChecked) {
  // graphql-js 16 has no type to check them against; execution refuses the operation.
  const json result = execute(json{{"query", "subscription { anything(x: 1) { y } }"}}, {}, {});
  EXPECT_EQ(result["data"], nullptr);
  EXPECT_EQ(result["errors"][0]["message"],
            "Schema is not configured to execute subscription operation.");
}

}  // namespace validation_test

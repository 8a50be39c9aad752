// Request handling: parameters, syntax errors, operation selection, batches, subscriptions,
// the prepare/complete split, and where field errors leave null (GraphQL Oct 2021 §6.4.4).

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "upspec/execution/executor.hpp"

namespace {

using namespace upspec::execution;
using upspec::error;
using upspec::error_code;

upload_value file(std::uint64_t size) {
  return {"f.txt", "text/plain", size, "hash", std::nullopt};
}

upload_value failed(error_code code, std::string message) {
  upload_value u = file(0);
  u.failure = error(code, std::move(message));
  return u;
}

json parse(const char* text) {
  return json::parse(text);
}

json request(const std::string& query, json variables = nullptr) {
  json r = {{"query", query}};
  if (!variables.is_null()) r["variables"] = std::move(variables);
  return r;
}

// A request error: {"errors": [{"message": ...}]} and no data.
json request_error(const std::string& message) {
  json e = json::object();
  e["message"] = message;
  return json{{"errors", json::array({e})}};
}

TEST(ExecutionRequest, ParametersAreCheckedAsGraphqlHttpDoes) {
  EXPECT_EQ(execute(parse(R"({})"), {}, {}), request_error("Missing query"));
  EXPECT_EQ(execute(parse(R"({"query": null})"), {}, {}), request_error("Missing query"));
  EXPECT_EQ(execute(parse(R"({"query": 1})"), {}, {}), request_error("Invalid query"));
  EXPECT_EQ(execute(parse(R"({"query": ["{ ping }"]})"), {}, {}), request_error("Invalid query"));
  EXPECT_EQ(execute(parse(R"({"query": "{ ping }", "variables": []})"), {}, {}),
            request_error("Invalid variables"));
  EXPECT_EQ(execute(parse(R"({"query": "{ ping }", "variables": "{}"})"), {}, {}),
            request_error("Invalid variables"));
  EXPECT_EQ(execute(parse(R"({"query": "{ ping }", "operationName": 1})"), {}, {}),
            request_error("Invalid operationName"));
  EXPECT_EQ(execute(parse(R"({"query": "{ ping }", "extensions": "x"})"), {}, {}),
            request_error("Invalid extensions"));
  EXPECT_EQ(execute(parse(R"("{ ping }")"), {}, {}), request_error("Request must be an object."));
  EXPECT_EQ(execute(parse(R"(null)"), {}, {}), request_error("Request must be an object."));
}

TEST(ExecutionRequest, NullAndUnknownParametersAreFine) {
  const json expected = parse(R"({"data": {"ping": true}})");
  EXPECT_EQ(execute(parse(R"({"query": "{ ping }", "variables": null, "operationName": null,
                              "extensions": null, "other": 1})"),
                    {}, {}),
            expected);
  EXPECT_EQ(
      execute(parse(R"({"query": "{ ping }", "extensions": {"persistedQuery": {}}})"), {}, {}),
      expected);
}

TEST(ExecutionRequest, SyntaxErrorsHaveNoData) {
  EXPECT_EQ(execute(parse(R"({"query": "{ ping"})"), {}, {}),
            parse(R"({"errors": [{"message": "Syntax Error: Expected Name, found <EOF>.",
                                  "locations": [{"line": 1, "column": 7}]}]})"));
  EXPECT_EQ(execute(parse(R"({"query": ""})"), {}, {}),
            parse(R"({"errors": [{"message": "Syntax Error: Unexpected <EOF>.",
                                  "locations": [{"line": 1, "column": 1}]}]})"));
}

TEST(ExecutionRequest, OperationName) {
  const std::string query = "query A { a: ping } query B { b: ping } mutation C { c: echo }";
  const auto with_name = [&](json name) {
    return execute(json{{"query", query}, {"operationName", std::move(name)}}, {}, {});
  };
  EXPECT_EQ(with_name("A"), parse(R"({"data": {"a": true}})"));
  EXPECT_EQ(with_name("B"), parse(R"({"data": {"b": true}})"));
  EXPECT_EQ(with_name("C"), parse(R"({"data": {"c": null}})"));
  EXPECT_EQ(with_name(nullptr),
            request_error("Must provide operation name if query contains multiple operations."));
  EXPECT_EQ(with_name("D"), request_error("Unknown operation named \"D\"."));
  EXPECT_EQ(with_name(""), request_error("Unknown operation named \"\"."));
  // A lone operation runs whatever its name, but a name that does not match is an error.
  EXPECT_EQ(execute(parse(R"({"query": "query A { ping }"})"), {}, {}),
            parse(R"({"data": {"ping": true}})"));
  EXPECT_EQ(execute(parse(R"({"query": "query A { ping }", "operationName": "B"})"), {}, {}),
            request_error("Unknown operation named \"B\"."));
}

TEST(ExecutionRequest, ValidationCoversOperationsThatDoNotRun) {
  const json result = execute(
      parse(R"({"query": "query A { ping } query B { nope }", "operationName": "A"})"), {}, {});
  EXPECT_FALSE(result.contains("data"));
  EXPECT_EQ(result["errors"][0]["message"], "Cannot query field \"nope\" on type \"Query\".");
}

TEST(ExecutionRequest, BatchesAnswerEachRequestOnItsOwn) {
  const json batch = parse(R"([
    {"query": "{ ping }"},
    {"query": "{ ping"},
    {"query": "mutation($f: Upload!) { single(file: $f) { size } }",
     "variables": {"f": {"$upload": "0"}}},
    7,
    {"query": "query A { a: ping } query B { b: ping }", "operationName": "B"}
  ])");
  const json result = execute(batch, {{"2.variables.f", "0"}}, {{"0", file(3)}});
  ASSERT_TRUE(result.is_array());
  ASSERT_EQ(result.size(), 5u);
  EXPECT_EQ(result[0], parse(R"({"data": {"ping": true}})"));
  EXPECT_FALSE(result[1].contains("data"));
  EXPECT_EQ(result[2], parse(R"({"data": {"single": {"size": 3}}})"));
  EXPECT_EQ(result[3], request_error("Request must be an object."));
  EXPECT_EQ(result[4], parse(R"({"data": {"b": true}})"));
}

TEST(ExecutionRequest, EmptyBatchIsAnEmptyArray) {
  EXPECT_EQ(execute(json::array(), {}, {}), json::array());
}

TEST(ExecutionRequest, SubscriptionsAreRefusedWithNullData) {
  // graphql-js 16: a schema without a subscription type executes nothing, data is null.
  EXPECT_EQ(execute(parse(R"({"query": "subscription S { anything }"})"), {}, {}),
            parse(R"({"errors": [{"message":
                      "Schema is not configured to execute subscription operation.",
                      "locations": [{"line": 1, "column": 1}]}], "data": null})"));
  // Not selected: no harm done.
  EXPECT_EQ(execute(parse(R"({"query": "subscription S { x } query Q { ping }",
                              "operationName": "Q"})"),
                    {}, {}),
            parse(R"({"data": {"ping": true}})"));
}

TEST(ExecutionRequest, PrepareThenComplete) {
  executor e;
  EXPECT_TRUE(e.needed_uploads().empty());
  EXPECT_EQ(e.complete({}), request_error("No request prepared."));
  e.prepare(request("mutation($a: Upload!, $b: Upload) {"
                    " single(file: $a) { size } optional(file: $b) { size } }",
                    parse(R"({"a": {"$upload": "x"}, "b": {"$upload": "y"}})")),
            {{"variables.a", "x"}, {"variables.b", "y"}});
  EXPECT_EQ(e.needed_uploads(), (std::set<std::string>{"x", "y"}));
  EXPECT_EQ(e.complete({{"x", file(1)}, {"y", file(2)}}),
            parse(R"({"data": {"single": {"size": 1}, "optional": {"size": 2}}})"));
  // complete() is const and repeatable; the executor moves.
  executor moved = std::move(e);
  EXPECT_EQ(moved.complete({{"x", file(5)}, {"y", file(6)}}),
            parse(R"({"data": {"single": {"size": 5}, "optional": {"size": 6}}})"));
  // A second prepare() replaces the first.
  moved.prepare(parse(R"({"query": "{ ping }"})"), {});
  EXPECT_TRUE(moved.needed_uploads().empty());
  EXPECT_EQ(moved.complete({}), parse(R"({"data": {"ping": true}})"));
}

TEST(ExecutionRequest, RequestErrorsNeedNoUploads) {
  executor e;
  e.prepare(parse(R"({"query": "mutation($a: Upload!) { single(file: $a) { size } nope }",
                     "variables": {"a": {"$upload": "x"}}})"),
            {{"variables.a", "x"}});
  EXPECT_TRUE(e.needed_uploads().empty());
  EXPECT_FALSE(e.complete({}).contains("data"));
}

// GraphQL Oct 2021 §6.4.4: a field error nulls the nearest nullable position.

TEST(ExecutionNullPropagation, NullableRootFieldFailsAlone) {
  const json result = execute(
      request("mutation($a: Upload, $b: Upload!) {\n"
              "  a: optional(file: $a) { size } b: single(file: $b) { size } }",
              parse(R"({"a": {"$upload": "0"}, "b": {"$upload": "1"}})")),
      {{"variables.a", "0"}, {"variables.b", "1"}},
      {{"0", failed(error_code::file_missing, "File missing in the request.")}, {"1", file(9)}});
  EXPECT_EQ(result, parse(R"({"errors": [{"message": "File missing in the request.",
                                          "locations": [{"line": 2, "column": 3}],
                                          "path": ["a"],
                                          "extensions": {"code": "file.missing"}}],
                              "data": {"a": null, "b": {"size": 9}}})"));
}

TEST(ExecutionNullPropagation, NonNullRootFieldNullsData) {
  // Mutations run serially: once data is null, later fields do not run (as graphql-js).
  const json result = execute(
      request("mutation($a: Upload!, $b: Upload!) {\n"
              "  a: single(file: $a) { size } b: single(file: $b) { size } }",
              parse(R"({"a": {"$upload": "0"}, "b": {"$upload": "1"}})")),
      {{"variables.a", "0"}, {"variables.b", "1"}},
      {{"0", failed(error_code::limit_file_size, "File truncated as it exceeds the size limit.")},
       {"1", failed(error_code::file_missing, "File missing in the request.")}});
  EXPECT_EQ(result, parse(R"({"errors": [{"message": "File truncated as it exceeds the size limit.",
                                  "locations": [{"line": 2, "column": 3}], "path": ["a"],
                                  "extensions": {"code": "limit.file_size"}}],
                      "data": null})"));
}

TEST(ExecutionNullPropagation, ListItemErrorIsAtTheItemAndNullsUpToData) {
  const json result =
      execute(request("mutation($f: [Upload!]!) {\n  multiple(files: $f) { size } }",
                      parse(R"({"f": [{"$upload": "0"}, {"$upload": "1"}]})")),
              {{"variables.f.0", "0"}, {"variables.f.1", "1"}},
              {{"0", file(1)}, {"1", failed(error_code::multipart_truncated, "x")}});
  EXPECT_EQ(result, parse(R"({"errors": [{"message": "x",
                                          "locations": [{"line": 2, "column": 3}],
                                          "path": ["multiple", 1],
                                          "extensions": {"code": "multipart.truncated"}}],
                              "data": null})"));
}

TEST(ExecutionNullPropagation, IntOverflowNullsTheFileNotItsSiblings) {
  // GraphQL Oct 2021 §3.5.1: Int is 32-bit, so a 3 GiB file's size cannot be returned.
  const json result = execute(request("mutation($a: Upload, $b: Upload) {\n"
                                      "  a: optional(file: $a) { size }\n"
                                      "  b: optional(file: $b) { size } }",
                                      parse(R"({"a": {"$upload": "0"}, "b": {"$upload": "1"}})")),
                              {{"variables.a", "0"}, {"variables.b", "1"}},
                              {{"0", file(3221225472ULL)}, {"1", file(2147483647ULL)}});
  EXPECT_EQ(result, parse(R"({"errors": [{"message":
                        "Int cannot represent non 32-bit signed integer value: 3221225472",
                        "locations": [{"line": 2, "column": 27}], "path": ["a", "size"]}],
                      "data": {"a": null, "b": {"size": 2147483647}}})"));
}

TEST(ExecutionNullPropagation, ArgumentErrorsAreFieldErrors) {
  // Allowed by validation thanks to the default; the explicit null fails at execution.
  const json result = execute(request("mutation($f: [Upload!] = []) {\n"
                                      "  multiple(files: $f) { size } e: echo(value: \"x\") }",
                                      parse(R"({"f": null})")),
                              {}, {});
  EXPECT_EQ(result, parse(R"({"errors": [{"message":
                      "Argument \"files\" of non-null type \"[Upload!]!\" must not be null.",
                      "locations": [{"line": 2, "column": 19}], "path": ["multiple"]}],
                      "data": null})"));
}

TEST(ExecutionNullPropagation, DirectiveErrorOnARootSelectionNullsData) {
  const json result = execute(
      request("query($b: Boolean = true) {\n  ping @include(if: $b) }", parse(R"({"b": null})")),
      {}, {});
  EXPECT_EQ(result, parse(R"({"errors": [{"message":
                      "Argument \"if\" of non-null type \"Boolean!\" must not be null.",
                      "locations": [{"line": 2, "column": 21}]}],
                      "data": null})"));
}

}  // namespace

// The Upload scalar (issue 3 item 2): literals, invalid values and serialisation are refused
// with upspec's codes; only values at mapped paths are uploads; one file at several paths is
// one upload; a failed upload fails only the fields that read it.

#include <gtest/gtest.h>

#include <string>

#include "upspec/execution/executor.hpp"

namespace upload_scalar_test {

using namespace upspec::execution;
using upspec::error;
using upspec::error_code;

json placeholder(const std::string& field) {
  return {{"$upload", field}};
}

json request(const std::string& query, json variables = nullptr) {
  json r = {{"query", query}};
  if (!variables.is_null()) r["variables"] = std::move(variables);
  return r;
}

upload_value file(std::string name, std::uint64_t size) {
  return {std::move(name), "text/plain", size, "sha-" + std::to_string(size), std::nullopt};
}

upload_value failed(error_code code, std::string message) {
  upload_value u = file("broken", 0);
  u.failure = error(code, std::move(message));
  return u;
}

const upload_values& settled() {
  static const upload_values kUploads = {
      {"0", file("zero", 10)},
      {"1", file("one", 11)},
      {"lost", failed(error_code::file_missing, "File missing in the request.")},
      {"big", failed(error_code::limit_file_size,
                     "File truncated as it exceeds the 5 byte size "
                     "limit.")}};
  return kUploads;
}

json run(const std::string& query, json variables = nullptr, const upload_paths& paths = {}) {
  return execute(request(query, std::move(variables)), paths, settled());
}

// --- Upload literal unsupported. (upload.literal) ---

json literal_error(int line, int column) {
  json e = json::parse(R"({"message": "Upload literal unsupported."})");
  e["locations"] = json::array({{{"line", line}, {"column", column}}});
  e["extensions"] = {{"code", "upload.literal"}};
  return json{{"errors", json::array({e})}};
}

TEST(ExecutionUpload, LiteralIsARequestError) {
  EXPECT_EQ(run("mutation { single(file: \"x\") { size } }"), literal_error(1, 25));
  EXPECT_EQ(run("mutation { single(file: 1) { size } }"), literal_error(1, 25));
  EXPECT_EQ(run("mutation { optional(file: {a: 1}) { size } }"), literal_error(1, 27));
  EXPECT_EQ(run("mutation { optional(file: ENUM) { size } }"), literal_error(1, 27));
  EXPECT_EQ(run("mutation { echoUpload(file: true) }"), literal_error(1, 29));
}

TEST(ExecutionUpload, LiteralInsideListsAndInputObjects) {
  EXPECT_EQ(run("mutation { multiple(files: [\"a\"]) { size } }"), literal_error(1, 29));
  EXPECT_EQ(run("mutation { multiple(files: \"a\") { size } }"), literal_error(1, 28));
  EXPECT_EQ(run("mutation { tree(input: {child: {files: [\"a\"]}}) { size } }"),
            literal_error(1, 41));
}

TEST(ExecutionUpload, LiteralAsAVariableDefault) {
  const json result =
      run("mutation($f: Upload = \"x\") { optional(file: $f) { size } }", json::object());
  EXPECT_EQ(result, literal_error(1, 23));
}

TEST(ExecutionUpload, NullLiteralIsNotAnUpload) {
  EXPECT_EQ(run("mutation { optional(file: null) { size } }"),
            json::parse(R"({"data": {"optional": null}})"));
  EXPECT_EQ(run("mutation($f: Upload = null) { optional(file: $f) { size } }"),
            json::parse(R"({"data": {"optional": null}})"));
}

// --- Upload value invalid. (upload.value_invalid) ---

json invalid_value(const std::string& message, int column = 10) {
  json e = json::object();
  e["message"] = message;
  e["locations"] = json::array({{{"line", 1}, {"column", column}}});
  e["extensions"] = {{"code", "upload.value_invalid"}};
  return json{{"errors", json::array({e})}};
}

TEST(ExecutionUpload, ValueThatIsNotAMappedFile) {
  const std::string query = "mutation($file: Upload!) { single(file: $file) { size } }";
  EXPECT_EQ(run(query, {{"file", "x"}}),
            invalid_value("Variable \"$file\" got invalid value \"x\"; Upload value invalid."));
  EXPECT_EQ(run(query, {{"file", 42}}),
            invalid_value("Variable \"$file\" got invalid value 42; Upload value invalid."));
  EXPECT_EQ(run(query, {{"file", {{"name", "a.txt"}}}}),
            invalid_value(
                "Variable \"$file\" got invalid value { name: \"a.txt\" }; Upload value invalid."));
}

TEST(ExecutionUpload, LookAlikeIsNotAnUpload) {
  // A client can send {"$upload": "0"} itself; only the map makes an upload.
  const std::string query = "mutation($file: Upload!) { single(file: $file) { size } }";
  const std::string message =
      "Variable \"$file\" got invalid value { $upload: \"0\" }; Upload value invalid.";
  EXPECT_EQ(run(query, {{"file", placeholder("0")}}), invalid_value(message));
  // Mapped somewhere else...
  EXPECT_EQ(run(query, {{"file", placeholder("0")}}, {{"variables.other", "0"}}),
            invalid_value(message));
  // ...or for another request of a batch.
  EXPECT_EQ(run(query, {{"file", placeholder("0")}}, {{"1.variables.file", "0"}}),
            invalid_value(message));
  // Mapped right: an upload.
  EXPECT_EQ(run(query, {{"file", placeholder("0")}}, {{"variables.file", "0"}}),
            json::parse(R"({"data": {"single": {"size": 10}}})"));
}

TEST(ExecutionUpload, InvalidValueDeepInAVariable) {
  EXPECT_EQ(run("mutation($t: UploadTree!) { tree(input: $t) { size } }",
                {{"t", {{"files", {placeholder("0"), placeholder("1")}}}}},
                {{"variables.t.files.0", "0"}}),
            invalid_value("Variable \"$t\" got invalid value { $upload: \"1\" } at \"t.files[1]\"; "
                          "Upload value invalid."));
}

TEST(ExecutionUpload, AMappedValueIsAnUploadOnlyWhereAnUploadIsExpected) {
  const json result = run("mutation($v: String) { echo(value: $v) }", {{"v", placeholder("0")}},
                          {{"variables.v", "0"}});
  EXPECT_EQ(result["errors"][0]["message"],
            "Variable \"$v\" got invalid value { $upload: \"0\" }; String cannot represent a non "
            "string value: { $upload: \"0\" }");
  EXPECT_FALSE(result["errors"][0].contains("extensions"));
}

// --- Upload serialization unsupported. (upload.serialization) ---

TEST(ExecutionUpload, SerializationIsAFieldError) {
  EXPECT_EQ(run("mutation($f: Upload) { echoUpload(file: $f) e: echo(value: \"still\") }",
                {{"f", placeholder("0")}}, {{"variables.f", "0"}}),
            json::parse(R"({"errors": [{"message": "Upload serialization unsupported.",
                                        "locations": [{"line": 1, "column": 24}],
                                        "path": ["echoUpload"],
                                        "extensions": {"code": "upload.serialization"}}],
                            "data": {"echoUpload": null, "e": "still"}})"));
}

TEST(ExecutionUpload, EchoingAFailedUploadReportsTheFailure) {
  const json result = run("mutation($f: Upload) { echoUpload(file: $f) }",
                          {{"f", placeholder("lost")}}, {{"variables.f", "lost"}});
  EXPECT_EQ(result["errors"][0]["extensions"]["code"], "file.missing");
  EXPECT_EQ(result["data"], json::parse(R"({"echoUpload": null})"));
}

// --- one file, several paths ---

TEST(ExecutionUpload, OneFileAtSeveralPathsIsOneUpload) {
  executor e;
  e.prepare(request("mutation($a: Upload!, $b: [Upload!]!) {"
                    " single(file: $a) { filename sha256 } multiple(files: $b) { filename } }",
                    {{"a", placeholder("0")}, {"b", {placeholder("0"), placeholder("0")}}}),
            {{"variables.a", "0"}, {"variables.b.0", "0"}, {"variables.b.1", "0"}});
  EXPECT_EQ(e.needed_uploads(), std::set<std::string>{"0"});
  EXPECT_EQ(e.complete(settled()),
            json::parse(R"({"data": {"single": {"filename": "zero", "sha256": "sha-10"},
                                     "multiple": [{"filename": "zero"}, {"filename": "zero"}]}})"));
}

TEST(ExecutionUpload, OneFileAcrossABatch) {
  const json batch = {
      request("mutation($f: Upload!) { single(file: $f) { size } }", {{"f", placeholder("0")}}),
      request("mutation($f: [Upload!]!) { multiple(files: $f) { size } }",
              {{"f", {placeholder("1"), placeholder("0")}}})};
  executor e;
  e.prepare(batch, {{"0.variables.f", "0"}, {"1.variables.f.0", "1"}, {"1.variables.f.1", "0"}});
  EXPECT_EQ(e.needed_uploads(), (std::set<std::string>{"0", "1"}));
  EXPECT_EQ(e.complete(settled()), json::parse(R"([{"data": {"single": {"size": 10}}},
                            {"data": {"multiple": [{"size": 11}, {"size": 10}]}}])"));
}

TEST(ExecutionUpload, APathMappedTwiceHoldsTheLastEntrysUpload) {
  // The map wrote "0" then "1" at variables.f: operations holds "1"'s placeholder, whichever
  // of the two the server recorded for the path.
  EXPECT_EQ(run("mutation($f: Upload!) { single(file: $f) { size } }", {{"f", placeholder("1")}},
                {{"variables.f", "0"}}),
            json::parse(R"({"data": {"single": {"size": 11}}})"));
}

// --- a failed upload fails only what reads it ---

TEST(ExecutionUpload, FailedUploadFailsOnlyItsFields) {
  const json result =
      run("mutation($a: Upload, $b: Upload, $c: Upload!) { a: optional(file: $a) { size } "
          "b: optional(file: $b) { size } c: single(file: $c) { filename } }",
          {{"a", placeholder("lost")}, {"b", placeholder("big")}, {"c", placeholder("1")}},
          {{"variables.a", "lost"}, {"variables.b", "big"}, {"variables.c", "1"}});
  EXPECT_EQ(result, json::parse(R"({"errors": [
                {"message": "File missing in the request.",
                 "locations": [{"line": 1, "column": 49}], "path": ["a"],
                 "extensions": {"code": "file.missing"}},
                {"message": "File truncated as it exceeds the 5 byte size limit.",
                 "locations": [{"line": 1, "column": 80}], "path": ["b"],
                 "extensions": {"code": "limit.file_size"}}],
              "data": {"a": null, "b": null, "c": {"filename": "one"}}})"));
}

TEST(ExecutionUpload, FailedUploadInATree) {
  const json result = run("mutation($t: UploadTree!) { tree(input: $t) { size } }",
                          {{"t", {{"file", placeholder("0")}, {"files", {placeholder("lost")}}}}},
                          {{"variables.t.file", "0"}, {"variables.t.files.0", "lost"}});
  EXPECT_EQ(result["errors"][0]["path"], json::parse(R"(["tree", 1])"));
  EXPECT_EQ(result["errors"][0]["extensions"]["code"], "file.missing");
  EXPECT_EQ(result["data"], nullptr);  // [UploadedFile!]! up to the non-null root field
}

TEST(ExecutionUpload, AnUploadTheServerNeverSettledIsMissing) {
  const json result = execute(
      request("mutation($f: Upload) { optional(file: $f) { size } }", {{"f", placeholder("9")}}),
      {{"variables.f", "9"}}, {});
  EXPECT_EQ(result["errors"][0]["extensions"]["code"], "file.missing");
  EXPECT_EQ(result["data"], json::parse(R"({"optional": null})"));
}

// --- which uploads a request waits for ---

TEST(ExecutionUpload, NeededUploadsAreThoseOfTheFieldsThatRun) {
  executor e;
  e.prepare(request("mutation($a: Upload, $b: Upload, $skip: Boolean!) {"
                    " a: optional(file: $a) { size } b: optional(file: $b) @skip(if: $skip) {"
                    " size } }",
                    {{"a", placeholder("0")}, {"b", placeholder("1")}, {"skip", true}}),
            {{"variables.a", "0"}, {"variables.b", "1"}});
  EXPECT_EQ(e.needed_uploads(), std::set<std::string>{"0"});
  EXPECT_EQ(e.complete({{"0", file("zero", 10)}}), json::parse(R"({"data": {"a": {"size": 10}}})"));
}

TEST(ExecutionUpload, UnselectedOperationsNeedNothing) {
  executor e;
  e.prepare(json{{"query",
                  "mutation A($f: Upload!) { single(file: $f) { size } } "
                  "query B { ping }"},
                 {"variables", {{"f", placeholder("0")}}},
                 {"operationName", "B"}},
            {{"variables.f", "0"}});
  EXPECT_TRUE(e.needed_uploads().empty());
  EXPECT_EQ(e.complete({}), json::parse(R"({"data": {"ping": true}})"));
}

}  // namespace upload_scalar_test

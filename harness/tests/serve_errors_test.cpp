// Every error of design.md's table that the server answers for: whole-request refusals with
// their status and code, and the per-upload failures that leave the status at 200.

#include "serve_test_support.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::serve::testing {
namespace {

using encoder::encode_form;
using encoder::encode_request;
using encoder::form_part;
using encoder::upload_file;

const std::string kSingleOps =
    R"({"query":"mutation($file: Upload!) { single(file: $file) { filename mimetype size sha256 } }","variables":{"file":null}})";
const std::string kSingleMap = R"({"0":["variables.file"]})";

form_part field(std::string name, std::string value) {
  form_part p;
  p.name = std::move(name);
  p.body = std::move(value);
  return p;
}

form_part file(std::string name, std::string content) {
  form_part p;
  p.name = std::move(name);
  p.filename = "a.txt";
  p.content_type = "text/plain";
  p.body = std::move(content);
  return p;
}

encoder::encoded_request form(const std::vector<form_part>& parts, bool closed = true) {
  encoder::encoding enc;
  enc.close_delimiter = closed;
  return encode_form(parts, enc);
}

struct refusal_case {
  std::string name;
  encoder::encoded_request request;
  int status;
  std::string code;
  request::limits limits{};
};

std::vector<refusal_case> refusal_cases() {
  std::vector<refusal_case> cases;
  const auto add = [&cases](std::string name, encoder::encoded_request r, int status,
                            std::string code, request::limits lim = {}) {
    cases.push_back({std::move(name), std::move(r), status, std::move(code), lim});
  };
  const auto spec =
      form({field("operations", kSingleOps), field("map", kSingleMap), file("0", "x")});
  add("ContentTypeNotMultipart", {"text/plain", spec.body}, 415, "request.content_type");
  add("ContentTypeMissing", {"", spec.body}, 415, "request.content_type");
  add("ContentTypeWithoutBoundary", {"multipart/form-data", spec.body}, 400,
      "request.content_type");
  add("MultipartMalformed", {spec.content_type, "no delimiter in this body"}, 400,
      "multipart.malformed");
  add("MultipartTruncated", form({field("operations", kSingleOps)}, false), 400,
      "multipart.truncated");
  add("OperationsMissing", form({field("other", "x")}), 400, "operations.missing");
  add("OperationsInvalidJson", form({field("operations", "{bad"), field("map", "{}")}), 400,
      "operations.invalid_json");
  add("OperationsInvalidType", form({field("operations", "42"), field("map", "{}")}), 400,
      "operations.invalid_type");
  add("MapMissing", form({field("operations", kSingleOps)}), 400, "map.missing");
  add("MapMisordered", form({field("map", kSingleMap), field("operations", kSingleOps)}), 400,
      "map.misordered");
  add("MapInvalidJson", form({field("operations", kSingleOps), field("map", "{")}), 400,
      "map.invalid_json");
  add("MapInvalidType", form({field("operations", kSingleOps), field("map", "[]")}), 400,
      "map.invalid_type");
  add("MapEntryInvalidType",
      form({field("operations", kSingleOps), field("map", R"({"0":"variables.file"})")}), 400,
      "map.entry_invalid_type");
  add("MapPathInvalidType", form({field("operations", kSingleOps), field("map", R"({"0":[1]})")}),
      400, "map.path_invalid_type");
  add("MapPathInvalid",
      form({field("operations", kSingleOps), field("map", R"({"0":["variables.__proto__.x"]})")}),
      400, "map.path_invalid");
  add("FileMisordered", form({field("operations", kSingleOps), file("0", "x")}), 400,
      "file.misordered");
  request::limits small_fields;
  small_fields.max_field_size = 32;
  add("LimitFieldSize", spec, 413, "limit.field_size", small_fields);
  request::limits one_file;
  one_file.max_files = 1;
  add("LimitFiles",
      encode_request(
          json::parse(
              R"({"query":"mutation($a: Upload, $b: Upload) { a: optional(file: $a) { size } b: optional(file: $b) { size } }","variables":{"a":null,"b":null}})"),
          {upload_file{"0", {"variables.a"}, "a.txt", "text/plain", "a"},
           upload_file{"1", {"variables.b"}, "b.txt", "text/plain", "b"}}),
      413, "limit.files", one_file);
  return cases;
}

class WholeRequestRefusals : public ::testing::TestWithParam<refusal_case> {};

TEST_P(WholeRequestRefusals, StatusCodeAndMessageAsTheReferenceSays) {
  const refusal_case& c = GetParam();
  server_options options = quiet_options();
  options.limits = c.limits;
  served server(options);
  const json outcome = request::reference_outcome(c.request.content_type, c.request.body, c.limits);
  ASSERT_EQ(outcome["status"], c.status) << "the case disagrees with the reference";
  ASSERT_EQ(outcome["error"]["code"], c.code) << "the case disagrees with the reference";

  for (const framing f : {framing::content_length, framing::chunked}) {
    const http_response res = server.exchange(multipart_request(c.request, f));
    EXPECT_EQ(res.status, c.status) << res.body;
    EXPECT_EQ(res.header("Content-Type"), "application/json");
    const json body = body_json(res);
    ASSERT_TRUE(body.is_object()) << res.body;
    ASSERT_EQ(body["errors"].size(), 1u) << res.body;
    EXPECT_EQ(first_error_code(body), c.code);
    EXPECT_EQ(first_error_message(body), outcome["error"]["message"]);
    EXPECT_FALSE(body.contains("data"));
  }
}

INSTANTIATE_TEST_SUITE_P(DesignTable, WholeRequestRefusals, ::testing::ValuesIn(refusal_cases()),
                         [](const auto& p) { return p.param.name; });

// Errors after the map fail only the uploads still pending; the operations run, status 200.
class UploadFailures : public ::testing::Test {
 protected:
  static json optional_pair_ops() {
    return json::parse(
        R"({"query":"mutation($a: Upload, $b: Upload) { a: optional(file: $a) { filename size sha256 } b: optional(file: $b) { filename size sha256 } }","variables":{"a":null,"b":null}})");
  }
  static json error_at(const json& result, const std::string& alias) {
    for (const json& e : result.value("errors", json::array()))
      if (e.contains("path") && e["path"] == json::array({alias})) return e;
    return nullptr;
  }
};

TEST_F(UploadFailures, FileMissing) {
  served server;
  const auto r = encode_form({field("operations", request::dump_json(optional_pair_ops())),
                              field("map", R"({"0":["variables.a"],"1":["variables.b"]})"),
                              file("0", "alpha")});
  const http_response res = server.exchange(multipart_request(r));
  ASSERT_EQ(res.status, 200);
  const json result = body_json(res);
  EXPECT_EQ(result["data"]["a"]["size"], 5);
  EXPECT_TRUE(result["data"]["b"].is_null());
  const json e = error_at(result, "b");
  ASSERT_TRUE(e.is_object()) << result.dump();
  EXPECT_EQ(e["extensions"]["code"], "file.missing");
}

TEST_F(UploadFailures, LimitFileSize) {
  server_options options = quiet_options();
  options.limits.max_file_size = 4;
  served server(options);
  const auto r = encode_request(
      optional_pair_ops(), {upload_file{"0", {"variables.a"}, "a.txt", "text/plain", "four"},
                            upload_file{"1", {"variables.b"}, "b.txt", "text/plain", "five!"}});
  const http_response res = server.exchange(multipart_request(r));
  ASSERT_EQ(res.status, 200);
  const json result = body_json(res);
  EXPECT_EQ(result["data"]["a"]["size"], 4) << "a limit is inclusive";
  EXPECT_TRUE(result["data"]["b"].is_null());
  EXPECT_EQ(error_at(result, "b")["extensions"]["code"], "limit.file_size");
}

TEST_F(UploadFailures, TruncatedAfterTheMap) {
  served server;
  const auto r = form({field("operations", request::dump_json(optional_pair_ops())),
                       field("map", R"({"0":["variables.a"],"1":["variables.b"]})"),
                       file("0", "alpha"), file("1", "cut short")},
                      false);
  for (const framing f : {framing::content_length, framing::chunked}) {
    const http_response res = server.exchange(multipart_request(r, f));
    ASSERT_EQ(res.status, 200);
    const json result = body_json(res);
    EXPECT_EQ(result["data"]["a"]["size"], 5);
    EXPECT_EQ(error_at(result, "b")["extensions"]["code"], "multipart.truncated");
  }
}

}  // namespace
}  // namespace upspec::serve::testing

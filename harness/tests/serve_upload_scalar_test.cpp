// The Upload scalar over HTTP: its three refusals, one file at several paths, batches, trees.

#include "serve_test_support.hpp"

namespace upspec::serve::testing {
namespace {

using encoder::encode_request;
using encoder::upload_file;

upload_file text_file(std::string field, std::vector<std::string> paths, std::string filename,
                      std::string content) {
  return upload_file{std::move(field), std::move(paths), std::move(filename), "text/plain",
                     std::move(content)};
}

class UploadScalar : public ::testing::Test {
 protected:
  json post(const json& operations, const std::vector<upload_file>& files) {
    const http_response res =
        server_.exchange(multipart_request(encode_request(operations, files)));
    EXPECT_EQ(res.status, 200) << res.body;
    return body_json(res);
  }
  json post_json(const json& operations) {
    const http_response res = server_.exchange(json_request(operations));
    EXPECT_EQ(res.status, 200) << res.body;
    return body_json(res);
  }
  served server_;
};

TEST_F(UploadScalar, LiteralIsRefused) {
  const json ops = {{"query", R"(mutation { single(file: "x") { size } })"}};
  for (const json& result : {post(ops, {}), post_json(ops)}) {
    EXPECT_EQ(first_error_message(result), "Upload literal unsupported.") << result.dump();
    EXPECT_EQ(first_error_code(result), "upload.literal");
    EXPECT_FALSE(result.contains("data") && !result["data"].is_null()) << result.dump();
  }
}

TEST_F(UploadScalar, VariableThatIsNotAMappedFileIsInvalid) {
  const std::string query = "mutation($file: Upload!) { single(file: $file) { size } }";
  for (const json& value : {json("x"), json(42), json{{"$upload", "0"}}}) {
    const json ops = {{"query", query}, {"variables", {{"file", value}}}};
    // A look-alike placeholder is not an upload: only the map makes one.
    for (const json& result : {post(ops, {}), post_json(ops)}) {
      EXPECT_NE(first_error_message(result).find("Upload value invalid."), std::string::npos)
          << result.dump();
      EXPECT_EQ(first_error_code(result), "upload.value_invalid") << result.dump();
    }
  }
}

TEST_F(UploadScalar, SerializationIsRefused) {
  const json ops = {{"query", "mutation($file: Upload) { echoUpload(file: $file) }"},
                    {"variables", {{"file", nullptr}}}};
  const json result = post(ops, {text_file("0", {"variables.file"}, "a.txt", "alpha")});
  EXPECT_EQ(first_error_message(result), "Upload serialization unsupported.") << result.dump();
  EXPECT_EQ(first_error_code(result), "upload.serialization");
}

TEST_F(UploadScalar, OneFileAtSeveralPathsIsOneUpload) {
  const json ops = {
      {"query", std::string("mutation($a: Upload!, $b: Upload!, $l: [Upload!]!) { a: single(file: "
                            "$a) ") +
                    kFileSelection + " b: single(file: $b) " + kFileSelection +
                    " l: multiple(files: $l) " + kFileSelection + " }"},
      {"variables", {{"a", nullptr}, {"b", nullptr}, {"l", {nullptr, nullptr}}}}};
  const json result =
      post(ops, {text_file("0", {"variables.a", "variables.b", "variables.l.0", "variables.l.1"},
                           "same.txt", "one file")});
  ASSERT_FALSE(result.contains("errors")) << result.dump();
  const json expected = uploaded("same.txt", "text/plain", "one file");
  EXPECT_EQ(result["data"]["a"], expected);
  EXPECT_EQ(result["data"]["b"], expected);
  EXPECT_EQ(result["data"]["l"], json::array({expected, expected}));
}

TEST_F(UploadScalar, BatchAnswersAnArrayInOrder) {
  const json ops = json::array(
      {{{"query", std::string("mutation($f: Upload!) { single(file: $f) ") + kFileSelection + " }"},
        {"variables", {{"f", nullptr}}}},
       {{"query", "{ ping }"}},
       {{"query",
         std::string("mutation($f: [Upload!]!) { multiple(files: $f) ") + kFileSelection + " }"},
        {"variables", {{"f", {nullptr, nullptr}}}}}});
  const json result = post(ops, {text_file("0", {"0.variables.f"}, "a.txt", "alpha"),
                                 text_file("1", {"2.variables.f.0"}, "b.txt", "bravo"),
                                 text_file("2", {"2.variables.f.1"}, "c.txt", "charlie")});
  ASSERT_TRUE(result.is_array()) << result.dump();
  ASSERT_EQ(result.size(), 3u);
  EXPECT_EQ(result[0]["data"]["single"], uploaded("a.txt", "text/plain", "alpha"));
  EXPECT_EQ(result[1]["data"]["ping"], true);
  EXPECT_EQ(result[2]["data"]["multiple"],
            json::array({uploaded("b.txt", "text/plain", "bravo"),
                         uploaded("c.txt", "text/plain", "charlie")}));

  const json plain =
      post_json(json::array({{{"query", "{ ping }"}}, {{"query", "{ __typename }"}}}));
  ASSERT_TRUE(plain.is_array()) << plain.dump();
  EXPECT_EQ(plain[0]["data"]["ping"], true);
  EXPECT_EQ(plain[1]["data"]["__typename"], "Query");
}

TEST_F(UploadScalar, TreeWalksNestedInputs) {
  const json ops = {
      {"query",
       std::string("mutation($t: UploadTree!) { tree(input: $t) ") + kFileSelection + " }"},
      {"variables", {{"t", {{"file", nullptr}, {"child", {{"files", {nullptr, nullptr}}}}}}}}};
  const json result =
      post(ops, {text_file("0", {"variables.t.file"}, "root.txt", "root"),
                 text_file("1", {"variables.t.child.files.0"}, "c0.txt", "child zero"),
                 text_file("2", {"variables.t.child.files.1"}, "c1.txt", "child one")});
  ASSERT_FALSE(result.contains("errors")) << result.dump();
  EXPECT_EQ(result["data"]["tree"], json::array({uploaded("root.txt", "text/plain", "root"),
                                                 uploaded("c0.txt", "text/plain", "child zero"),
                                                 uploaded("c1.txt", "text/plain", "child one")}));
}

}  // namespace
}  // namespace upspec::serve::testing

// The specification's three examples, byte for byte, through the reference server.

#include "serve_test_support.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::serve::testing {
namespace {

// The examples query the specification's own schema (singleUpload, multipleUpload); the same
// bodies with the conformance schema's fields make the resolvers report what arrived.
std::string in_conformance_schema(std::string body) {
  const auto replace = [&body](const std::string& from, const std::string& to) {
    const std::size_t at = body.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    body.replace(at, from.size(), to);
  };
  const std::string selection = kFileSelection;
  if (body.find("singleUpload") != std::string::npos)
    replace("singleUpload(file: $file) { id }", "single(file: $file) " + selection);
  if (body.find("multipleUpload") != std::string::npos)
    replace("multipleUpload(files: $files) { id }", "multiple(files: $files) " + selection);
  return body;
}

json reported_uploads(const std::string& name) {
  const std::string ct = spec_example(name, "content-type");
  const json outcome = request::reference_outcome(ct, spec_example(name, "body"));
  return outcome["uploads"];
}

class SpecExamples : public ::testing::TestWithParam<const char*> {
 protected:
  served server_;
};

TEST_P(SpecExamples, AnsweredAsSentWith200AndAGraphQLResult) {
  const std::string name = GetParam();
  const http_response res = server_.exchange(
      multipart_request(spec_example(name, "content-type"), spec_example(name, "body")));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.header("Content-Type"), "application/json");
  const json result = body_json(res);
  // The specification's schema is not the conformance schema: the fields are unknown.
  if (name == std::string("batching")) {
    ASSERT_TRUE(result.is_array());
    EXPECT_EQ(result.size(), 2u);
  } else {
    ASSERT_TRUE(result.is_object());
    EXPECT_TRUE(result.contains("errors"));
  }
}

TEST_P(SpecExamples, ResolversReportWhatTheReferenceSaysArrived) {
  const std::string name = GetParam();
  const http_response res = server_.exchange(multipart_request(
      spec_example(name, "content-type"), in_conformance_schema(spec_example(name, "body"))));
  ASSERT_EQ(res.status, 200) << res.body;
  const json result = body_json(res);
  const json expected = reported_uploads(name);

  std::vector<json> files;  // in map order: "0", "1", ...
  const auto collect = [&files](const json& data) {
    if (data.contains("single")) files.push_back(data["single"]);
    if (data.contains("multiple"))
      for (const json& f : data["multiple"]) files.push_back(f);
  };
  if (result.is_array()) {
    for (const json& r : result) {
      EXPECT_FALSE(r.contains("errors")) << r.dump();
      collect(r["data"]);
    }
  } else {
    EXPECT_FALSE(result.contains("errors")) << result.dump();
    collect(result["data"]);
  }
  ASSERT_EQ(files.size(), expected.size()) << result.dump();
  for (std::size_t i = 0; i < files.size(); ++i)
    EXPECT_EQ(files[i], expected[std::to_string(i)]) << name << " upload " << i;
}

INSTANTIATE_TEST_SUITE_P(Corpus, SpecExamples,
                         ::testing::Values("single-file", "file-list", "batching"),
                         [](const auto& p) {
                           std::string n = p.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

TEST(SpecExamples, SingleFileReportsTheSpecFile) {
  served server;
  const http_response res = server.exchange(
      multipart_request(spec_example("single-file", "content-type"),
                        in_conformance_schema(spec_example("single-file", "body"))));
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(body_json(res)["data"]["single"],
            uploaded("a.txt", "text/plain", "Alpha file content.\n"));
}

}  // namespace
}  // namespace upspec::serve::testing

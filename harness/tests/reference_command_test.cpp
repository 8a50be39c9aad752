// `upspec reference` as a user runs it: the real binary, files and standard input.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "shell_run.hpp"

namespace {

struct run_result {
  int exit_code;
  std::string out;
};

run_result run(const std::string& args) {
  auto f = upspec::testing::shell_run(std::string(UPSPEC_BINARY) + " " + args + " 2>/dev/null");
  return {f.status, std::move(f.out)};
}

std::string example(const std::string& name) {
  return std::string(UPSPEC_SOURCE_DIR) + "/corpus/spec-examples/" + name;
}

std::string content_type_of(const std::string& name) {
  std::ifstream in(example(name + ".content-type"));
  std::string ct;
  std::getline(in, ct);
  return ct;
}

TEST(ReferenceCommand, SpecExampleFromAFile) {
  const auto r = run("reference --content-type '" + content_type_of("single-file") + "' " +
                     example("single-file.body"));
  ASSERT_EQ(r.exit_code, 0);
  const auto o = nlohmann::json::parse(r.out);
  EXPECT_EQ(o["status"], 200);
  EXPECT_EQ(o["uploads"]["0"]["sha256"],
            "20336bd7004ed78e383398d6daa76436d6fbb74060659134a5699173d048d280");
  EXPECT_EQ(o["operations"]["variables"]["file"]["$upload"], "0");
}

TEST(ReferenceCommand, StandardInputAndCompactOutput) {
  const auto r = run("reference --compact --content-type '" + content_type_of("batching") +
                     "' - < " + example("batching.body"));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
  EXPECT_EQ(nlohmann::json::parse(r.out)["uploads"].size(), 3u);
}

TEST(ReferenceCommand, RejectedRequestsStillExitZero) {
  const auto r = run("reference --content-type 'multipart/form-data; boundary=x' - < /dev/null");
  ASSERT_EQ(r.exit_code, 0);
  const auto o = nlohmann::json::parse(r.out);
  EXPECT_EQ(o["status"], 400);
  EXPECT_EQ(o["error"]["code"], "multipart.malformed");
  EXPECT_FALSE(o.contains("operations"));
}

TEST(ReferenceCommand, LimitsComeFromTheFlags) {
  const auto r = run("reference --max-files 0 --content-type '" + content_type_of("single-file") +
                     "' " + example("single-file.body"));
  EXPECT_EQ(nlohmann::json::parse(r.out)["error"]["code"], "limit.files");
  const auto f = run("reference --max-file-size 19 --content-type '" +
                     content_type_of("single-file") + "' " + example("single-file.body"));
  EXPECT_EQ(nlohmann::json::parse(f.out)["uploads"]["0"]["error"]["code"], "limit.file_size");
}

TEST(ReferenceCommand, UsageErrorsExitNonZero) {
  EXPECT_NE(run("reference").exit_code, 0);                                    // no --content-type
  EXPECT_NE(run("reference --content-type x /no/such/file").exit_code, 0);     // unreadable body
  EXPECT_NE(run("reference --content-type x --max-files many").exit_code, 0);  // not a number
  EXPECT_EQ(run("reference --help").exit_code, 0);
}

}  // namespace

#include "upspec/request/processor.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"
#include "upspec/encoder/encoder.hpp"
#include "upspec/util/sha256.hpp"

namespace upspec::request {
namespace {

using encoder::encode_form;
using encoder::form_part;
using testing::error_code_of;
using testing::outcome_all_splits;

const std::string kCt = "multipart/form-data; boundary=upspec-6b1c0a8e3f9d4c27";
const std::string kSingleOps =
    R"({"query":"mutation($file: Upload!) { single(file: $file) { size } }","variables":{"file":null}})";

form_part field(std::string name, std::string value) {
  return {std::move(name), {}, {}, {}, std::move(value), {}, false};
}
form_part file(std::string name, std::string content, std::string filename = "a.txt") {
  return {std::move(name), std::move(filename), {}, "text/plain", std::move(content), {}, false};
}

json outcome(const std::vector<form_part>& parts, const limits& lim = {}) {
  return outcome_all_splits(kCt, encode_form(parts).body, lim);
}

std::string spec_example(const std::string& name, const std::string& ext) {
  std::string s = testing::read_file(std::string(UPSPEC_SOURCE_DIR) + "/corpus/spec-examples/" +
                                     name + "." + ext);
  if (ext == "content-type" && !s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

json example_outcome(const std::string& name) {
  return outcome_all_splits(spec_example(name, "content-type"), spec_example(name, "body"));
}

json file_json(const char* filename, std::string_view content) {
  return json{{"filename", filename},
              {"mimetype", "text/plain"},
              {"size", content.size()},
              {"sha256", sha256::hex_of(content)}};
}

TEST(SpecExamples, SingleFile) {
  const json o = example_outcome("single-file");
  EXPECT_EQ(o["status"], 200);
  EXPECT_TRUE(o["error"].is_null());
  EXPECT_EQ(o["operations"]["variables"]["file"], json::parse(R"({"$upload": "0"})"));
  EXPECT_EQ(o["uploads"],
            json::parse(R"({"0": {"filename": "a.txt", "mimetype": "text/plain", "size": 20,
    "sha256": "20336bd7004ed78e383398d6daa76436d6fbb74060659134a5699173d048d280"}})"));
  EXPECT_EQ(o["ignored"], json::array());
}

TEST(SpecExamples, FileList) {
  const json o = example_outcome("file-list");
  EXPECT_EQ(o["status"], 200);
  EXPECT_EQ(o["operations"]["variables"]["files"],
            json::parse(R"([{"$upload": "0"}, {"$upload": "1"}])"));
  EXPECT_EQ(o["uploads"]["0"], file_json("b.txt", "Bravo file content.\n"));
  EXPECT_EQ(o["uploads"]["1"], file_json("c.txt", "Charlie file content.\n"));
}

TEST(SpecExamples, Batching) {
  const json o = example_outcome("batching");
  EXPECT_EQ(o["status"], 200);
  ASSERT_TRUE(o["operations"].is_array());
  EXPECT_EQ(o["operations"][0]["variables"]["file"], json::parse(R"({"$upload": "0"})"));
  EXPECT_EQ(o["operations"][1]["variables"]["files"],
            json::parse(R"([{"$upload": "1"}, {"$upload": "2"}])"));
  EXPECT_EQ(o["uploads"]["0"], file_json("a.txt", "Alpha file content.\n"));
  EXPECT_EQ(o["uploads"]["2"], file_json("c.txt", "Charlie file content.\n"));
}

struct rejected {
  std::vector<form_part> parts;
  const char* code;
  int status;
};

TEST(RequestErrors, EachCodeRejectsTheWholeRequestWithItsStatus) {
  const std::string map = R"({"0":["variables.file"]})";
  const std::vector<rejected> cases{
      {{field("map", map), field("operations", kSingleOps)}, "map.misordered", 400},
      {{field("map", map)}, "map.misordered", 400},
      {{field("x", "y")}, "operations.missing", 400},
      {{field("operations", "{not json")}, "operations.invalid_json", 400},
      {{field("operations", "")}, "operations.invalid_json", 400},
      {{field("operations", "1")}, "operations.invalid_type", 400},
      {{field("operations", "null")}, "operations.invalid_type", 400},
      {{field("operations", "\"query\"")}, "operations.invalid_type", 400},
      {{field("operations", kSingleOps)}, "map.missing", 400},
      {{field("operations", kSingleOps), field("map", "{")}, "map.invalid_json", 400},
      {{field("operations", kSingleOps), field("map", "[]")}, "map.invalid_type", 400},
      {{field("operations", kSingleOps), field("map", "null")}, "map.invalid_type", 400},
      {{field("operations", kSingleOps), field("map", R"({"0":"variables.file"})")},
       "map.entry_invalid_type",
       400},
      {{field("operations", kSingleOps), field("map", R"({"0":[1]})")},
       "map.path_invalid_type",
       400},
      {{field("operations", kSingleOps), field("map", R"({"0":["query.x"]})")},
       "map.path_invalid",
       400},
      {{field("operations", kSingleOps), field("map", R"({"0":["__proto__.x"]})")},
       "map.path_invalid",
       400},
      {{field("operations", kSingleOps), field("map", R"({"0":["variables.constructor"]})")},
       "map.path_invalid",
       400},
      {{field("operations", kSingleOps), field("map", R"({"0":["variables.file.prototype"]})")},
       "map.path_invalid",
       400},
      {{field("operations", kSingleOps), file("0", "x"), field("map", map)},
       "file.misordered",
       400},
      {{file("0", "x"), field("operations", kSingleOps), field("map", map)},
       "file.misordered",
       400},
  };
  for (const auto& c : cases) {
    const json o = outcome(c.parts);
    EXPECT_EQ(error_code_of(o), c.code) << o.dump();
    EXPECT_EQ(o["status"], c.status) << o.dump();
    EXPECT_FALSE(o.contains("operations"));
    EXPECT_FALSE(o.contains("uploads"));
    EXPECT_FALSE(o["error"]["message"].get<std::string>().empty());
    EXPECT_FALSE(o["error"]["cite"].get<std::string>().empty());
  }
}

TEST(RequestErrors, ContentType) {
  const std::string body = encode_form({field("operations", kSingleOps)}).body;
  const json not_form = outcome_all_splits("application/json", body);
  EXPECT_EQ(error_code_of(not_form), "request.content_type");
  EXPECT_EQ(not_form["status"], 415);
  const json no_boundary = outcome_all_splits("multipart/form-data", body);
  EXPECT_EQ(error_code_of(no_boundary), "request.content_type");
  EXPECT_EQ(no_boundary["status"], 400);
}

TEST(RequestErrors, MalformedAndTruncatedBeforeTheMap) {
  const std::string ok = encode_form({field("operations", kSingleOps), field("map", "{}")}).body;
  const json truncated = outcome_all_splits(kCt, ok.substr(0, ok.size() / 2));
  EXPECT_EQ(error_code_of(truncated), "multipart.truncated");
  EXPECT_EQ(truncated["status"], 400);
  std::string bare_lf = ok;
  bare_lf.replace(bare_lf.find("\r\n\r\n"), 4, "\n\r\n");
  const json malformed = outcome_all_splits(kCt, bare_lf);
  EXPECT_EQ(error_code_of(malformed), "multipart.malformed");
  EXPECT_EQ(malformed["status"], 400);
}

TEST(Uploads, ErrorsAfterTheMapFailOnlyPendingUploads) {
  const std::string map = R"({"0":["variables.a"],"1":["variables.b"],"2":["variables.c"]})";
  const std::string body =
      encode_form({field("operations", R"({"variables":{}})"), field("map", map),
                   file("0", "first"), file("1", "second-is-cut"), file("2", "third")})
          .body;
  const json o = outcome_all_splits(kCt, body.substr(0, body.find("second-is-cut") + 6));
  EXPECT_EQ(o["status"], 200);
  EXPECT_TRUE(o["error"].is_null());
  EXPECT_EQ(o["uploads"]["0"]["size"], 5);
  EXPECT_EQ(o["uploads"]["1"]["error"]["code"], "multipart.truncated");
  EXPECT_EQ(o["uploads"]["2"]["error"]["code"], "multipart.truncated");
}

TEST(Uploads, MissingFileFailsOnlyThatUpload) {
  const json o =
      outcome({field("operations", R"({"variables":{}})"),
               field("map", R"({"0":["variables.a"],"1":["variables.b"]})"), file("0", "here")});
  EXPECT_EQ(o["status"], 200);
  EXPECT_EQ(o["uploads"]["0"]["size"], 4);
  EXPECT_EQ(o["uploads"]["1"]["error"]["code"], "file.missing");
}

TEST(Uploads, OneFileAtSeveralPathsIsDeduplicated) {
  const json o =
      outcome({field("operations", R"({"variables":{"a":null,"list":[null,null]}})"),
               field("map", R"({"0":["variables.a","variables.list.1"]})"), file("0", "shared")});
  EXPECT_EQ(o["operations"]["variables"]["a"], json::parse(R"({"$upload":"0"})"));
  EXPECT_EQ(o["operations"]["variables"]["list"], json::parse(R"([null, {"$upload":"0"}])"));
  EXPECT_EQ(o["uploads"].size(), 1u);
  EXPECT_EQ(o["uploads"]["0"]["size"], 6);
}

TEST(Uploads, ExtraneousPartsAreIgnoredAndListed) {
  const json o =
      outcome({field("operations", kSingleOps), field("extra", "field"),
               field("map", R"({"0":["variables.file"]})"), file("0", "x"), file("1", "not mapped"),
               file("0", "duplicate"), field("operations", "{}"), field("map", "{}")});
  EXPECT_EQ(o["status"], 200);
  EXPECT_EQ(o["ignored"], json::parse(R"(["extra", "1", "0", "operations", "map"])"));
  EXPECT_EQ(o["uploads"]["0"]["size"], 1);
}

TEST(Uploads, PartsWithoutAUsableFormDataNameAreSkipped) {
  form_part nameless = file("", "x");
  nameless.omit_disposition = true;
  form_part inline_part = field("operations", "{}");
  inline_part.extra_headers = {};
  const json o = outcome({nameless, field("operations", kSingleOps),
                          field("map", R"({"0":["variables.file"]})"), file("0", "x")});
  EXPECT_EQ(o["status"], 200);
  EXPECT_EQ(o["ignored"], json::array());
}

TEST(Uploads, MappedPartWithoutFilenameIsStillTheFile) {
  const json o = outcome({field("operations", kSingleOps),
                          field("map", R"({"0":["variables.file"]})"), field("0", "plain")});
  EXPECT_TRUE(o["uploads"]["0"]["filename"].is_null());
  EXPECT_EQ(o["uploads"]["0"]["mimetype"], "text/plain");
  EXPECT_EQ(o["uploads"]["0"]["size"], 5);
}

TEST(Uploads, OperationsSentAsAFilePartAreStillOperations) {
  const json o = outcome({file("operations", kSingleOps, "ops.json"),
                          field("map", R"({"0":["variables.file"]})"), file("0", "x")});
  EXPECT_EQ(o["status"], 200);
}

form_part renamed_by_name_star(form_part part, std::string name_star) {
  part.name_star = std::move(name_star);
  return part;
}

TEST(Uploads, NameStarRenamesNoPart) {
  const std::string map = R"({"0":["variables.file"]})";
  const json o = outcome({renamed_by_name_star(field("decoy-ops", "{}"), "operations"),
                          renamed_by_name_star(field("operations", kSingleOps), "x"),
                          renamed_by_name_star(field("decoy-map", "{}"), "map"),
                          renamed_by_name_star(field("map", map), "y"),
                          renamed_by_name_star(file("decoy-file", "smuggled"), "0"),
                          renamed_by_name_star(file("0", "sent"), "z")});
  EXPECT_EQ(o["status"], 200);
  EXPECT_EQ(o["operations"]["variables"]["file"], json::parse(R"({"$upload": "0"})"));
  EXPECT_EQ(o["uploads"]["0"], file_json("a.txt", "sent"));
  EXPECT_EQ(o["ignored"], json::parse(R"(["decoy-ops", "decoy-map", "decoy-file"])"));
}

TEST(Uploads, LoneFilenameStarMakesAFilePart) {
  form_part early = file("9", "x");
  early.filename.reset();
  early.filename_star = "\xc3\xa9.txt";
  const json o = outcome({field("operations", kSingleOps), early,
                          field("map", R"({"0":["variables.file"]})"), file("0", "x")});
  EXPECT_EQ(error_code_of(o), "file.misordered");
}

TEST(Limits, FieldSize) {
  limits lim;
  lim.max_field_size = kSingleOps.size();
  EXPECT_EQ(outcome({field("operations", kSingleOps), field("map", "{}")}, lim)["status"], 200);
  lim.max_field_size = kSingleOps.size() - 1;
  const json o = outcome({field("operations", kSingleOps), field("map", "{}")}, lim);
  EXPECT_EQ(error_code_of(o), "limit.field_size");
  EXPECT_EQ(o["status"], 413);
  lim.max_field_size = 3;
  const json map_over = outcome({field("operations", "{}"), field("map", "{  }")}, lim);
  EXPECT_EQ(error_code_of(map_over), "limit.field_size");
}

TEST(Limits, FileSizeFailsTheUploadOnly) {
  limits lim;
  lim.max_file_size = 5;
  const std::vector<form_part> parts{field("operations", R"({"variables":{}})"),
                                     field("map", R"({"0":["variables.a"],"1":["variables.b"]})"),
                                     file("0", "12345"), file("1", "123456")};
  const json o = outcome(parts, lim);
  EXPECT_EQ(o["status"], 200);
  EXPECT_EQ(o["uploads"]["0"]["size"], 5);
  EXPECT_EQ(o["uploads"]["1"]["error"]["code"], "limit.file_size");
}

TEST(Limits, Files) {
  limits lim;
  lim.max_files = 2;
  const std::string two = R"({"0":["variables.a"],"1":["variables.b"]})";
  const std::string three = R"({"0":["variables.a"],"1":["variables.b"],"2":["variables.c"]})";
  EXPECT_EQ(outcome({field("operations", R"({"variables":{}})"), field("map", two), file("0", "a"),
                     file("1", "b")},
                    lim)["status"],
            200);
  const json o = outcome({field("operations", R"({"variables":{}})"), field("map", three)}, lim);
  EXPECT_EQ(error_code_of(o), "limit.files");
  EXPECT_EQ(o["status"], 413);
}

TEST(Json, DeepNestingIsRefusedNotOverflowed) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const json o = outcome({field("operations", deep)});
  EXPECT_EQ(error_code_of(o), "operations.invalid_json");
}

TEST(Json, InvalidUtf8InStringsIsInvalidJson) {
  const json o = outcome({field("operations", "{\"query\":\"\xff\"}")});
  EXPECT_EQ(error_code_of(o), "operations.invalid_json");
}

// RFC 8259 §6 lets a parser limit the range of numbers; one it cannot represent makes the field
// invalid JSON instead of an exception out of the processor (a fuzz finding).
TEST(Json, NumberOutOfRangeIsInvalidJson) {
  const json ops = outcome({field("operations", R"({"query":"{ ping }","x":1e999})")});
  EXPECT_EQ(error_code_of(ops), "operations.invalid_json");
  const json map = outcome({field("operations", kSingleOps), field("map", R"({"0":-1e400})")});
  EXPECT_EQ(error_code_of(map), "map.invalid_json");
}

// Counts what the processor reports, in order.
class recorder : public processor_events {
 public:
  std::vector<std::string> log;
  void on_operations(const json&) override { log.push_back("operations"); }
  void on_upload_begin(const upload& u) override { log.push_back("begin " + u.field); }
  void on_upload_data(const upload& u, std::string_view b) override {
    log.push_back("data " + u.field + " " + std::string(b));
  }
  void on_upload_end(const upload& u) override { log.push_back("end " + u.field); }
  void on_upload_failed(const upload& u) override { log.push_back("failed " + u.field); }
  void on_request_failed(const upspec::error& e) override {
    log.push_back("request " + std::string(name(e.code)));
  }
};

TEST(Streaming, OperationsAreReadyBeforeAnyFileArrives) {
  const std::string body =
      encode_form({field("operations", kSingleOps), field("map", R"({"0":["variables.file"]})"),
                   file("0", "content")})
          .body;
  recorder r;
  processor p(kCt, {}, r);
  const std::size_t map_end = body.find("\r\n--", body.find("name=\"map\"")) + 2;
  p.feed(std::string_view(body).substr(0, map_end + 30));
  EXPECT_TRUE(p.operations_ready());
  EXPECT_EQ(r.log, std::vector<std::string>{"operations"});
  p.feed(std::string_view(body).substr(map_end + 30));
  p.finish();
  EXPECT_EQ(r.log, (std::vector<std::string>{"operations", "begin 0", "data 0 content", "end 0"}));
  EXPECT_TRUE(p.settled());
}

TEST(Streaming, SettlesAtTheCloseDelimiterAndIgnoresTheEpilogue) {
  const std::string body = encode_form({field("operations", kSingleOps), field("map", "{}")}).body;
  recorder r;
  processor p(kCt, {}, r);
  p.feed(body);
  EXPECT_TRUE(p.settled());
  p.feed("anything at all");
  p.finish();
  EXPECT_EQ(p.status(), 200);
}

}  // namespace
}  // namespace upspec::request

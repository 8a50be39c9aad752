// The live fuzzer's pure parts: signatures and their masking, families, determinism of the
// generated requests, the shrinker against a synthetic bug, the hazard dictionaries, merging.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fuzz/findings_file.hpp"
#include "fuzz/generated_case.hpp"
#include "fuzz/shrink.hpp"
#include "fuzz/signature.hpp"
#include "upspec/properties/hazards.hpp"

namespace upspec::fuzz {
namespace {

namespace fs = std::filesystem;

TEST(FuzzSignature, MasksNumbersQuotedValuesAndIds) {
  EXPECT_EQ(mask_message("Unexpected token 'x' at position 12"),
            "Unexpected token '…' at position N");
  EXPECT_EQ(mask_message("field \"0\" of 3 files"), "field \"…\" of N files");
  EXPECT_EQ(mask_message("boundary ----WebKitFormBoundary7MA4YWxkTrZu0gW missing"),
            "boundary # missing");
  EXPECT_EQ(mask_message("line\nbreak"), "line break");
  EXPECT_EQ(
      mask_message("entry key \xe2\x80\x98"
                   "3\xe2\x80\x99 value \xe2\x80\x98"
                   "a.b\xe2\x80\x99"),
      "entry key \xe2\x80\x98\xe2\x80\xa6\xe2\x80\x99 value \xe2\x80\x98\xe2\x80\xa6\xe2\x80\x99");
  EXPECT_LE(mask_message(std::string(1000, 'a')).size(), 160u);
}

TEST(FuzzSignature, MasksWordsTheRequestHoldsButNotTheServersOwnWords) {
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{\"a)\": [\"variables.file\"], "
      "\"_upload\": []}\r\n--b\r\nContent-Disposition: form-data; name=x.y\r\n\r\n1\r\n--b--\r\n";
  EXPECT_EQ(mask_echoes("invalid empty operations paths list for key _upload", body),
            "invalid empty operations paths list for key …");
  EXPECT_EQ(mask_echoes("failed to get key a) from form", body), "failed to get key … from form");
  EXPECT_EQ(mask_echoes("no file for field x.y.", body), "no file for field ….");
  // "map" and "file" are in the request too, but they are the server's words here.
  EXPECT_EQ(mask_echoes("the map names no file", body), "the map names no file");
  EXPECT_EQ(mask_echoes("key b is not in the map", body), "key b is not in the map");
  // A number stays for mask_message, which makes every number N.
  EXPECT_EQ(mask_echoes("missing 1 argument", body + "\"1\""), "missing 1 argument");
}

TEST(FuzzSignature, AServerFailuresFamilyLeavesTheRuleOut) {
  signature a{run::problem::server_error, "5xx", "map.path_invalid", "", "boom"};
  signature b = a;
  b.rule = "ok";
  EXPECT_NE(a.text(), b.text());
  EXPECT_EQ(a.family(), b.family());
  EXPECT_NE(a.id(), b.id());
  signature wrong{run::problem::mismatch, "2xx", "map.path_invalid", "status", ""};
  signature other = wrong;
  other.rule = "map.misordered";
  EXPECT_NE(wrong.family(), other.family());  // a wrong answer is about what the request owes
  // A refusal with a message: the message says why, whatever the reference answers.
  signature refused{run::problem::mismatch, "4xx", "ok", "status", "Posted content must be ..."};
  signature refused_too = refused;
  refused_too.rule = "graphql";
  EXPECT_EQ(refused.family(), refused_too.family());
}

TEST(FuzzSignature, OnlyAFailHasOne) {
  corpus::test_case c;
  c.expect.status = 400;
  c.expect.code = "map.invalid_json";
  run::case_result r;
  client::http_response answer;
  answer.status = 200;
  answer.body = R"({"data":{"single":null},"errors":[{"message":"No such file 12"}]})";
  r.response = answer;
  r.j.verdict = corpus::verdict::non_strict;
  EXPECT_FALSE(signature_of(c, r));
  r.j.verdict = corpus::verdict::fail;
  r.j.findings = {"status 200, expected 400 map.invalid_json"};
  r.j.problems = {run::problem::mismatch};
  const auto s = signature_of(c, r);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->text(), "fail|2xx|map.invalid_json|status|No such file N");
  // A message quoting a header of the request: the same family whatever the header said.
  c.request.headers = {{"Content-Type", "MULTIPART/FORM-DATA; boundary=Zq"}};
  answer.status = 400;
  answer.body =
      R"({"errors":[{"message":"Invalid content-type MULTIPART/FORM-DATA; boundary=Zq"}]})";
  r.response = answer;
  EXPECT_EQ(signature_of(c, r)->message, "Invalid content-type …");
}

TEST(FuzzGeneration, RequestsDependOnTheSeedAndIndexAlone) {
  const generation_profile profile;
  const properties::mutation_context context;
  for (std::uint64_t i = 0; i < 50; ++i) {
    const recipe a = recipe_for(42, i);
    const recipe b = recipe_for(42, i);
    EXPECT_EQ(a.base, b.base);
    EXPECT_EQ(a.mutations, b.mutations);
    EXPECT_EQ(properties::serialize(realize(a, profile, context)),
              properties::serialize(realize(b, profile, context)));
  }
  EXPECT_NE(recipe_for(42, 1).base, recipe_for(43, 1).base);
  EXPECT_NE(recipe_for(42, 1).base, recipe_for(42, 2).base);
}

TEST(FuzzGeneration, ATargetWithoutBatchingGetsNoGeneratedBatch) {
  generation_profile profile;
  profile.batches = false;
  const properties::mutation_context context;
  run::target t = run::builtin_target();
  for (std::uint64_t i = 0; i < 200; ++i) {
    recipe r = recipe_for(5, i);
    r.mutations.clear();  // mutations may make a batch; the valid requests do not
    const auto c = as_case(realize(r, profile, context), "x", t);
    EXPECT_TRUE(c.requires_fields.empty()) << i;
  }
}

// A request the catalog grades below MUST is judged at that level: a hand-made model with a
// single-file upload, then each construct added to it.
TEST(FuzzLatitude, AGeneratedRequestIsJudgedAtTheLevelOfTheChoicesItsAnswerRestsOn) {
  const run::target t = run::builtin_target();
  properties::request_model m;
  m.parts = {{"operations",
              {},
              {},
              {},
              R"({"query":"mutation ($file: Upload!) { single(file: $file) { size } }",)"
              R"("variables":{"file":null}})",
              {},
              false},
             {"map", {}, {}, {}, R"({"0":["variables.file"]})", {}, false},
             {"0", "a.txt", {}, "text/plain", "alpha\n", {}, false}};
  const auto plain = as_case(m, "x", t);
  EXPECT_EQ(plain.requirement, corpus::level::must);

  auto repeated = m;
  repeated.parts[1].extra_headers.emplace_back("content-disposition", "form-data; name=\"x\"");
  const auto may = as_case(repeated, "x", t);
  EXPECT_EQ(may.requirement, corpus::level::may);
  EXPECT_NE(may.rule.find("multipart-syntax.duplicate-disposition-header"), std::string::npos);

  auto nameless = m;
  nameless.parts[2].filename.reset();
  EXPECT_EQ(as_case(nameless, "x", t).requirement, corpus::level::should);

  auto created = m;
  created.parts[1].body = R"({"0":["variables.other"]})";
  const auto should = as_case(created, "x", t);
  EXPECT_EQ(should.requirement, corpus::level::should);
  EXPECT_NE(should.rule.find("object-paths.creates-missing-key"), std::string::npos);

  auto prefixed = m;
  prefixed.encoding.preamble = "--" + m.encoding.boundary + "--x";
  EXPECT_EQ(as_case(prefixed, "x", t).requirement, corpus::level::may);

  auto extra = m;
  extra.parts.push_back({"note", {}, {}, {}, "hello", {}, false});
  EXPECT_EQ(as_case(extra, "x", t).requirement, corpus::level::should);

  // A file that never arrives: the reference runs the operation with a field error, and a
  // whole-body refusal is accepted as NON-STRICT; a request with every file has no such leeway.
  auto missing = m;
  missing.parts.pop_back();
  const auto refused = as_case(missing, "x", t);
  EXPECT_EQ(refused.requirement, corpus::level::must);
  ASSERT_EQ(refused.expect.alternatives.size(), 1u);
  EXPECT_EQ(refused.expect.alternatives[0].gives, corpus::verdict::non_strict);
  EXPECT_TRUE(plain.expect.alternatives.empty());
}

TEST(FuzzShrink, ShrinksToWhatTheBugNeeds) {
  // A synthetic bug: any request whose body holds a file content ending with CR.
  recipe start = recipe_for(3, 0);
  properties::request_model m = realize(start, {}, {});
  m.parts.back().body = std::string(5000, 'a') + "\r";
  const auto bug = [](const properties::request_model& x) {
    const auto wire = properties::encode(x);
    return wire.body.find("\r\r\n--" + x.encoding.boundary) != std::string::npos;
  };
  ASSERT_TRUE(bug(m));
  const shrink_result r = shrink_model(m, bug, 300);
  EXPECT_TRUE(bug(r.model));
  EXPECT_LT(properties::encode(r.model).body.size(), 100u);
  EXPECT_LE(r.requests, 300u);
  EXPECT_GT(r.kept, 0u);
}

TEST(FuzzShrink, KeepsToTheBudget) {
  properties::request_model m = realize(recipe_for(3, 1), {}, {});
  std::size_t calls = 0;
  // Nothing smaller reproduces: every candidate is tried until the budget is spent.
  const auto never = [&](const properties::request_model&) { return ++calls, false; };
  const shrink_result r = shrink_model(m, never, 7);
  EXPECT_EQ(r.requests, 7u);
  EXPECT_EQ(calls, 7u);
  EXPECT_EQ(r.kept, 0u);
}

TEST(Hazards, ParsesTheDictionaryFormatAndNamesBadLines) {
  properties::hazards h;
  EXPECT_FALSE(h.add_text("members-kotlin", "# comment\nkw=\"copy\"\n\"a\\x41\\\\\\\"\"\n\n"));
  EXPECT_EQ(h.of("members-kotlin"), (std::vector<std::string>{"copy", "aA\\\""}));
  EXPECT_EQ(h.member_names(), (std::vector<std::string>{"copy", "aA\\\""}));
  const auto bad = h.add_text("extra", "\"ok\"\nno quotes\n");
  ASSERT_TRUE(bad);
  EXPECT_NE(bad->find("line 2"), std::string::npos) << *bad;
  EXPECT_TRUE(h.extra().empty());  // nothing of a bad file is added
  EXPECT_FALSE(h.add_text("mine", "\"x\""));
  EXPECT_EQ(h.extra(), std::vector<std::string>{"x"});
}

TEST(Hazards, TheBuiltInDictionariesAreAllThere) {
  const auto& h = properties::hazards::builtin();
  for (const char* c :
       {"members-javascript", "members-python", "members-ruby", "members-php", "members-java",
        "members-go", "members-rust", "members-values", "numbers", "boundary-bytes",
        "header-parameters", "media-types", "json-tokens", "filenames"})
    EXPECT_FALSE(h.of(c).empty()) << c;
  const auto& members = h.member_names();
  for (const char* m : {"__proto__", "__class__", "then", "createReadStream", "getClass"})
    EXPECT_NE(std::find(members.begin(), members.end(), m), members.end()) << m;
}

TEST(FuzzMerge, OneFindingPerSignatureWithCountsAddedAndTheSmallerReproducer) {
  const fs::path root = fs::temp_directory_path() / ("upspec-merge-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const auto campaign_with = [&](const std::string& dir, std::size_t bytes, std::uint64_t count) {
    campaign_result r;
    r.requests = 100;
    target_totals t;
    t.name = "x";
    t.requests = 100;
    r.targets.push_back(t);
    finding f;
    f.target = "x";
    f.sig = {run::problem::server_error, "5xx", "ok", "", "boom"};
    f.count = count;
    f.minimal.id = "fuzz.x-" + f.sig.id();
    f.minimal.category = "fuzz";
    f.minimal.request.body = std::string(bytes, 'b');
    r.findings.push_back(f);
    write_findings(findings_document(r, {}), {f.minimal}, root / dir);
  };
  campaign_with("a", 500, 3);
  campaign_with("b", 50, 4);
  ASSERT_FALSE(merge_findings({root / "a", root / "b"}, root / "merged"));
  std::ifstream in(root / "merged" / "findings.json");
  const auto doc = request::json::parse(in);
  ASSERT_EQ(doc["findings"].size(), 1u);
  EXPECT_EQ(doc["findings"][0]["count"], 7);
  EXPECT_EQ(doc["findings"][0]["minimal_bytes"], 50);
  EXPECT_EQ(doc["campaigns"].size(), 2u);
  EXPECT_EQ(doc["targets"][0]["requests"], 200);
  EXPECT_TRUE(fs::exists(root / "merged" / doc["findings"][0]["case"].get<std::string>()));
  EXPECT_TRUE(fs::exists(root / "merged" / "index.html"));
  EXPECT_TRUE(fs::exists(root / "merged" / "findings.md"));
  EXPECT_TRUE(merge_findings({root / "nowhere"}, root / "m2"));
  fs::remove_all(root);
}

}  // namespace
}  // namespace upspec::fuzz

// Resource bounds: documents and variables built to make validation or execution explode get
// an error in bounded time, and no document the parser accepts crashes or hangs the executor.

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "upspec/execution/executor.hpp"
#include "upspec/execution/limits.hpp"

namespace {

using namespace upspec::execution;

json run(const std::string& query, json variables = nullptr, const upload_paths& paths = {},
         const upload_values& uploads = {}) {
  json r = {{"query", query}};
  if (!variables.is_null()) r["variables"] = std::move(variables);
  return execute(r, paths, uploads);
}

std::string first_message(const json& result) {
  const json errors = result.value("errors", json::array());
  return errors.empty() ? "" : errors[0].value("message", "");
}

TEST(ExecutionLimits, ExponentialFragmentSpreadsCollectOnce) {
  // Each fragment spreads the next twice: 2^40 paths, one fragment visit each.
  std::string query = "{ ...F0 }";
  for (int i = 0; i < 40; ++i)
    query += " fragment F" + std::to_string(i) + " on Query { ...F" + std::to_string(i + 1) +
             " ...F" + std::to_string(i + 1) + " }";
  query += " fragment F40 on Query { ping }";
  EXPECT_EQ(run(query), json::parse(R"({"data": {"ping": true}})"));
}

TEST(ExecutionLimits, LongFragmentChainsExhaustTheValidationBudget) {
  // Every fragment's selection set reaches all the later ones: quadratic work to validate.
  std::string query = "{ ...F0 }";
  const int n = 5000;
  for (int i = 0; i < n; ++i)
    query +=
        " fragment F" + std::to_string(i) + " on Query { ping ...F" + std::to_string(i + 1) + " }";
  query += " fragment F" + std::to_string(n) + " on Query { ping }";
  const json result = run(query);
  EXPECT_FALSE(result.contains("data"));
  EXPECT_EQ(first_message(result),
            "Document too complex: validating it takes more than " +
                std::to_string(kMaxValidationWork) +
                " steps through fields and fragment spreads. Validation aborted.");
}

TEST(ExecutionLimits, LongFragmentCyclesAreFoundWithoutRecursion) {
  std::string query = "{ ...F0 }";
  const int n = 3000;
  for (int i = 0; i < n; ++i)
    query +=
        " fragment F" + std::to_string(i) + " on Query { ...F" + std::to_string((i + 1) % n) + " }";
  const json result = run(query);
  EXPECT_FALSE(result.contains("data"));
  EXPECT_EQ(
      first_message(result).rfind("Cannot spread fragment \"F0\" within itself via \"F1\"", 0), 0u);
}

TEST(ExecutionLimits, ResolvedFieldsAreBounded) {
  // One upload mapped a thousand times, selected by many aliases: the result would multiply.
  json files = json::array();
  upload_paths paths;
  for (int i = 0; i < 1000; ++i) {
    files.push_back({{"$upload", "0"}});
    paths["variables.f." + std::to_string(i)] = "0";
  }
  // 60 aliases x 1000 items x 2 fields: 120,060 fields.
  std::string query = "mutation($f: [Upload!]!) {";
  for (int i = 0; i < 60; ++i)
    query += " a" + std::to_string(i) + ": multiple(files: $f) { size sha256 }";
  const json result =
      run(query + " }", {{"f", files}}, paths, {{"0", {"a", "text/plain", 1, "h", std::nullopt}}});
  ASSERT_TRUE(result.contains("data"));
  EXPECT_TRUE(result["data"].is_null());
  EXPECT_EQ(first_message(result), "Execution stopped: more than " +
                                       std::to_string(kMaxResolvedFields) + " fields to resolve.");
}

TEST(ExecutionLimits, WideAndRepetitiveSelectionsStayFast) {
  std::string same = "{";
  std::string wide = "{";
  for (int i = 0; i < 20000; ++i) {
    same += " a: ping";
    wide += " a" + std::to_string(i) + ": ping";
  }
  EXPECT_EQ(run(same + " }"), json::parse(R"({"data": {"a": true}})"));
  const json result = run(wide + " }");
  ASSERT_EQ(result["data"].size(), 20000u);
  EXPECT_EQ(result["data"]["a19999"], true);
}

TEST(ExecutionLimits, DeepDocumentsAreRefusedNotCrashed) {
  std::string deep = "{ ping";
  for (int i = 0; i < 250; ++i) deep += " { ping";
  for (int i = 0; i < 250; ++i) deep += " }";
  EXPECT_EQ(first_message(run(deep + " }")),
            "Field \"ping\" must not have a selection since type \"Boolean!\" has no subfields.");

  std::string list = "mutation { echo(value: ";
  for (int i = 0; i < 250; ++i) list += "[";
  list += "\"x\"";
  for (int i = 0; i < 250; ++i) list += "]";
  EXPECT_EQ(
      first_message(run(list + ") }")).rfind("String cannot represent a non string value: [[", 0),
      0u);

  std::string tree = "mutation { tree(input: ";
  for (int i = 0; i < 250; ++i) tree += "{child: ";
  tree += "{}";
  for (int i = 0; i < 250; ++i) tree += "}";
  EXPECT_EQ(run(tree + ") { size } }"), json::parse(R"({"data": {"tree": []}})"));
}

std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// Mutates valid documents token by token at random and runs them: every result must be a
// GraphQL response, whatever the input. Most mutants fail validation, some still run, which
// is the point: the rules meet documents nobody would write. Deterministic; worth most under
// the sanitizers.
TEST(ExecutionLimits, MutatedDocumentsNeverCrash) {
  const std::vector<std::string> seeds = {
      "mutation ( $f : Upload! , $g : [ Upload! ]! , $t : UploadTree! ) { single ( file : $f ) "
      "{ filename size } multiple ( files : $g ) { ...F } tree ( input : $t ) { sha256 } } "
      "fragment F on UploadedFile { mimetype __typename }",
      "query Q ( $b : Boolean = true ) { ping @include ( if : $b ) ... on Query { __typename } "
      "...G } fragment G on Query { p : ping @skip ( if : false ) }",
      "mutation { echo ( value : \"x\" ) tree ( input : { file : null , files : [ null ] , "
      "child : { child : { } } } ) { size } optional ( file : null ) { size } echoUpload }",
      "{ a : ping a : ping ...A ...B } fragment A on Query { ...B } fragment B on Query { ...A }",
      "mutation M ( $f : Upload = null ) { e : echoUpload ( file : $f ) s : single ( file : $f ) "
      "{ ... on UploadedFile { size } } }",
  };
  std::vector<std::string> vocabulary;
  for (const std::string& seed : seeds)
    for (std::string& word : words_of(seed)) vocabulary.push_back(std::move(word));
  const json variables = {{"f", {{"$upload", "0"}}},
                          {"g", {{{"$upload", "0"}}, {{"$upload", "1"}}}},
                          {"t", {{"file", {{"$upload", "1"}}}, {"child", nullptr}}},
                          {"b", false}};
  const upload_paths paths = {{"variables.f", "0"},
                              {"variables.g.0", "0"},
                              {"variables.g.1", "1"},
                              {"variables.t.file", "1"}};
  upload_value lost{"b", "text/plain", 0, "", std::nullopt};
  lost.failure = upspec::error(upspec::error_code::file_missing, "File missing in the request.");
  const upload_values uploads = {{"0", {"a", "text/plain", 1, "h", std::nullopt}}, {"1", lost}};
  std::mt19937 random(20211026);
  for (int round = 0; round < 4000; ++round) {
    std::vector<std::string> words = words_of(seeds[random() % seeds.size()]);
    const int edits = 1 + static_cast<int>(random() % 2);
    for (int e = 0; e < edits && !words.empty(); ++e) {
      const std::size_t at = random() % words.size();
      const std::string& word = vocabulary[random() % vocabulary.size()];
      switch (random() % 4) {
        case 0:
          words[at] = word;
          break;
        case 1:
          words.insert(words.begin() + static_cast<std::ptrdiff_t>(at), word);
          break;
        case 2:
          words.erase(words.begin() + static_cast<std::ptrdiff_t>(at));
          break;
        default:
          std::swap(words[at], words[random() % words.size()]);
      }
    }
    std::string doc;
    for (const std::string& word : words) doc += word + " ";
    executor ex;
    ex.prepare(json{{"query", doc}, {"variables", variables}}, paths);
    const json result = ex.complete(uploads);
    ASSERT_TRUE(result.is_object()) << doc;
    ASSERT_TRUE(result.contains("errors") || result.contains("data")) << doc;
    if (result.contains("errors")) {
      ASSERT_FALSE(result["errors"].empty()) << doc;
    }
  }
}

}  // namespace

// The corpus: its stored form, its size and spread, and its agreement with the reference.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "corpus/case_json.hpp"
#include "corpus/corpus_store.hpp"
#include "corpus/generate.hpp"

namespace upspec::corpus {
namespace {

std::filesystem::path stored_dir() {
  return std::filesystem::path(UPSPEC_SOURCE_DIR) / "corpus" / "cases";
}

const std::vector<test_case>& stored() {
  static const std::vector<test_case> cases = [] {
    auto loaded = load_corpus(stored_dir());
    if (auto* why = std::get_if<std::string>(&loaded)) ADD_FAILURE() << *why;
    return std::holds_alternative<std::vector<test_case>>(loaded)
               ? std::get<std::vector<test_case>>(loaded)
               : std::vector<test_case>{};
  }();
  return cases;
}

TEST(Corpus, HoldsAtLeast300CasesInAtLeast14Categories) {
  std::set<std::string> categories;
  for (const auto& c : stored()) categories.insert(c.category);
  EXPECT_GE(stored().size(), 300u);
  EXPECT_GE(categories.size(), 14u);
}

TEST(Corpus, EveryCaseCitesItsRule) {
  for (const auto& c : stored()) {
    EXPECT_FALSE(c.rule.empty()) << c.id;
    EXPECT_FALSE(c.cite.empty()) << c.id;
    EXPECT_FALSE(c.title.empty()) << c.id;
    EXPECT_EQ(c.id.rfind(c.category + ".", 0), 0u) << c.id;
  }
}

// The stored corpus is exactly what the catalog and the reference give today, and no
// catalog author's intent is contradicted by the reference.
TEST(Corpus, StoredCasesAreAFreshGenerationWithoutContradictions) {
  const generation fresh = generate_corpus(1, 40);
  for (const auto& why : fresh.contradictions) ADD_FAILURE() << why;
  ASSERT_EQ(fresh.cases.size(), stored().size());
  for (std::size_t i = 0; i < fresh.cases.size(); ++i) {
    const auto& a = fresh.cases[i];
    const auto it = std::find_if(stored().begin(), stored().end(),
                                 [&](const test_case& s) { return s.id == a.id; });
    ASSERT_NE(it, stored().end()) << a.id << " is not stored: run upspec corpus generate";
    EXPECT_EQ(to_json(*it), to_json(a)) << a.id << " is stale: run upspec corpus generate";
  }
}

TEST(Corpus, GenerationIsDeterministicAndSeeded) {
  catalog a, b, c;
  add_random_cases(a, 7, 5);
  add_random_cases(b, 7, 5);
  add_random_cases(c, 8, 5);
  ASSERT_EQ(a.entries().size(), b.entries().size());
  for (std::size_t i = 0; i < a.entries().size(); ++i)
    EXPECT_EQ(a.entries()[i].c, b.entries()[i].c);
  EXPECT_NE(a.entries().front().c.request.body, c.entries().front().c.request.body);
}

TEST(CaseJson, RoundTripsEveryStoredCase) {
  for (const auto& c : stored()) {
    auto back = case_from_json(to_json(c));
    ASSERT_TRUE(std::holds_alternative<test_case>(back))
        << c.id << ": " << std::get<std::string>(back);
    EXPECT_EQ(std::get<test_case>(back), c) << c.id;
  }
}

TEST(CaseJson, NamesTheBadField) {
  json j = to_json(stored().front());
  j["level"] = "OFTEN";
  auto r = case_from_json(j);
  ASSERT_TRUE(std::holds_alternative<std::string>(r));
  EXPECT_NE(std::get<std::string>(r).find("level"), std::string::npos);
  j = to_json(stored().front());
  j["request"]["transport"] = {{"mode", "carrier-pigeon"}};
  EXPECT_TRUE(std::holds_alternative<std::string>(case_from_json(j)));
  j = to_json(stored().front());
  j["id"] = "other-category.x";
  EXPECT_TRUE(std::holds_alternative<std::string>(case_from_json(j)));
  // Alternative data belongs to a 200 answer only.
  j = to_json(stored().front());
  j["expect"]["alternatives"] = {{{"status", {400}}, {"verdict", "PASS"}, {"data", {{"a", 1}}}}};
  r = case_from_json(j);
  ASSERT_TRUE(std::holds_alternative<std::string>(r));
  EXPECT_NE(std::get<std::string>(r).find("alternatives.data"), std::string::npos);
}

TEST(Corpus, AlternativeDataIsTheReferenceDataAltered) {
  const auto cases = stored();
  const auto it = std::find_if(cases.begin(), cases.end(),
                               [](const test_case& c) { return c.id == "files.filename-path"; });
  ASSERT_NE(it, cases.end());
  ASSERT_TRUE(it->expect.data);
  ASSERT_EQ(it->expect.alternatives.size(), 1u);
  const auto& alt = it->expect.alternatives.front();
  ASSERT_TRUE(alt.data);
  json expected = *it->expect.data;
  expected["single"]["filename"] = "passwd";
  EXPECT_EQ(*alt.data, expected);
  EXPECT_EQ((*it->expect.data)["single"]["filename"], "../../etc/passwd");
}

TEST(CaseJson, BinaryBodiesUseBase64) {
  test_case c = stored().front();
  c.request.body = std::string("\xff\x00\x01binary", 9);
  const json j = to_json(c);
  EXPECT_TRUE(j["request"].contains("body_base64"));
  EXPECT_EQ(std::get<test_case>(case_from_json(j)).request.body, c.request.body);
  EXPECT_EQ(base64_decode(base64_encode("ab")), "ab");
  EXPECT_EQ(base64_decode("not base64!"), std::nullopt);
  EXPECT_FALSE(is_utf8("\xc0\xaf"));      // overlong
  EXPECT_FALSE(is_utf8("\xed\xa0\x80"));  // surrogate
  EXPECT_TRUE(is_utf8("\xe2\x82\xac"));
}

TEST(CorpusStore, GlobsSelectIds) {
  EXPECT_TRUE(glob_match("map.*", "map.invalid-json-empty"));
  EXPECT_FALSE(glob_match("map.*", "object-paths.proto-root"));
  EXPECT_TRUE(glob_match("*proto*", "object-paths.proto-root"));
  EXPECT_TRUE(glob_match("a?c", "abc"));
  EXPECT_FALSE(glob_match("a?c", "abbc"));
  EXPECT_TRUE(glob_match("*", ""));
}

TEST(CorpusStore, RefusesDuplicateIds) {
  const auto dir = std::filesystem::temp_directory_path() / "upspec-corpus-dup";
  std::filesystem::remove_all(dir);
  write_corpus({stored().front()}, dir / "a");
  write_corpus({stored().front()}, dir / "b");
  auto r = load_corpus(dir);
  ASSERT_TRUE(std::holds_alternative<std::string>(r));
  EXPECT_NE(std::get<std::string>(r).find("used twice"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace upspec::corpus

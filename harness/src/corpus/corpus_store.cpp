#include "corpus/corpus_store.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "corpus/case_json.hpp"
#include "files/read_file.hpp"

namespace upspec::corpus {

void write_corpus(const std::vector<test_case>& cases, const std::filesystem::path& dir) {
  std::map<std::string, json> by_category;
  std::vector<std::string> order;
  for (const auto& c : cases) {
    auto [it, inserted] = by_category.try_emplace(c.category, json{{"cases", json::array()}});
    if (inserted) order.push_back(c.category);
    it->second["cases"].push_back(to_json(c));
  }
  std::filesystem::create_directories(dir);
  for (const auto& category : order) {
    std::ofstream out(dir / (category + ".json"), std::ios::binary);
    out << request::dump_json(by_category[category], 1) << "\n";
    if (!out) throw std::runtime_error("cannot write " + (dir / (category + ".json")).string());
  }
}

std::variant<std::vector<test_case>, std::string> load_corpus(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return "no corpus folder at " + dir.string();
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<test_case> cases;
  std::set<std::string> ids;
  for (const auto& file : files) {
    auto read = files::read_json<json>(file);
    if (auto* why = std::get_if<std::string>(&read)) return *why;
    const json& doc = std::get<json>(read);
    if (!doc.is_object() || !doc.contains("cases") || !doc["cases"].is_array())
      return file.string() + ": not a corpus file (expected {\"cases\": [...]})";
    for (const auto& j : doc["cases"]) {
      auto parsed = case_from_json(j);
      if (auto* why = std::get_if<std::string>(&parsed)) return file.string() + ": " + *why;
      auto& c = std::get<test_case>(parsed);
      if (!ids.insert(c.id).second) return file.string() + ": the id " + c.id + " is used twice";
      cases.push_back(std::move(c));
    }
  }
  if (cases.empty()) return "no cases in " + dir.string();
  return cases;
}

namespace {

// The corpus `cmake --install` put next to this binary, found from the binary's own path so that
// an installed prefix can be moved; empty when there is none (a binary in its build folder).
std::filesystem::path installed_corpus_dir() {
#ifdef UPSPEC_INSTALLED_CORPUS
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  auto dir = (self.parent_path() / UPSPEC_INSTALLED_CORPUS).lexically_normal();
  if (std::filesystem::is_directory(dir, ec)) return dir;
#endif
  return {};
}

}  // namespace

std::filesystem::path default_corpus_dir() {
  if (const char* env = std::getenv("UPSPEC_CORPUS"); env != nullptr && *env != '\0') return env;
  if (auto installed = installed_corpus_dir(); !installed.empty()) return installed;
  if (std::filesystem::is_directory("corpus/cases")) return "corpus/cases";
#ifdef UPSPEC_SOURCE_DIR
  return std::filesystem::path(UPSPEC_SOURCE_DIR) / "corpus" / "cases";
#else
  return "corpus/cases";
#endif
}

bool glob_match(std::string_view p, std::string_view t) {
  // Iterative matcher with one backtrack point: linear enough for ids.
  std::size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
  while (ti < t.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == t[ti])) {
      ++pi, ++ti;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = ti;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

}  // namespace upspec::corpus

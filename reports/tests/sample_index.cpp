#include "sample_index.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace upspec::reports::testing {

using nlohmann::json;

json sample_index() {
  std::ifstream in(std::string(UPSPEC_REPORTS_TEST_DATA) + "/sample-index.json");
  if (!in) throw std::runtime_error("cannot open sample-index.json");
  return json::parse(in);
}

json large_index(std::size_t cases, std::size_t targets, std::size_t bulk_bytes) {
  static const char* const kCategories[] = {"spec-examples", "field-order",   "operations",
                                            "map",           "object-paths",  "deduplication",
                                            "batching",      "missing-files", "multipart-syntax",
                                            "content-type",  "limits",        "transport",
                                            "upload-scalar", "csrf",          "large-files"};
  json index = {{"schema", "upspec-report/1"},
                {"tool", {{"name", "upspec"}, {"version", "0.1.0"}}},
                {"run",
                 {{"strict", false},
                  {"corpus", {{"cases", cases}, {"categories", 15}}},
                  {"volatile", {{"started_at", "2026-11-21T11:00:00Z"}, {"duration_ms", 60000}}}}},
                {"targets", json::array()},
                {"cases", json::array()},
                {"results", json::array()}};
  std::vector<json> totals(targets, json{{"PASS", 0},
                                         {"NON-STRICT", 0},
                                         {"FAIL", 0},
                                         {"INFO", 0},
                                         {"UNSUPPORTED", 0},
                                         {"ERROR", 0}});
  for (std::size_t c = 0; c < cases; ++c) {
    const std::string category = kCategories[(c * 15) / cases];
    index["cases"].push_back(
        {{"id", category + ".case-" + std::to_string(c)},
         {"title", "Synthetic case number " + std::to_string(c)},
         {"category", category},
         {"level", c % 7 == 0 ? "SHOULD" : "MUST"},
         {"rule", "A rule"},
         {"cite", "GraphQL multipart request spec"},
         {"request",
          {{"method", "POST"},
           {"transport", "content-length"},
           {"bytes", 300},
           {"preview", "POST /graphql HTTP/1.1\\r\\nContent-Type: multipart/form-data\\r\\n"}}},
         {"expected", {{"status", {200}}, {"code", nullptr}, {"summary", "200 single"}}}});
  }
  const std::string bulk(bulk_bytes / 2, 'x');
  for (std::size_t c = 0; c < cases; ++c) {
    for (std::size_t t = 0; t < targets; ++t) {
      const std::size_t h = (c * 31 + t * 17) % 100;
      const char* verdict = h < 5 ? "FAIL" : h < 7 ? "NON-STRICT" : h < 8 ? "ERROR" : "PASS";
      totals[t][verdict] = totals[t][verdict].get<int>() + 1;
      index["results"].push_back(
          {{"target", "target-" + std::to_string(t)},
           {"case", index["cases"][c]["id"]},
           {"verdict", verdict},
           {"findings", std::string(verdict) == "PASS" ? json::array() : json{"expected 200"}},
           {"actual",
            {{"status", 200},
             {"code", nullptr},
             {"summary", "200 single"},
             {"headers", {{"content-type", "application/json"}}},
             {"body", bulk}}},
           {"connection", "reused"},
           {"poisoned", false},
           {"wire", bulk},
           {"duration_ms", 2}});
    }
  }
  for (std::size_t t = 0; t < targets; ++t) {
    index["targets"].push_back({{"name", "target-" + std::to_string(t)},
                                {"implementation", "impl"},
                                {"version", "1.0"},
                                {"url", "http://127.0.0.1:{port}/graphql"},
                                {"unsupported", json::array()},
                                {"totals", totals[t]}});
  }
  return index;
}

namespace {

// Removes the test directories when the test program ends, unless UPSPEC_KEEP_TEST_FILES is set
// (to look at the pages a failing test wrote).
struct Scratch {
  std::mutex mutex;
  std::vector<std::filesystem::path> dirs;
  ~Scratch() {
    if (std::getenv("UPSPEC_KEEP_TEST_FILES")) return;
    std::error_code ec;
    for (const auto& dir : dirs) std::filesystem::remove_all(dir, ec);
  }
};

Scratch& scratch() {
  static Scratch instance;
  return instance;
}

}  // namespace

std::filesystem::path fresh_dir(std::string_view name) {
  static std::atomic<int> serial{0};
  const auto dir = std::filesystem::temp_directory_path() /
                   ("upspec-reports-" + std::string(name) + "-" + std::to_string(::getpid()) + "-" +
                    std::to_string(serial++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::lock_guard<std::mutex> lock(scratch().mutex);
  scratch().dirs.push_back(dir);
  return dir;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace upspec::reports::testing

#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "verdict.hpp"

namespace upspec::reports::detail {

// A typed, forgiving view of an index.json: every renderer reads this instead of the JSON, so
// a field of the wrong type or a missing one becomes an empty value, never an exception.

struct Target {
  std::string name, implementation, version, url, log, note;
  std::vector<std::string> unsupported;
};

struct Case {
  std::string id, title, category, level, rule, cite;
  std::string method, transport, preview;
  std::optional<std::int64_t> request_bytes;
  std::string expected_summary, expected_code;
  std::vector<std::int64_t> expected_status;
};

struct Result {
  std::string target, case_id;
  std::optional<Verdict> verdict;
  std::string verdict_text;  // as written, for a verdict this library does not know
  std::vector<std::string> findings;
  bool has_actual = false;  // an `actual` object, which may only summarise
  bool responded = false;   // it records a response: a status, headers or a body
  std::optional<std::int64_t> actual_status;
  std::string actual_code, actual_summary, actual_body;
  std::vector<std::pair<std::string, std::string>> actual_headers;
  std::string connection, wire;
  bool poisoned = false;
  std::optional<double> duration_ms;
};

struct Totals {
  std::array<std::size_t, kVerdicts.size()> count{};
  std::size_t unknown = 0;  // results whose verdict is not one of the six

  std::size_t of(Verdict v) const { return count[static_cast<std::size_t>(v)]; }
  std::size_t total() const;
};

struct Category {
  std::string name;
  std::vector<std::size_t> cases;  // indices into Report::cases, in corpus order
};

struct Report {
  std::string schema, tool_name, tool_version;
  bool strict = false;
  std::optional<std::int64_t> corpus_cases, corpus_categories;
  std::string started_at;
  std::optional<double> duration_ms;

  std::vector<Target> targets;
  std::vector<Case> cases;
  std::vector<Result> results;
  std::vector<Category> categories;  // in order of first appearance
  std::vector<Totals> totals;        // per target, counted from results

  // The result of case `c` on target `t`, or nullptr when the index has none.
  const Result* result(std::size_t c, std::size_t t) const;

  std::vector<std::size_t> grid_;  // c * targets.size() + t -> index into results, or npos
};

Report load_report(const nlohmann::json& index);

// Whether target `t` makes the run fail: a FAIL (a NON-STRICT under --strict), or a verdict
// this library does not know, which it will not pass.
bool target_fails(const Report& report, std::size_t t);

// "400 map.path_invalid", from the summary when there is one, else from status and code.
std::string expected_text(const Case& c);
std::string actual_text(const Result& r);

// A JSON member as text: strings as they are, numbers and booleans as JSON, anything else "".
std::string text_of(const nlohmann::json& object, const char* key);

}  // namespace upspec::reports::detail

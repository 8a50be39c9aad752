#include "model.hpp"

#include <limits>
#include <unordered_map>

namespace upspec::reports::detail {
namespace {

using nlohmann::json;

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const json& member_or_null(const json& object, const char* key) {
  static const json null_value;
  const json* v = member(object, key);
  return v ? *v : null_value;
}

std::optional<std::int64_t> integer_of(const json& object, const char* key) {
  const json* v = member(object, key);
  if (v && v->is_number_integer()) return v->get<std::int64_t>();
  if (v && v->is_number_unsigned()) {
    const auto u = v->get<std::uint64_t>();
    if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return static_cast<std::int64_t>(u);
    }
  }
  return std::nullopt;
}

std::optional<double> number_of(const json& object, const char* key) {
  const json* v = member(object, key);
  if (v && v->is_number()) return v->get<double>();
  return std::nullopt;
}

std::vector<std::string> strings_of(const json& object, const char* key) {
  std::vector<std::string> out;
  const json* v = member(object, key);
  if (!v || !v->is_array()) return out;
  for (const json& item : *v) {
    out.push_back(item.is_string() ? item.get<std::string>()
                                   : item.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  return out;
}

Target load_target(const json& j) {
  Target t;
  t.name = text_of(j, "name");
  t.implementation = text_of(j, "implementation");
  t.version = text_of(j, "version");
  t.url = text_of(j, "url");
  t.log = text_of(j, "log");
  t.note = text_of(j, "note");
  t.unsupported = strings_of(j, "unsupported");
  return t;
}

Case load_case(const json& j) {
  Case c;
  c.id = text_of(j, "id");
  c.title = text_of(j, "title");
  c.category = text_of(j, "category");
  c.level = text_of(j, "level");
  c.rule = text_of(j, "rule");
  c.cite = text_of(j, "cite");
  const json& request = member_or_null(j, "request");
  c.method = text_of(request, "method");
  c.transport = text_of(request, "transport");
  c.preview = text_of(request, "preview");
  c.request_bytes = integer_of(request, "bytes");
  const json& expected = member_or_null(j, "expected");
  c.expected_summary = text_of(expected, "summary");
  c.expected_code = text_of(expected, "code");
  const json& status = member_or_null(expected, "status");
  if (status.is_array()) {
    for (const json& s : status) {
      if (s.is_number_integer()) c.expected_status.push_back(s.get<std::int64_t>());
    }
  } else if (status.is_number_integer()) {
    c.expected_status.push_back(status.get<std::int64_t>());
  }
  return c;
}

Result load_result(const json& j) {
  Result r;
  r.target = text_of(j, "target");
  r.case_id = text_of(j, "case");
  r.verdict_text = text_of(j, "verdict");
  r.verdict = parse_verdict(r.verdict_text);
  r.findings = strings_of(j, "findings");
  const json& actual = member_or_null(j, "actual");
  if (actual.is_object()) {
    r.has_actual = true;
    r.actual_status = integer_of(actual, "status");
    r.actual_code = text_of(actual, "code");
    r.actual_summary = text_of(actual, "summary");
    r.actual_body = text_of(actual, "body");
    const json& headers = member_or_null(actual, "headers");
    if (headers.is_object()) {
      for (const auto& [key, value] : headers.items()) {
        r.actual_headers.emplace_back(
            key, value.is_string() ? value.get<std::string>()
                                   : value.dump(-1, ' ', false, json::error_handler_t::replace));
      }
    }
  }
  r.responded = r.actual_status || !r.actual_headers.empty() || !r.actual_body.empty();
  r.connection = text_of(j, "connection");
  r.wire = text_of(j, "wire");
  const json* poisoned = member(j, "poisoned");
  r.poisoned = poisoned && poisoned->is_boolean() && poisoned->get<bool>();
  r.duration_ms = number_of(j, "duration_ms");
  return r;
}

template <typename T>
std::vector<T> load_array(const json& index, const char* key, T (*load)(const json&)) {
  std::vector<T> out;
  const json* array = member(index, key);
  if (!array || !array->is_array()) return out;
  out.reserve(array->size());
  for (const json& item : *array) out.push_back(load(item));
  return out;
}

void build_index(Report& report) {
  std::unordered_map<std::string, std::size_t> case_at, target_at;
  for (std::size_t c = 0; c < report.cases.size(); ++c) case_at.emplace(report.cases[c].id, c);
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    target_at.emplace(report.targets[t].name, t);
  }

  report.grid_.assign(report.cases.size() * report.targets.size(), kNone);
  report.totals.assign(report.targets.size(), Totals{});
  for (std::size_t i = 0; i < report.results.size(); ++i) {
    const Result& r = report.results[i];
    const auto c = case_at.find(r.case_id);
    const auto t = target_at.find(r.target);
    if (c == case_at.end() || t == target_at.end()) continue;
    std::size_t& slot = report.grid_[c->second * report.targets.size() + t->second];
    if (slot != kNone) continue;  // a duplicate: validate_index reports it, the first one counts
    slot = i;
    Totals& totals = report.totals[t->second];
    if (r.verdict) {
      ++totals.count[static_cast<std::size_t>(*r.verdict)];
    } else {
      ++totals.unknown;
    }
  }

  std::unordered_map<std::string, std::size_t> category_at;
  for (std::size_t c = 0; c < report.cases.size(); ++c) {
    const std::string& name = report.cases[c].category;
    auto [it, inserted] = category_at.emplace(name, report.categories.size());
    if (inserted) report.categories.push_back(Category{name, {}});
    report.categories[it->second].cases.push_back(c);
  }
}

std::string status_and_code(const std::vector<std::int64_t>& status, const std::string& code) {
  std::string out;
  for (std::size_t i = 0; i < status.size(); ++i) {
    if (i > 0) out += " | ";
    out += std::to_string(status[i]);
  }
  if (!code.empty()) {
    if (!out.empty()) out += ' ';
    out += code;
  }
  return out;
}

}  // namespace

std::size_t Totals::total() const {
  std::size_t sum = unknown;
  for (std::size_t n : count) sum += n;
  return sum;
}

const Result* Report::result(std::size_t c, std::size_t t) const {
  const std::size_t i = grid_[c * targets.size() + t];
  return i == kNone ? nullptr : &results[i];
}

std::string text_of(const json& object, const char* key) {
  const json* v = member(object, key);
  if (!v || v->is_null() || v->is_object() || v->is_array()) return {};
  if (v->is_string()) return v->get<std::string>();
  return v->dump();
}

Report load_report(const json& index) {
  Report report;
  report.schema = text_of(index, "schema");
  const json& tool = member_or_null(index, "tool");
  report.tool_name = text_of(tool, "name");
  report.tool_version = text_of(tool, "version");
  const json& run = member_or_null(index, "run");
  const json* strict = member(run, "strict");
  report.strict = strict && strict->is_boolean() && strict->get<bool>();
  const json& corpus = member_or_null(run, "corpus");
  report.corpus_cases = integer_of(corpus, "cases");
  report.corpus_categories = integer_of(corpus, "categories");
  const json& volatile_part = member_or_null(run, "volatile");
  report.started_at = text_of(volatile_part, "started_at");
  report.duration_ms = number_of(volatile_part, "duration_ms");

  report.targets = load_array<Target>(index, "targets", load_target);
  report.cases = load_array<Case>(index, "cases", load_case);
  report.results = load_array<Result>(index, "results", load_result);
  build_index(report);
  return report;
}

bool target_fails(const Report& report, std::size_t t) {
  for (Verdict v : kVerdicts) {
    if (fails_run(v, report.strict) && report.totals[t].of(v) > 0) return true;
  }
  return report.totals[t].unknown > 0;
}

std::string expected_text(const Case& c) {
  if (!c.expected_summary.empty()) return c.expected_summary;
  return status_and_code(c.expected_status, c.expected_code);
}

std::string actual_text(const Result& r) {
  if (!r.has_actual) return "no response";
  if (!r.actual_summary.empty()) return r.actual_summary;
  std::vector<std::int64_t> status;
  if (r.actual_status) status.push_back(*r.actual_status);
  return status_and_code(status, r.actual_code);
}

}  // namespace upspec::reports::detail

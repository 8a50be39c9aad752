#include "upspec/reports/validate.hpp"

#include <array>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text.hpp"
#include "verdict.hpp"

namespace upspec::reports {
namespace {

using nlohmann::json;

// Enough to fix a runner, short enough to read; the rest are counted.
constexpr std::size_t kMaxProblems = 20;

enum class Kind { string, boolean, integer, number, object, array, object_or_null };

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::string:
      return "a string";
    case Kind::boolean:
      return "a boolean";
    case Kind::integer:
      return "a non-negative integer";
    case Kind::number:
      return "a non-negative number";
    case Kind::object:
      return "an object";
    case Kind::array:
      return "an array";
    case Kind::object_or_null:
      return "an object or null";
  }
  return "?";
}

bool is_kind(const json& v, Kind k) {
  switch (k) {
    case Kind::string:
      return v.is_string();
    case Kind::boolean:
      return v.is_boolean();
    case Kind::integer:
      return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
    case Kind::number:
      return v.is_number() && v.get<double>() >= 0;
    case Kind::object:
      return v.is_object();
    case Kind::array:
      return v.is_array();
    case Kind::object_or_null:
      return v.is_object() || v.is_null();
  }
  return false;
}

// An HTTP status, or 0: the corpus expects no answer from a server whose client went away.
bool is_status(const json& v) {
  if (!v.is_number_integer()) return false;
  const auto n = v.get<std::int64_t>();
  return n == 0 || (n >= 100 && n <= 599);
}

std::string quoted(const json& v) {
  std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 60) text = std::string(detail::utf8_prefix(text, 60)) + "...";
  return detail::escaped(text, detail::Markup::line);
}

class Checker {
 public:
  void problem(const std::string& path, const std::string& message) {
    if (problems_.size() < kMaxProblems) problems_.push_back(path + ": " + message);
    ++count_;
  }

  // The member `key` of `object` when present and of `kind`; otherwise reports it, nullptr.
  const json* field(const json& object, const std::string& path, const char* key, Kind kind,
                    bool required = true) {
    const auto it = object.find(key);
    const std::string where = path.empty() ? key : path + "." + key;
    if (it == object.end()) {
      if (required) problem(where, std::string("missing; expected ") + kind_name(kind));
      return nullptr;
    }
    if (!is_kind(*it, kind)) {
      problem(where, std::string("expected ") + kind_name(kind) + ", got " + quoted(*it));
      return nullptr;
    }
    return &*it;
  }

  void strings(const json& object, const std::string& path,
               std::initializer_list<const char*> keys) {
    for (const char* k : keys) field(object, path, k, Kind::string);
  }

  void string_array(const json& object, const std::string& path, const char* key, bool required) {
    const json* array = field(object, path, key, Kind::array, required);
    if (!array) return;
    for (std::size_t i = 0; i < array->size(); ++i) {
      if (!(*array)[i].is_string()) {
        problem(path + "." + key + "[" + std::to_string(i) + "]",
                "expected a string, got " + quoted((*array)[i]));
      }
    }
  }

  std::optional<std::string> verdict() const {
    if (count_ == 0) return std::nullopt;
    std::string out = "index.json is not a valid " + std::string(kSchema) + " document (" +
                      std::to_string(count_) + (count_ == 1 ? " problem" : " problems") + "):";
    for (const std::string& p : problems_) out += "\n  - " + p;
    if (count_ > problems_.size()) {
      out += "\n  - ... and " + std::to_string(count_ - problems_.size()) + " more";
    }
    return out;
  }

 private:
  std::vector<std::string> problems_;
  std::size_t count_ = 0;
};

std::string at(const char* array, std::size_t i) {
  return std::string(array) + "[" + std::to_string(i) + "]";
}

void check_run(Checker& check, const json& index) {
  if (const json* tool = check.field(index, "", "tool", Kind::object)) {
    check.strings(*tool, "tool", {"name", "version"});
  }
  if (const json* run = check.field(index, "", "run", Kind::object)) {
    check.field(*run, "run", "strict", Kind::boolean);
    if (const json* corpus = check.field(*run, "run", "corpus", Kind::object, false)) {
      check.field(*corpus, "run.corpus", "cases", Kind::integer, false);
      check.field(*corpus, "run.corpus", "categories", Kind::integer, false);
    }
    check.field(*run, "run", "volatile", Kind::object, false);
  }
}

using Names = std::unordered_map<std::string, std::size_t>;

Names check_targets(Checker& check, const json& targets) {
  Names names;
  if (targets.empty()) check.problem("targets", "empty; a run has at least one target");
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const json& t = targets[i];
    const std::string path = at("targets", i);
    if (!t.is_object()) {
      check.problem(path, "expected an object, got " + quoted(t));
      continue;
    }
    if (const json* name = check.field(t, path, "name", Kind::string)) {
      const std::string& n = name->get_ref<const std::string&>();
      if (n.empty()) check.problem(path + ".name", "empty");
      if (!names.emplace(n, i).second) check.problem(path + ".name", "duplicate " + quoted(*name));
    }
    check.strings(t, path, {"implementation", "version", "url"});
    check.field(t, path, "log", Kind::string, false);
    check.field(t, path, "language", Kind::string, false);
    check.field(t, path, "note", Kind::string, false);
    check.string_array(t, path, "unsupported", false);
    check.field(t, path, "totals", Kind::object);
  }
  return names;
}

Names check_cases(Checker& check, const json& cases) {
  Names ids;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const json& c = cases[i];
    const std::string path = at("cases", i);
    if (!c.is_object()) {
      check.problem(path, "expected an object, got " + quoted(c));
      continue;
    }
    if (const json* id = check.field(c, path, "id", Kind::string)) {
      if (!ids.emplace(id->get<std::string>(), i).second) {
        check.problem(path + ".id", "duplicate " + quoted(*id));
      }
    }
    check.strings(c, path, {"title", "category", "rule", "cite"});
    if (const json* level = check.field(c, path, "level", Kind::string)) {
      const std::string& l = level->get_ref<const std::string&>();
      if (l != "MUST" && l != "SHOULD" && l != "MAY") {
        check.problem(path + ".level", "expected MUST, SHOULD or MAY, got " + quoted(*level));
      }
    }
    if (const json* request = check.field(c, path, "request", Kind::object)) {
      check.strings(*request, path + ".request", {"method", "transport", "preview"});
      check.field(*request, path + ".request", "bytes", Kind::integer);
    }
    if (const json* expected = check.field(c, path, "expected", Kind::object)) {
      const std::string where = path + ".expected";
      if (const json* status = check.field(*expected, where, "status", Kind::array)) {
        if (status->empty()) check.problem(where + ".status", "empty");
        for (const json& s : *status) {
          if (!is_status(s)) {
            check.problem(where + ".status",
                          "expected HTTP status codes (or 0: no answer), got " + quoted(s));
          }
        }
      }
      check.field(*expected, where, "summary", Kind::string);
      const auto code = expected->find("code");
      if (code != expected->end() && !code->is_string() && !code->is_null()) {
        check.problem(where + ".code", "expected a string or null, got " + quoted(*code));
      }
    }
  }
  return ids;
}

void check_actual(Checker& check, const json& actual, const std::string& path) {
  const auto status = actual.find("status");
  if (status != actual.end() && !status->is_null() && !is_status(*status)) {
    check.problem(path + ".status", "expected an HTTP status code or null, got " + quoted(*status));
  }
  const auto code = actual.find("code");
  if (code != actual.end() && !code->is_string() && !code->is_null()) {
    check.problem(path + ".code", "expected a string or null, got " + quoted(*code));
  }
  check.field(actual, path, "summary", Kind::string);
  check.field(actual, path, "body", Kind::string, false);
  if (const json* headers = check.field(actual, path, "headers", Kind::object, false)) {
    for (const auto& [key, value] : headers->items()) {
      if (!value.is_string()) {
        check.problem(path + ".headers." + detail::escaped(key, detail::Markup::line),
                      "expected a string, got " + quoted(value));
      }
    }
  }
}

using Counts = std::vector<std::array<std::size_t, detail::kVerdicts.size()>>;

// Counts verdicts per target position (a name maps to the first target of that name).
Counts check_results(Checker& check, const json& results, const Names& targets, const Names& cases,
                     std::size_t target_count) {
  Counts counts(target_count);
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const json& r = results[i];
    const std::string path = at("results", i);
    if (!r.is_object()) {
      check.problem(path, "expected an object, got " + quoted(r));
      continue;
    }
    const json* target = check.field(r, path, "target", Kind::string);
    const json* kase = check.field(r, path, "case", Kind::string);
    const auto t = target ? targets.find(target->get<std::string>()) : targets.end();
    const auto c = kase ? cases.find(kase->get<std::string>()) : cases.end();
    if (target && t == targets.end()) {
      check.problem(path + ".target", "no target named " + quoted(*target));
    }
    if (kase && c == cases.end()) check.problem(path + ".case", "no case with id " + quoted(*kase));
    const bool known = t != targets.end() && c != cases.end();
    const bool duplicate = known && !seen.emplace(t->second, c->second).second;
    if (duplicate) {
      check.problem(path,
                    "a second result for case " + quoted(*kase) + " on target " + quoted(*target));
    }
    if (const json* verdict = check.field(r, path, "verdict", Kind::string)) {
      const auto v = detail::parse_verdict(verdict->get_ref<const std::string&>());
      if (!v) {
        check.problem(
            path + ".verdict",
            "expected PASS, NON-STRICT, FAIL, INFO, UNSUPPORTED or ERROR, got " + quoted(*verdict));
      } else if (t != targets.end() && !duplicate) {
        ++counts[t->second][static_cast<std::size_t>(*v)];
      }
    }
    check.string_array(r, path, "findings", true);
    if (const json* actual = check.field(r, path, "actual", Kind::object_or_null)) {
      if (actual->is_object()) check_actual(check, *actual, path + ".actual");
    }
    if (const json* connection = check.field(r, path, "connection", Kind::string)) {
      const std::string& s = connection->get_ref<const std::string&>();
      // "" when no connection was made: connection refused, or a case not sent (UNSUPPORTED).
      if (s != "reused" && s != "closed" && s != "broken" && !s.empty()) {
        check.problem(path + ".connection",
                      "expected reused, closed, broken or \"\", got " + quoted(*connection));
      }
    }
    check.field(r, path, "poisoned", Kind::boolean);
    check.field(r, path, "wire", Kind::string);
    check.field(r, path, "duration_ms", Kind::number, false);
  }
  return counts;
}

// A target's totals must be what its results add up to: the reports count from the results,
// and a runner that disagrees has a bug worth hearing about.
void check_totals(Checker& check, const json& targets, const Names& names, const Counts& counts) {
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const json& t = targets[i];
    if (!t.is_object() || !t.contains("totals") || !t["totals"].is_object()) continue;
    if (!t.contains("name") || !t["name"].is_string()) continue;
    const auto n = names.find(t["name"].get<std::string>());
    if (n == names.end() || n->second != i) continue;
    const std::string path = at("targets", i) + ".totals";
    const json& totals = t["totals"];
    for (const auto& [key, value] : totals.items()) {
      const auto v = detail::parse_verdict(key);
      if (!v) {
        check.problem(path, "unknown verdict " + quoted(json(key)));
      } else if (!is_kind(value, Kind::integer)) {
        check.problem(path + "." + key, "expected a non-negative integer, got " + quoted(value));
      }
    }
    for (detail::Verdict v : detail::kVerdicts) {
      const std::string name(detail::name(v));
      const auto it = totals.find(name);
      const std::size_t stated =
          it != totals.end() && is_kind(*it, Kind::integer) ? it->get<std::size_t>() : 0;
      const std::size_t counted = counts[i][static_cast<std::size_t>(v)];
      if (stated != counted) {
        check.problem(path + "." + name, "says " + std::to_string(stated) + " but results hold " +
                                             std::to_string(counted));
      }
    }
  }
}

}  // namespace

std::optional<std::string> validate_index(const json& index) {
  if (!index.is_object()) {
    return "index.json is not a JSON object, so not an " + std::string(kSchema) + " report";
  }
  const auto schema = index.find("schema");
  if (schema == index.end() || !schema->is_string()) {
    return "index.json has no \"schema\" string: not an upspec report (expected \"" +
           std::string(kSchema) + "\")";
  }
  if (schema->get_ref<const std::string&>() != kSchema) {
    return "index.json has schema " + quoted(*schema) + "; this upspec reads \"" +
           std::string(kSchema) + "\" only";
  }

  Checker check;
  check_run(check, index);
  const json* targets = check.field(index, "", "targets", Kind::array);
  const json* cases = check.field(index, "", "cases", Kind::array);
  const json* results = check.field(index, "", "results", Kind::array);
  const Names target_names = targets ? check_targets(check, *targets) : Names{};
  const Names case_ids = cases ? check_cases(check, *cases) : Names{};
  if (results) {
    const Counts counts =
        check_results(check, *results, target_names, case_ids, targets ? targets->size() : 0);
    if (targets) check_totals(check, *targets, target_names, counts);
  }
  return check.verdict();
}

}  // namespace upspec::reports

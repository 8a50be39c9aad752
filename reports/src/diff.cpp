#include "upspec/reports/diff.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model.hpp"

namespace upspec::reports {
namespace {

using nlohmann::json;

// The parts of an index that may differ between two runs of the same corpus on the same server.
json without_volatile(json index) {
  if (index.is_object() && index.contains("run") && index["run"].is_object()) {
    index["run"].erase("volatile");
  }
  if (index.is_object() && index.contains("results") && index["results"].is_array()) {
    for (json& r : index["results"]) {
      if (r.is_object()) r.erase("duration_ms");
    }
  }
  return index;
}

const json& array_of(const json& index, const char* key) {
  static const json empty = json::array();
  if (!index.is_object()) return empty;
  const auto it = index.find(key);
  return it != index.end() && it->is_array() ? *it : empty;
}

std::string string_of(const json& object, const char* key) {
  return detail::text_of(object, key);
}

struct Side {
  detail::Report report;
  std::map<std::string, const json*> cases;                            // by id
  std::map<std::string, std::size_t> targets;                          // by name
  std::map<std::pair<std::string, std::string>, const json*> results;  // by (case, target)
};

Side index_side(const json& index) {
  Side side{detail::load_report(index), {}, {}, {}};
  for (const json& c : array_of(index, "cases")) side.cases.emplace(string_of(c, "id"), &c);
  for (std::size_t t = 0; t < side.report.targets.size(); ++t) {
    side.targets.emplace(side.report.targets[t].name, t);
  }
  for (const json& r : array_of(index, "results")) {
    side.results.emplace(std::make_pair(string_of(r, "case"), string_of(r, "target")), &r);
  }
  return side;
}

json verdict_of(const Side& side, const std::string& case_id, const std::string& target) {
  const auto it = side.results.find({case_id, target});
  if (it == side.results.end()) return nullptr;
  return string_of(*it->second, "verdict");
}

json verdicts_of(const Side& side, const std::string& case_id) {
  json out = json::object();
  for (const detail::Target& t : side.report.targets)
    out[t.name] = verdict_of(side, case_id, t.name);
  return out;
}

// Names of the members that differ between two objects, durations aside.
json changed_fields(const json& a, const json& b) {
  json out = json::array();
  if (!a.is_object() || !b.is_object()) return out;
  std::map<std::string, bool> keys;
  for (const auto& [k, v] : a.items()) keys[k] = true;
  for (const auto& [k, v] : b.items()) keys[k] = true;
  for (const auto& [k, unused] : keys) {
    if (k == "duration_ms") continue;
    const auto ia = a.find(k);
    const auto ib = b.find(k);
    if (ia == a.end() || ib == b.end() || *ia != *ib) out.push_back(k);
  }
  return out;
}

std::string change_kind(const json& old_verdict, const json& new_verdict) {
  const auto o = old_verdict.is_string()
                     ? detail::parse_verdict(old_verdict.get_ref<const std::string&>())
                     : std::nullopt;
  const auto n = new_verdict.is_string()
                     ? detail::parse_verdict(new_verdict.get_ref<const std::string&>())
                     : std::nullopt;
  if (!o || !n) return "change";
  const int so = detail::severity(*o);
  const int sn = detail::severity(*n);
  return sn > so ? "regression" : sn < so ? "improvement" : "change";
}

json totals_json(const detail::Totals& totals) {
  json out = json::object();
  for (detail::Verdict v : detail::kVerdicts) out[std::string(detail::name(v))] = totals.of(v);
  return out;
}

json case_entry(const Side& side, const json& c) {
  const std::string id = string_of(c, "id");
  return {{"id", id},
          {"title", string_of(c, "title")},
          {"category", string_of(c, "category")},
          {"verdicts", verdicts_of(side, id)}};
}

}  // namespace

json diff_reports(const json& old_index, const json& new_index) {
  const Side before = index_side(old_index);
  const Side after = index_side(new_index);

  json diff = {{"schema", kDiffSchema},
               {"identical", without_volatile(old_index) == without_volatile(new_index)}};

  json run = json::object();
  if (before.report.tool_version != after.report.tool_version) {
    run["tool_version"] = {{"old", before.report.tool_version}, {"new", after.report.tool_version}};
  }
  if (before.report.strict != after.report.strict) {
    run["strict"] = {{"old", before.report.strict}, {"new", after.report.strict}};
  }
  diff["run"] = run;

  json targets_added = json::array(), targets_removed = json::array();
  for (const detail::Target& t : after.report.targets) {
    if (!before.targets.count(t.name)) targets_added.push_back(t.name);
  }
  for (const detail::Target& t : before.report.targets) {
    if (!after.targets.count(t.name)) targets_removed.push_back(t.name);
  }
  diff["targets"] = {{"added", targets_added}, {"removed", targets_removed}};

  json cases_added = json::array(), cases_removed = json::array(), definitions = json::array();
  json verdicts = json::array(), details = json::array();
  std::size_t regressions = 0, improvements = 0, changes = 0;
  for (const json& c : array_of(new_index, "cases")) {
    const std::string id = string_of(c, "id");
    const auto old_case = before.cases.find(id);
    if (old_case == before.cases.end()) {
      cases_added.push_back(case_entry(after, c));
      continue;
    }
    const json fields = changed_fields(*old_case->second, c);
    if (!fields.empty()) definitions.push_back({{"case", id}, {"fields", fields}});
    for (const detail::Target& t : after.report.targets) {
      if (!before.targets.count(t.name)) continue;
      const json old_verdict = verdict_of(before, id, t.name);
      const json new_verdict = verdict_of(after, id, t.name);
      const auto old_result = before.results.find({id, t.name});
      const auto new_result = after.results.find({id, t.name});
      if (old_verdict != new_verdict) {
        const std::string kind = change_kind(old_verdict, new_verdict);
        ++(kind == "regression" ? regressions : kind == "improvement" ? improvements : changes);
        json findings = json::array();
        if (new_result != after.results.end() && new_result->second->contains("findings")) {
          findings = (*new_result->second)["findings"];
        }
        verdicts.push_back({{"case", id},
                            {"title", string_of(c, "title")},
                            {"target", t.name},
                            {"old", old_verdict},
                            {"new", new_verdict},
                            {"change", kind},
                            {"findings", findings}});
      } else if (old_result != before.results.end() && new_result != after.results.end()) {
        const json result_fields = changed_fields(*old_result->second, *new_result->second);
        if (!result_fields.empty()) {
          details.push_back({{"case", id}, {"target", t.name}, {"fields", result_fields}});
        }
      }
    }
  }
  for (const json& c : array_of(old_index, "cases")) {
    if (!after.cases.count(string_of(c, "id"))) cases_removed.push_back(case_entry(before, c));
  }
  diff["cases"] = {{"added", cases_added}, {"removed", cases_removed}, {"changed", definitions}};
  diff["verdicts"] = verdicts;
  diff["details"] = details;

  json totals = json::array();
  for (std::size_t t = 0; t < after.report.targets.size(); ++t) {
    const std::string& name = after.report.targets[t].name;
    const auto old_t = before.targets.find(name);
    totals.push_back(
        {{"target", name},
         {"old", old_t == before.targets.end() ? json(nullptr)
                                               : totals_json(before.report.totals[old_t->second])},
         {"new", totals_json(after.report.totals[t])}});
  }
  for (std::size_t t = 0; t < before.report.targets.size(); ++t) {
    const std::string& name = before.report.targets[t].name;
    if (after.targets.count(name)) continue;
    totals.push_back(
        {{"target", name}, {"old", totals_json(before.report.totals[t])}, {"new", nullptr}});
  }
  diff["totals"] = totals;
  diff["summary"] = {{"regressions", regressions},
                     {"improvements", improvements},
                     {"other_verdict_changes", changes},
                     {"cases_added", cases_added.size()},
                     {"cases_removed", cases_removed.size()},
                     {"details_changed", details.size()}};
  return diff;
}

}  // namespace upspec::reports

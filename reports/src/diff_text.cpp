#include <string>

#include "text.hpp"
#include "upspec/reports/diff.hpp"
#include "verdict.hpp"

namespace upspec::reports {
namespace {

using nlohmann::json;

const json& member(const json& object, const char* key) {
  static const json null_value;
  if (!object.is_object()) return null_value;
  const auto it = object.find(key);
  return it == object.end() ? null_value : *it;
}

// Everything printed comes from index files, so from servers: one line, no control bytes.
std::string clean(const json& v) {
  if (v.is_null()) return "-";
  const std::string text =
      v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, json::error_handler_t::replace);
  return detail::escaped(detail::utf8_prefix(text, 300), detail::Markup::line);
}

std::size_t count_of(const json& summary, const char* key) {
  const json& v = member(summary, key);
  return v.is_number_unsigned() ? v.get<std::size_t>() : 0;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string joined(const json& array) {
  std::string out;
  if (!array.is_array()) return out;
  for (const json& item : array) out += (out.empty() ? "" : ", ") + clean(item);
  return out;
}

std::string verdict_list(const json& verdicts) {
  std::string out;
  if (!verdicts.is_object()) return out;
  for (const auto& [target, verdict] : verdicts.items()) {
    out += (out.empty() ? "" : ", ") + clean(json(target)) + ": " + clean(verdict);
  }
  return out;
}

void append_cases(std::string& out, const json& list, const char* heading, char mark) {
  if (!list.is_array() || list.empty()) return;
  out += "\n" + std::string(heading) + " (" + std::to_string(list.size()) + "):\n";
  for (const json& c : list) {
    out += "  ";
    out += mark;
    out += " " + clean(member(c, "id")) + "  " + clean(member(c, "title"));
    const std::string verdicts = verdict_list(member(c, "verdicts"));
    if (!verdicts.empty()) out += "  [" + verdicts + "]";
    out += "\n";
  }
}

std::string totals_line(const json& entry) {
  const json& before = member(entry, "old");
  const json& after = member(entry, "new");
  std::string out = "  " + clean(member(entry, "target")) + ":";
  if (before.is_null()) out += " (new target)";
  if (after.is_null()) out += " (removed target)";
  bool first = true;
  for (detail::Verdict v : detail::kVerdicts) {
    const char* name = detail::name(v).data();
    const json& o = member(before, name);
    const json& n = member(after, name);
    out += first ? " " : ", ";
    first = false;
    out += name;
    out += " ";
    if (o == n) {
      out += clean(n);
    } else {
      out += clean(o) + " -> " + clean(n);
    }
  }
  return out + "\n";
}

}  // namespace

std::string render_diff(const json& diff) {
  const json& summary = member(diff, "summary");
  std::string out =
      "upspec report diff: " +
      plural(count_of(summary, "regressions"), "regression", "regressions") + ", " +
      plural(count_of(summary, "improvements"), "improvement", "improvements") + ", " +
      plural(count_of(summary, "other_verdict_changes"), "other verdict change",
             "other verdict changes") +
      ", " + plural(count_of(summary, "cases_added"), "case added", "cases added") + ", " +
      plural(count_of(summary, "cases_removed"), "case removed", "cases removed") + "\n";
  if (member(diff, "identical") == true) {
    return out + "The runs are identical (run.volatile and durations aside).\n";
  }

  const json& run = member(diff, "run");
  if (run.is_object()) {
    for (const auto& [key, change] : run.items()) {
      out += clean(json(key)) + ": " + clean(member(change, "old")) + " -> " +
             clean(member(change, "new")) + "\n";
    }
  }
  const json& targets = member(diff, "targets");
  const std::string added = joined(member(targets, "added"));
  const std::string removed = joined(member(targets, "removed"));
  if (!added.empty()) out += "targets added: " + added + "\n";
  if (!removed.empty()) out += "targets removed: " + removed + "\n";

  const json& verdicts = member(diff, "verdicts");
  if (verdicts.is_array() && !verdicts.empty()) {
    out += "\nverdict changes (" + std::to_string(verdicts.size()) + "):\n";
    for (const json& v : verdicts) {
      out += "  " + clean(member(v, "target")) + "  " + clean(member(v, "case")) + "  " +
             clean(member(v, "old")) + " -> " + clean(member(v, "new")) + "  (" +
             clean(member(v, "change")) + ")\n";
      const json& findings = member(v, "findings");
      if (findings.is_array() && !findings.empty()) {
        out += "      " + clean(findings.front()) + "\n";
      }
    }
  }

  const json& cases = member(diff, "cases");
  append_cases(out, member(cases, "added"), "cases added", '+');
  append_cases(out, member(cases, "removed"), "cases removed", '-');
  const json& changed = member(cases, "changed");
  if (changed.is_array() && !changed.empty()) {
    out += "\ncase definitions changed (" + std::to_string(changed.size()) + "):\n";
    for (const json& c : changed) {
      out += "  " + clean(member(c, "case")) + " (" + joined(member(c, "fields")) + ")\n";
    }
  }
  const json& details = member(diff, "details");
  if (details.is_array() && !details.empty()) {
    out += "\nsame verdict, other changes (" + std::to_string(details.size()) + "):\n";
    for (const json& d : details) {
      out += "  " + clean(member(d, "target")) + "  " + clean(member(d, "case")) + " (" +
             joined(member(d, "fields")) + ")\n";
    }
  }

  const json& totals = member(diff, "totals");
  if (totals.is_array() && !totals.empty()) {
    out += "\ntotals:\n";
    for (const json& entry : totals) out += totals_line(entry);
  }
  return out;
}

}  // namespace upspec::reports

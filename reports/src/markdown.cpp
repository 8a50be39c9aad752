#include <string>
#include <vector>

#include "model.hpp"
#include "text.hpp"
#include "upspec/reports/render.hpp"

namespace upspec::reports {
namespace {

using detail::Markup;
using detail::Report;
using detail::Verdict;

// GitHub refuses a job summary over 1 MiB; the problem lists give way first.
constexpr std::size_t kSizeLimit = 1000 * 1024;
constexpr std::size_t kRowsPerTarget = 200;
constexpr std::size_t kCellMax = 240;

std::string cell(std::string_view s, std::size_t max = kCellMax) {
  if (s.empty()) return "-";
  const std::string_view kept = detail::utf8_prefix(s, max);
  std::string out = detail::escaped(kept, Markup::markdown);
  if (kept.size() < s.size()) out += "…";
  return out;
}

std::string status_word(const Report& report, std::size_t t) {
  if (detail::target_fails(report, t)) return "**failing**";
  if (report.totals[t].of(Verdict::error) > 0) return "incomplete (errors)";
  return "passing";
}

std::string headline(const Report& report) {
  std::size_t failing = 0, errors = 0;
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    if (detail::target_fails(report, t)) ++failing;
    errors += report.totals[t].of(Verdict::error);
  }
  std::string out = "# upspec conformance report\n\n";
  if (failing > 0) {
    out += "**Result: failing** on " + std::to_string(failing) + " of " +
           std::to_string(report.targets.size()) + " target(s).";
  } else if (errors > 0) {
    out += "**Result: incomplete**: " + std::to_string(errors) + " case(s) could not be run.";
  } else {
    out += "**Result: passing** on all " + std::to_string(report.targets.size()) + " target(s).";
  }
  out += "\n\n" + cell(report.tool_name.empty() ? "upspec" : report.tool_name) + " " +
         cell(report.tool_version) + " · strict: " + (report.strict ? "yes" : "no") + " · " +
         std::to_string(report.cases.size()) + " cases in " +
         std::to_string(report.categories.size()) + " categories";
  if (!report.started_at.empty()) out += " · started " + cell(report.started_at);
  out += "\n\n";
  return out;
}

std::string totals_table(const Report& report) {
  std::string out = "## Totals\n\n| target | implementation |";
  for (Verdict v : detail::kVerdicts) out += " " + std::string(detail::name(v)) + " |";
  out += " result |\n|---|---|";
  for (std::size_t i = 0; i < detail::kVerdicts.size(); ++i) out += "--:|";
  out += "---|\n";
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    const detail::Target& target = report.targets[t];
    out += "| " + cell(target.name) + " | " + cell(target.implementation + " " + target.version) +
           " |";
    for (Verdict v : detail::kVerdicts) out += " " + std::to_string(report.totals[t].of(v)) + " |";
    out += " " + status_word(report, t) + " |\n";
  }
  return out + "\n";
}

bool worth_listing(const detail::Result* r) {
  return r && (!r->verdict || *r->verdict == Verdict::fail || *r->verdict == Verdict::error ||
               *r->verdict == Verdict::non_strict);
}

int listing_order(const detail::Result& r) {
  if (!r.verdict || *r.verdict == Verdict::fail) return 0;
  return *r.verdict == Verdict::error ? 1 : 2;
}

std::string problem_row(const detail::Case& c, const detail::Result& r) {
  std::string verdict = "**" + cell(r.verdict_text) + "**";
  if (r.poisoned) verdict += " (poisons the server)";
  return "| " + verdict + " | " + cell(c.id) + " | " + cell(c.level) + " | " + cell(c.title, 120) +
         " | " + cell(detail::expected_text(c), 80) + " | " + cell(detail::actual_text(r), 80) +
         " | " +
         cell(r.findings.empty() ? std::string_view{} : std::string_view{r.findings.front()}) +
         " |\n";
}

// The FAIL, ERROR and NON-STRICT results of one target, worst first, within `budget` bytes.
std::string problems_of(const Report& report, std::size_t t, std::size_t budget) {
  std::size_t total = 0;
  std::string rows;
  std::size_t shown = 0;
  for (int order = 0; order < 3; ++order) {
    for (std::size_t c = 0; c < report.cases.size(); ++c) {
      const detail::Result* r = report.result(c, t);
      if (!worth_listing(r) || listing_order(*r) != order) continue;
      ++total;
      if (shown >= kRowsPerTarget) continue;
      std::string row = problem_row(report.cases[c], *r);
      if (rows.size() + row.size() > budget) continue;
      rows += row;
      ++shown;
    }
  }
  if (total == 0) return {};
  std::string out = "## " + cell(report.targets[t].name) + ": " + std::to_string(total) +
                    " result(s) to look at\n\n" +
                    "| verdict | case | level | title | expected | actual | first finding |\n" +
                    "|---|---|---|---|---|---|---|\n" + rows;
  if (shown < total) {
    out += "\n_" + std::to_string(total - shown) +
           " more not listed to keep this summary small; see junit.xml or index.html._\n";
  }
  return out + "\n";
}

std::string category_matrix(const Report& report) {
  std::string out = "## PASS per category\n\n| category | cases |";
  for (const detail::Target& target : report.targets) out += " " + cell(target.name) + " |";
  out += "\n|---|--:|";
  for (std::size_t t = 0; t < report.targets.size(); ++t) out += "--:|";
  out += "\n";
  for (const detail::Category& category : report.categories) {
    out += "| " + cell(category.name) + " | " + std::to_string(category.cases.size()) + " |";
    for (std::size_t t = 0; t < report.targets.size(); ++t) {
      std::size_t pass = 0;
      for (std::size_t c : category.cases) {
        const detail::Result* r = report.result(c, t);
        if (r && r->verdict == Verdict::pass) ++pass;
      }
      out += " " + std::to_string(pass) + " |";
    }
    out += "\n";
  }
  return out + "\n";
}

}  // namespace

std::string render_markdown(const nlohmann::json& index) {
  const Report report = detail::load_report(index);
  std::string out = headline(report) + totals_table(report);
  std::string notes;
  for (const auto& target : report.targets)
    if (!target.note.empty()) notes += "- " + cell(target.name) + ": " + cell(target.note) + "\n";
  if (!notes.empty()) out += notes + "\n";
  const std::string matrix = report.targets.size() > 1 ? category_matrix(report) : std::string{};
  const std::string footer =
      "_Rendered from index.json; junit.xml and index.html hold every case._\n";
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    // Each target gets an equal share of what is left, so one broken target cannot crowd out
    // the others; what a target does not use passes on to the next.
    const std::size_t used = out.size() + matrix.size() + footer.size() + 4096;
    const std::size_t left = used < kSizeLimit ? kSizeLimit - used : 0;
    out += problems_of(report, t, left / (report.targets.size() - t));
  }
  if (out.size() + matrix.size() + footer.size() <= kSizeLimit) out += matrix;
  return out + footer;
}

}  // namespace upspec::reports

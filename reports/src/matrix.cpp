#include "model.hpp"
#include "text.hpp"
#include "upspec/reports/render.hpp"
#include "verdict.hpp"

namespace upspec::reports {
namespace {

std::string matrix_cell(std::string_view s) {
  return detail::escaped(s, detail::Markup::markdown);
}

}  // namespace

std::string render_matrix(const std::vector<MatrixEntry>& entries, const std::string& link_prefix,
                          std::string_view heading) {
  std::string out(heading);
  for (auto v : detail::kVerdicts) out += " " + std::string(detail::name(v)) + " |";
  out += " run on |\n|---|---|---|---|";
  for (std::size_t i = 0; i < detail::kVerdicts.size(); ++i) out += "--:|";
  out += "---|\n";
  for (const auto& e : entries) {
    const detail::Report report = detail::load_report(e.index);
    for (std::size_t t = 0; t < report.targets.size(); ++t) {
      const auto& target = report.targets[t];
      const auto& raw = e.index["targets"][t];
      out += "| [" + matrix_cell(target.name) + "](" + link_prefix + e.name + "/summary.md) | " +
             matrix_cell(detail::text_of(raw, "language")) + " | " +
             matrix_cell(target.implementation) + " | " + matrix_cell(target.version) + " |";
      for (auto v : detail::kVerdicts) out += " " + std::to_string(report.totals[t].of(v)) + " |";
      out += " " + matrix_cell(report.started_at.substr(0, 10)) + " |\n";
    }
  }
  return out;
}

}  // namespace upspec::reports

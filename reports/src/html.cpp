#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "html_assets.hpp"
#include "html_case.hpp"
#include "html_text.hpp"
#include "model.hpp"
#include "sha256.hpp"
#include "upspec/reports/render.hpp"

namespace upspec::reports {
namespace {

using detail::append_html;
using detail::Report;
using detail::Verdict;

constexpr std::size_t kShort = 512;  // names, versions, URLs: anything shown on one line

// The matrix's column widths depend on the number of targets, so they are a second, generated
// stylesheet (hashed in the CSP like the fixed one) rather than a style attribute, which the
// policy forbids.
std::string grid_style(std::size_t targets) {
  // Target columns shrink before the case column does, down to a width that still shows the
  // colour and the start of the verdict; the full one is in each cell's title.
  return ".row{grid-template-columns:minmax(16rem,1fr) repeat(" + std::to_string(targets) +
         ",minmax(3.6rem,6.8rem))}";
}

std::string verdict_token(const detail::Result* r) {
  if (!r) return "none";
  return r->verdict ? std::string(detail::name(*r->verdict)) : "UNKNOWN";
}

void append_head(std::string& out, const Report& report, const std::string& grid) {
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ";
  out += detail::csp_hash_source(detail::html_script());
  out += "; style-src ";
  out += detail::csp_hash_source(detail::html_style());
  out += ' ';
  out += detail::csp_hash_source(grid);
  out +=
      "; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  std::string title = "upspec report:";
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    title += (t == 0 ? " " : ", ") + report.targets[t].name;
  }
  append_html(out, title, kShort);
  out += "</title>\n<style>";
  out += detail::html_style();
  out += "</style>\n<style>";
  out += grid;
  out += "</style>\n</head>\n";
}

void append_header(std::string& out, const Report& report) {
  out += "<header><h1>upspec conformance report</h1><p class=\"run\">";
  std::string run = (report.tool_name.empty() ? "upspec" : report.tool_name) + " " +
                    report.tool_version + " · schema " + report.schema +
                    " · strict: " + (report.strict ? "yes" : "no") + " · " +
                    std::to_string(report.cases.size()) + " cases in " +
                    std::to_string(report.categories.size()) + " categories · " +
                    std::to_string(report.targets.size()) + " target(s)";
  if (report.corpus_cases &&
      *report.corpus_cases != static_cast<std::int64_t>(report.cases.size())) {
    run += " (corpus: " + std::to_string(*report.corpus_cases) + " cases)";
  }
  if (!report.started_at.empty()) run += " · started " + report.started_at;
  if (report.duration_ms) {
    char buf[48];
    std::snprintf(buf, sizeof buf, " · took %.1f s", *report.duration_ms / 1000.0);
    run += buf;
  }
  append_html(out, run, 4 * kShort);
  out += "</p></header>\n";
}

// Where each target ran and what it lacks; collapsed, since with 15 targets it is long and
// rarely what a reader came for.
void append_target_details(std::string& out, const Report& report) {
  out +=
      "<details class=\"targets\"><summary>Target details: URLs, unsupported features, "
      "logs</summary><table><thead><tr><th>target</th><th>url</th><th>unsupported</th>"
      "<th>log</th></tr></thead><tbody>\n";
  for (const detail::Target& target : report.targets) {
    out += "<tr><th>";
    append_html(out, target.name, kShort);
    out += "</th><td>";
    append_html(out, target.url, kShort);
    out += "</td><td>";
    std::string unsupported;
    for (const std::string& u : target.unsupported) {
      unsupported += (unsupported.empty() ? "" : ", ") + u;
    }
    append_html(out, unsupported.empty() ? "-" : unsupported, 4 * kShort);
    if (!target.note.empty()) {
      out += "<p>";
      append_html(out, target.note, 4 * kShort);
      out += "</p>";
    }
    out += "</td><td>";
    if (target.log.empty()) {
      out += "-";
    } else {
      out += "<pre>";
      append_html(out, target.log, std::size_t{16} << 10);
      out += "</pre>";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody></table></details>\n";
}

void append_totals(std::string& out, const Report& report) {
  out +=
      "<section id=\"totals\"><h2>Totals</h2><table class=\"totals\"><thead><tr>"
      "<th>target</th><th>implementation</th>";
  for (Verdict v : detail::kVerdicts) {
    out += "<th>";
    out += detail::name(v);
    out += "</th>";
  }
  out += "<th>result</th></tr></thead><tbody>\n";
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    const detail::Target& target = report.targets[t];
    out += "<tr><th>";
    append_html(out, target.name, kShort);
    out += "</th><td>";
    append_html(out, target.implementation + " " + target.version, kShort);
    out += "</td>";
    for (Verdict v : detail::kVerdicts) {
      const std::size_t n = report.totals[t].of(v);
      out += "<td class=\"n\"><span class=\"b ";
      out += detail::css_class(v);
      out += n == 0 ? " zero\">" : "\">";
      out += std::to_string(n) + "</span></td>";
    }
    const bool fails = detail::target_fails(report, t);
    const bool errors = report.totals[t].of(Verdict::error) > 0;
    out += fails    ? "<td class=\"state-failing\">failing</td>"
           : errors ? "<td class=\"state-incomplete\">incomplete</td>"
                    : "<td class=\"state-passing\">passing</td>";
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
  append_target_details(out, report);
  out += "</section>\n";
}

void append_filters(std::string& out, const Report& report, const std::set<std::string>& present) {
  out += "<div class=\"filters\"><span>Show cases with:</span>";
  std::vector<std::pair<std::string, std::string_view>> boxes;
  for (Verdict v : detail::kVerdicts) {
    boxes.emplace_back(std::string(detail::name(v)), detail::css_class(v));
  }
  boxes.emplace_back("UNKNOWN", "v-none");
  boxes.emplace_back("none", "v-none");
  for (const auto& [token, cls] : boxes) {
    if (!present.count(token)) continue;
    out += "<label class=\"b ";
    out += cls;
    out += "\"><input type=\"checkbox\" data-verdict=\"" + token + "\" checked> ";
    out += token == "none" ? "not run" : token;
    out += "</label>";
  }
  if (report.targets.size() > 1) {
    out += "<label><input type=\"checkbox\" id=\"differ\"> only where targets differ</label>";
  }
  out +=
      "<button type=\"button\" id=\"problems\">problems only</button>"
      "<button type=\"button\" id=\"all\">show all</button>"
      "<input type=\"search\" id=\"q\" placeholder=\"Search case id or title\" "
      "aria-label=\"Search case id or title\"><span id=\"shown\" class=\"muted\"></span></div>\n";
}

void append_case_row(std::string& out, const Report& report, std::size_t c,
                     const std::vector<bool>& bulk, const HtmlOptions& options,
                     std::set<std::string>& present) {
  const detail::Case& kase = report.cases[c];
  std::set<std::string> tokens;
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    tokens.insert(verdict_token(report.result(c, t)));
  }
  std::string data_v;
  for (const std::string& token : tokens) data_v += (data_v.empty() ? "" : " ") + token;
  present.insert(tokens.begin(), tokens.end());

  out += "<details class=\"case\" id=\"c" + std::to_string(c) + "\" data-v=\"" + data_v +
         "\"><summary class=\"row\"><span class=\"cid\"><b>";
  append_html(out, kase.id, kShort);
  out += "</b><span class=\"t\">";
  append_html(out, kase.title, kShort);
  out += "</span></span>";
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    const detail::Result* r = report.result(c, t);
    out += "<span class=\"c ";
    out += r && r->verdict ? detail::css_class(*r->verdict) : "v-none";
    if (r && r->poisoned) out += " poisoned";
    out += "\" title=\"";
    std::string tip = report.targets[t].name + ": " + (r ? r->verdict_text : "not run");
    if (r && r->poisoned) tip += ", poisons the server";
    append_html(out, tip, kShort);
    out += "\">";
    append_html(out, r ? r->verdict_text : "-", 16);
    out += "</span>";
  }
  out += "</summary><noscript>";
  detail::append_case_body(out, report, c, bulk, options);
  out += "</noscript></details>\n";
}

// Returns how many results had their response and wire log left out.
std::size_t append_matrix(std::string& out, const Report& report, const HtmlOptions& options) {
  const std::vector<bool> bulk = detail::plan_bulk(report, options);
  std::set<std::string> present;
  std::string rows;
  for (const detail::Category& category : report.categories) {
    rows += "<section class=\"cat\"><h3>";
    append_html(rows, category.name.empty() ? "(no category)" : category.name, kShort);
    rows += " <span class=\"muted\">(" + std::to_string(category.cases.size()) + ")</span></h3>\n";
    for (std::size_t c : category.cases) append_case_row(rows, report, c, bulk, options, present);
    rows += "</section>\n";
  }

  out += "<section id=\"cases\"><h2>Cases</h2>\n";
  append_filters(out, report, present);
  out += "<div class=\"matrix\"><div class=\"row head\"><span>case</span>";
  for (const detail::Target& target : report.targets) {
    out += "<span title=\"";
    append_html(out, target.name, kShort);
    out += "\">";
    append_html(out, target.name, kShort);
    out += "</span>";
  }
  out += "</div>\n" + rows + "</div></section>\n";

  std::size_t left_out = 0;
  for (std::size_t c = 0; c < report.cases.size(); ++c) {
    for (std::size_t t = 0; t < report.targets.size(); ++t) {
      const detail::Result* r = report.result(c, t);
      if (r && !bulk[static_cast<std::size_t>(r - report.results.data())] &&
          (r->responded || !r->wire.empty())) {
        ++left_out;
      }
    }
  }
  return left_out;
}

void append_footer(std::string& out, const Report& report, std::size_t left_out) {
  out +=
      "<footer>Rendered from index.json (" + std::to_string(report.results.size()) + " results).";
  if (left_out > 0) {
    out += " Responses and wire logs of " + std::to_string(left_out) +
           " result(s) were left out to keep this page small; index.json holds them.";
  }
  out += "</footer>\n";
}

}  // namespace

std::string render_html(const nlohmann::json& index, const HtmlOptions& options) {
  const Report report = detail::load_report(index);
  const std::string grid = grid_style(report.targets.size());
  std::string out;
  append_head(out, report, grid);
  out += "<body>\n";
  append_header(out, report);
  out += "<main>\n";
  append_totals(out, report);
  const std::size_t left_out = append_matrix(out, report, options);
  out += "</main>\n";
  append_footer(out, report, left_out);
  out += "<script>";
  out += detail::html_script();
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace upspec::reports

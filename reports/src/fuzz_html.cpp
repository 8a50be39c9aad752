#include "fuzz_summary.hpp"
#include "html_assets.hpp"
#include "html_text.hpp"
#include "upspec/reports/fuzz.hpp"
#include "write_file.hpp"

namespace upspec::reports {
namespace {

using detail::append_bytes_html;
using detail::append_html;
using nlohmann::ordered_json;

constexpr std::size_t kMostBytes = 64 * 1024;

void text(std::string& out, const std::string& s) {
  append_html(out, s);
}

}  // namespace

std::string render_fuzz_html(const ordered_json& doc) {
  const fuzz_summary s = summarize_fuzz(doc);
  std::string out =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<title>upspec fuzz: findings</title><style>";
  out += detail::html_style();
  out += "</style></head><body><header><h1>upspec fuzz: findings</h1><p class=\"run\">";
  text(out, s.headline);
  out +=
      "</p></header><main><h2>Targets</h2><table class=\"totals\"><tr><th>target</th>"
      "<th>implementation</th><th>requests</th><th>skipped</th><th>ERROR</th><th>findings</th>"
      "<th>new</th><th>known</th></tr>";
  for (const auto& t : s.targets) {
    out += "<tr><td>";
    text(out, t.name);
    out += "</td><td>";
    text(out, t.implementation);
    for (auto n : {t.requests, t.skipped, t.unjudged, t.findings, t.fresh, t.known})
      out += "</td><td class=\"n\">" + std::to_string(n);
    out += "</td></tr>";
  }
  out += "</table>";
  for (const auto& t : s.targets)
    if (!t.note.empty()) {
      out += "<p class=\"muted\">";
      text(out, t.name + ": " + t.note);
      out += "</p>";
    }
  if (s.targets.size() > 1) {
    out +=
        "<h2>Who diverges from the reference on what</h2><table class=\"totals\"><tr>"
        "<th>kind</th><th>status</th><th>reference</th>";
    for (const auto& t : s.targets) {
      out += "<th>";
      text(out, t.name);
      out += "</th>";
    }
    out += "</tr>";
    for (const auto& row : s.matrix) {
      out += "<tr><td>";
      text(out, row.kind);
      out += "</td><td>";
      text(out, row.status_class);
      out += "</td><td><code>";
      text(out, row.rule);
      out += "</code></td>";
      for (const auto& t : s.targets) {
        const auto it = row.counts.find(t.name);
        out += "<td class=\"n\">" + (it == row.counts.end() ? "" : std::to_string(it->second)) +
               "</td>";
      }
      out += "</tr>";
    }
    out += "</table>";
  }
  out += "<h2>Findings</h2>";
  if (!doc.contains("findings") || doc["findings"].empty()) out += "<p>None.</p>";
  for (const auto& f : doc.value("findings", ordered_json::array())) {
    const bool known = !f.value("new", true);
    out += "<details id=\"";
    text(out, f.value("id", ""));
    out += "\"><summary><span class=\"b ";
    out += known ? "v-info\">known" : "v-fail\">new";
    out += "</span> <b>";
    text(out, f.value("kind", "") + " on " + f.value("target", ""));
    out += "</b> ×" + std::to_string(f.value("count", std::uint64_t{0})) + " <code>";
    text(out, f.value("signature", ""));
    out += "</code></summary><ul><li>first: request " +
           std::to_string(f.value("first_request", std::uint64_t{0})) + " of seed " +
           std::to_string(f.value("seed", std::uint64_t{0})) + "; shrunk from " +
           std::to_string(f.value("original_bytes", 0)) + " to " +
           std::to_string(f.value("minimal_bytes", 0)) + " bytes in " +
           std::to_string(f.value("shrink_requests", 0)) + " requests";
    if (!f.value("confirmed", true)) out += "; did not reproduce when sent alone";
    out += "</li>";
    if (f.value("known", false) || f.value("family_known", false)) {
      out += f.value("known", false) ? "<li>shown by corpus case <code>"
                                     : "<li>the same failure as corpus case <code>";
      text(out, f.value(f.value("known", false) ? "known_case" : "family_case", ""));
      out += "</code></li>";
    }
    for (const auto& j : f.value("judged", ordered_json::array())) {
      out += "<li>";
      text(out, j.get<std::string>());
      out += "</li>";
    }
    out += "<li>replay: <code>";
    text(out, f.value("replay", ""));
    out += "</code></li></ul><pre>";
    append_bytes_html(out, f.value("wire", ""), kMostBytes);
    out += "</pre>";
    if (const std::string log = f.value("log_tail", ""); !log.empty()) {
      out += "<p>The server's log:</p><pre>";
      append_html(out, log, kMostBytes);
      out += "</pre>";
    }
    out += "</details>";
  }
  out += "</main></body></html>\n";
  return out;
}

void write_fuzz_reports(const ordered_json& doc, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create " + dir.string() + ": " + ec.message());
  detail::write_file(dir, "findings.json",
                     doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n");
  detail::write_file(dir, "findings.md", render_fuzz_markdown(doc));
  detail::write_file(dir, "index.html", render_fuzz_html(doc));
}

}  // namespace upspec::reports

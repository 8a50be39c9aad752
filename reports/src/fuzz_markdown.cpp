#include <map>
#include <set>
#include <sstream>

#include "fuzz_summary.hpp"
#include "upspec/reports/fuzz.hpp"

namespace upspec::reports {
namespace {

using nlohmann::ordered_json;

// A table cell: pipes and line breaks would end it.
std::string fuzz_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else
      out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

std::string fence(const std::string& text) {
  std::string ticks = "```";
  while (text.find(ticks) != std::string::npos) ticks += '`';
  return ticks + "\n" + text + (text.empty() || text.back() == '\n' ? "" : "\n") + ticks + "\n";
}

}  // namespace

std::string render_fuzz_markdown(const ordered_json& doc) {
  std::ostringstream out;
  const fuzz_summary s = summarize_fuzz(doc);
  out << "# upspec fuzz: findings\n\n" << s.headline << "\n\n";
  out << "| target | implementation | requests | skipped | ERROR | findings | new | known |\n"
         "|---|---|--:|--:|--:|--:|--:|--:|\n";
  for (const auto& t : s.targets)
    out << "| " << fuzz_cell(t.name) << " | " << fuzz_cell(t.implementation) << " | " << t.requests
        << " | " << t.skipped << " | " << t.unjudged << " | " << t.findings << " | " << t.fresh
        << " | " << t.known << " |\n";
  for (const auto& t : s.targets)
    if (!t.note.empty()) out << "\n- " << fuzz_cell(t.name) << ": " << t.note << "\n";
  if (s.targets.size() > 1) {
    out << "\n## Who diverges from the reference on what\n\nRequests that showed each kind of "
           "divergence, by target (the reference's rule or code for the request).\n\n"
           "| kind | status | reference |";
    for (const auto& t : s.targets) out << " " << fuzz_cell(t.name) << " |";
    out << "\n|---|---|---|";
    for (std::size_t i = 0; i < s.targets.size(); ++i) out << "--:|";
    out << "\n";
    for (const auto& row : s.matrix) {
      out << "| " << fuzz_cell(row.kind) << " | " << fuzz_cell(row.status_class) << " | "
          << fuzz_cell(row.rule) << " |";
      for (const auto& t : s.targets) {
        const auto it = row.counts.find(t.name);
        out << " " << (it == row.counts.end() ? std::string() : std::to_string(it->second)) << " |";
      }
      out << "\n";
    }
  }
  out << "\n## Findings\n";
  if (!doc.contains("findings") || doc["findings"].empty()) out << "\nNone.\n";
  for (const auto& f : doc.value("findings", ordered_json::array())) {
    out << "\n### " << f.value("id", "") << ": " << f.value("kind", "") << " on "
        << f.value("target", "") << (f.value("new", true) ? " (new)" : " (known)")
        << (f.value("confirmed", true) ? "" : " (did not reproduce alone)") << "\n\n";
    out << "- signature: `" << fuzz_cell(f.value("signature", "")) << "`\n";
    out << "- requests that showed it: " << f.value("count", 0) << "; first: request "
        << f.value("first_request", 0) << " of seed " << f.value("seed", 0) << "\n";
    if (f.value("known", false))
      out << "- shown by corpus case `" << f.value("known_case", "") << "` too ("
          << f.value("known_verdict", "") << " there)\n";
    else if (f.value("family_known", false))
      out << "- the same failure as corpus case `" << f.value("family_case", "") << "` ("
          << f.value("known_verdict", "")
          << " there), through a request the reference answers otherwise\n";
    out << "- family: `" << fuzz_cell(f.value("family", "")) << "`\n";
    out << "- shrunk from " << f.value("original_bytes", 0) << " to " << f.value("minimal_bytes", 0)
        << " bytes in " << f.value("shrink_requests", 0) << " requests\n";
    for (const auto& j : f.value("judged", ordered_json::array()))
      out << "- judged: " << fuzz_cell(j.get<std::string>()) << "\n";
    out << "- replay: `" << f.value("replay", "") << "`\n\n";
    out << "The minimal request and the answer (bytes escaped):\n\n" << fence(f.value("wire", ""));
    const std::string log = f.value("log_tail", "");
    if (!log.empty()) out << "\nThe server's log:\n\n" << fence(log);
  }
  return out.str();
}

}  // namespace upspec::reports

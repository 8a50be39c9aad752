#include "fuzz/findings_file.hpp"

#include <fstream>
#include <map>

#include "corpus/case_json.hpp"
#include "corpus/corpus_store.hpp"
#include "files/read_file.hpp"
#include "upspec/reports/fuzz.hpp"

namespace upspec::fuzz {
namespace {

namespace fs = std::filesystem;
using request::json;

long long ms(std::chrono::microseconds d) {
  return static_cast<long long>(d.count() / 1000);
}

json finding_json(const finding& f, std::uint64_t seed) {
  return json{
      {"id", f.minimal.id},
      {"target", f.target},
      {"kind", std::string(run::to_string(f.sig.kind))},
      {"status_class", f.sig.status_class},
      {"rule", f.sig.rule},
      {"detail", f.sig.detail},
      {"message", f.sig.message},
      {"signature", f.sig.text()},
      {"count", f.count},
      {"seed", seed},
      {"first_request", f.first_index},
      {"family", f.sig.family()},
      {"new", f.is_new()},
      {"known", f.known},
      {"known_case", f.known_case},
      {"known_verdict", f.known_verdict},
      {"family_first", f.family_first},
      {"family_known", f.family_known},
      {"family_case", f.family_case},
      {"confirmed", f.confirmed},
      {"original_bytes", f.original_bytes},
      {"minimal_bytes", f.minimal.request.body.size()},
      {"shrink_requests", f.shrink_requests},
      {"level", std::string(corpus::to_string(f.minimal.requirement))},
      {"rule_text", f.minimal.rule},
      {"cite", f.minimal.cite},
      {"judged", f.judged},
      {"wire", f.wire},
      {"log_tail", f.log_tail},
      {"case", "cases/" + f.minimal.id + ".json"},
      {"replay", "upspec run --corpus DIR/cases --select " + f.minimal.id + " --target URL"},
  };
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::optional<json> read_json(const fs::path& path) {
  const auto text = files::read_text(path);
  if (!text) return std::nullopt;
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

}  // namespace

json findings_document(const campaign_result& r, const campaign_info& info) {
  json doc;
  doc["schema"] = "upspec-fuzz/1";
  doc["tool"] = {{"name", "upspec"}, {"version", "0.1.0"}};
  const auto& t = r.time;
  doc["campaigns"] = json::array({json{
      {"seed", info.seed},
      {"shard", std::to_string(info.shard) + "/" + std::to_string(info.shards)},
      {"started_at", info.started_at},
      {"requests", r.requests},
      {"duration_ms", r.duration.count()},
      {"jobs", info.jobs},
      {"timeout_ms", info.timeout_ms},
      {"time_ms",
       {{"generating", ms(t.generating)},
        {"judging", ms(t.judging)},
        {"sending", ms(t.sending)},
        {"waiting", ms(t.waiting)},
        {"canary", ms(t.canary)},
        {"shrinking", ms(t.shrinking)}}},
  }});
  json targets = json::array();
  for (const auto& x : r.targets)
    targets.push_back({{"name", x.name},
                       {"implementation", x.implementation},
                       {"version", x.version},
                       {"requests", x.requests},
                       {"skipped", x.skipped},
                       {"unjudged", x.unjudged},
                       {"known_signatures", x.known_signatures},
                       {"answered", x.answered},
                       {"note", x.note}});
  doc["targets"] = targets;
  json findings = json::array();
  for (const auto& f : r.findings) findings.push_back(finding_json(f, info.seed));
  doc["findings"] = findings;
  return doc;
}

void write_findings(const json& doc, const std::vector<corpus::test_case>& cases,
                    const fs::path& dir) {
  const fs::path case_dir = dir / "cases";
  fs::create_directories(case_dir);
  for (const auto& c : cases)
    write_text(case_dir / (c.id + ".json"),
               request::dump_json(json{{"cases", json::array({corpus::to_json(c)})}}, 1) + "\n");
  reports::write_fuzz_reports(nlohmann::ordered_json(doc), dir);
}

std::optional<std::string> merge_findings(const std::vector<fs::path>& dirs, const fs::path& out) {
  json merged;
  merged["schema"] = "upspec-fuzz/1";
  merged["tool"] = {{"name", "upspec"}, {"version", "0.1.0"}};
  merged["campaigns"] = json::array();
  merged["targets"] = json::array();
  merged["findings"] = json::array();
  std::map<std::string, std::size_t> target_at, finding_at;
  std::vector<fs::path> case_files;
  for (const auto& dir : dirs) {
    const auto doc = read_json(dir / "findings.json");
    if (!doc || doc->value("schema", "") != "upspec-fuzz/1")
      return "no upspec-fuzz/1 findings.json in " + dir.string();
    for (const auto& c : (*doc)["campaigns"]) merged["campaigns"].push_back(c);
    for (const auto& t : (*doc)["targets"]) {
      const std::string name = t.value("name", "");
      auto [it, added] = target_at.try_emplace(name, merged["targets"].size());
      if (added) {
        merged["targets"].push_back(t);
        continue;
      }
      json& into = merged["targets"][it->second];
      for (const char* n : {"requests", "skipped", "unjudged"})
        into[n] = into.value(n, std::uint64_t{0}) + t.value(n, std::uint64_t{0});
      into["answered"] = into.value("answered", false) || t.value("answered", false);
    }
    for (const auto& f : (*doc)["findings"]) {
      const std::string key = f.value("target", "") + "\n" + f.value("signature", "");
      auto [it, added] = finding_at.try_emplace(key, merged["findings"].size());
      if (added) {
        merged["findings"].push_back(f);
        case_files.push_back(dir / f.value("case", ""));
        continue;
      }
      json& into = merged["findings"][it->second];
      into["count"] = into.value("count", std::uint64_t{0}) + f.value("count", std::uint64_t{0});
      // The smaller reproducer stands for the finding.
      if (f.value("minimal_bytes", std::uint64_t{0}) <
          into.value("minimal_bytes", std::uint64_t{0})) {
        const auto count = into["count"];
        into = f;
        into["count"] = count;
        case_files[it->second] = dir / f.value("case", "");
      }
    }
  }
  std::vector<corpus::test_case> cases;
  for (const auto& path : case_files) {
    const auto doc = read_json(path);
    if (!doc || !doc->contains("cases") || (*doc)["cases"].empty())
      return "cannot read the case " + path.string();
    auto c = corpus::case_from_json((*doc)["cases"][0]);
    if (auto* why = std::get_if<std::string>(&c)) return path.string() + ": " + *why;
    cases.push_back(std::get<corpus::test_case>(c));
  }
  write_findings(merged, cases, out);
  return std::nullopt;
}

}  // namespace upspec::fuzz

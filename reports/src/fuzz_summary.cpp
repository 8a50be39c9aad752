#include "fuzz_summary.hpp"

#include <sstream>

namespace upspec::reports {

fuzz_summary summarize_fuzz(const nlohmann::ordered_json& doc) {
  using json = nlohmann::ordered_json;
  fuzz_summary s;
  std::uint64_t requests = 0;
  double seconds = 0;
  std::ostringstream seeds;
  for (const auto& c : doc.value("campaigns", json::array())) {
    requests += c.value("requests", std::uint64_t{0});
    seconds += static_cast<double>(c.value("duration_ms", std::uint64_t{0})) / 1000.0;
    seeds << (seeds.tellp() > 0 ? ", " : "") << "seed " << c.value("seed", 0) << " shard "
          << c.value("shard", "0/1");
  }
  std::ostringstream headline;
  headline << requests << " generated requests in " << static_cast<long>(seconds) << " s ("
           << seeds.str() << ").";
  s.headline = headline.str();
  std::map<std::string, std::size_t> row_of;
  for (const auto& t : doc.value("targets", json::array())) {
    fuzz_target_row row;
    row.name = t.value("name", "");
    row.implementation = t.value("implementation", "");
    row.note = t.value("note", "");
    row.requests = t.value("requests", std::uint64_t{0});
    row.skipped = t.value("skipped", std::uint64_t{0});
    row.unjudged = t.value("unjudged", std::uint64_t{0});
    row_of[row.name] = s.targets.size();
    s.targets.push_back(std::move(row));
  }
  std::map<std::string, std::size_t> matrix_of;
  for (const auto& f : doc.value("findings", json::array())) {
    const std::string target = f.value("target", "");
    if (auto it = row_of.find(target); it != row_of.end()) {
      auto& row = s.targets[it->second];
      ++row.findings;
      ++(f.value("new", true) ? row.fresh : row.known);
    }
    const std::string key =
        f.value("kind", "") + "|" + f.value("status_class", "") + "|" + f.value("rule", "");
    auto [it, added] = matrix_of.try_emplace(key, s.matrix.size());
    if (added)
      s.matrix.push_back(
          {f.value("kind", ""), f.value("status_class", ""), f.value("rule", ""), {}});
    s.matrix[it->second].counts[target] += f.value("count", std::uint64_t{0});
  }
  return s;
}

}  // namespace upspec::reports

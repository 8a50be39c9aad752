#include "clients/plan.hpp"

#include <fstream>

namespace upspec::clients {

namespace fs = std::filesystem;

void write_scenario_files(const std::vector<scenario>& scenarios,
                          const std::vector<expected_request>& expected, const fs::path& dir) {
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const fs::path folder = dir / scenarios[i].id;
    fs::create_directories(folder);
    for (const auto& f : expected[i].files) {
      std::ofstream out(folder / f.spec->id, std::ios::binary | std::ios::trunc);
      out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
      if (!out) throw std::runtime_error("cannot write " + (folder / f.spec->id).string());
    }
  }
}

json plan_for(const std::vector<scenario>& scenarios, const std::vector<std::size_t>& chosen,
              const std::string& base_url, const fs::path& files_dir) {
  json plan = {{"scenarios", json::array()}};
  for (const std::size_t i : chosen) {
    const scenario& s = scenarios[i];
    json files = json::object();
    for (const auto& f : s.files)
      files[f.id] = {{"path", fs::absolute(files_dir / s.id / f.id).string()},
                     {"name", f.name},
                     {"type", f.type ? json(*f.type) : json(nullptr)}};
    json headers = json::object();
    for (const auto& [k, v] : s.headers) headers[k] = v;
    plan["scenarios"].push_back({{"id", s.id},
                                 {"url", scenario_url(base_url, s.id)},
                                 {"operations", s.operations},
                                 {"headers", headers},
                                 {"files", files}});
  }
  return plan;
}

// Scenario ids are [A-Za-z0-9._-] (scenario.cpp checks), so they need no escaping in a query.
std::string scenario_url(const std::string& base_url, std::string_view id) {
  return base_url + "?scenario=" + std::string(id);
}

std::optional<std::string> scenario_of(std::string_view target) {
  const auto q = target.find('?');
  if (q == std::string_view::npos) return std::nullopt;
  std::string_view query = target.substr(q + 1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (pair.substr(0, 9) == "scenario=") return std::string(pair.substr(9));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

}  // namespace upspec::clients

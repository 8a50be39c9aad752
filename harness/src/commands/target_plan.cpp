#include "commands/target_plan.hpp"

#include <filesystem>

#include "corpus/corpus_store.hpp"

namespace upspec::cli {

bool matches_any(const std::vector<std::string>& globs, const std::string& id) {
  for (const auto& g : globs)
    if (corpus::glob_match(g, id)) return true;
  return false;
}

std::variant<run::header_list, std::string> parse_headers(const std::vector<std::string>& options) {
  run::header_list out;
  for (const auto& h : options) {
    const auto colon = h.find(':');
    if (colon == std::string::npos || colon == 0) return h;
    std::string value = h.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    out.emplace_back(h.substr(0, colon), value);
  }
  return out;
}

std::variant<std::vector<planned_target>, std::string> plan_targets(const target_options& o) {
  std::vector<planned_target> out;
  if (!o.targets_path.empty() && std::filesystem::is_directory(o.targets_path)) {
    auto d = targets::load_target_directory(o.targets_path, o.only);
    if (auto* why = std::get_if<std::string>(&d)) return *why;
    for (auto& def : std::get<std::vector<targets::target_definition>>(d)) {
      auto t = def.target;
      out.push_back({std::move(t), std::move(def)});
    }
  } else if (!o.targets_path.empty()) {
    auto t = run::load_targets(o.targets_path);
    if (auto* why = std::get_if<std::string>(&t)) return *why;
    for (auto& one : std::get<std::vector<run::target>>(t))
      if (o.only.empty() || matches_any(o.only, one.name)) out.push_back({std::move(one), {}});
    if (out.empty()) return "no target of " + o.targets_path + " is named by --only";
  }
  for (const auto& url : o.urls) {
    if (auto e = run::parse_url(url); std::holds_alternative<std::string>(e))
      return std::get<std::string>(e);
    run::target t;
    t.name = url;
    t.url = url;
    out.push_back({std::move(t), {}});
  }
  if (out.empty()) out.push_back({run::builtin_target(), {}});
  return out;
}

}  // namespace upspec::cli

#include "graphql_error.hpp"

namespace upspec::execution {

json to_json(const graphql_error& e) {
  json out = json::object();
  out["message"] = e.message;
  if (!e.locations.empty()) {
    json locations = json::array();
    for (const graphql::SourceLocation& at : e.locations)
      locations.push_back({{"line", at.line}, {"column", at.column}});
    out["locations"] = std::move(locations);
  }
  if (e.path) {
    json path = json::array();
    for (const path_segment& segment : *e.path)
      std::visit([&path](const auto& s) { path.push_back(s); }, segment);
    out["path"] = std::move(path);
  }
  if (e.code) out["extensions"] = {{"code", *e.code}};
  return out;
}

json to_json(const std::vector<graphql_error>& errors) {
  json out = json::array();
  for (const graphql_error& e : errors) out.push_back(to_json(e));
  return out;
}

}  // namespace upspec::execution

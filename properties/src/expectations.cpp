#include "upspec/properties/expectations.hpp"

#include "upspec/util/sha256.hpp"

namespace upspec::properties {

json normalize(json outcome) {
  if (outcome.contains("error") && outcome["error"].is_object())
    outcome["error"] = json{{"code", outcome["error"]["code"]}};
  if (outcome.contains("uploads"))
    for (auto& [field, u] : outcome["uploads"].items())
      if (u.contains("error")) u = upload_error(u["error"]["code"].get<std::string>());
  return outcome;
}

bool outcome_matches(const json& normalized, const json& expected) {
  if (expected.contains("ignored")) return normalized == expected;
  json without = normalized;
  without.erase("ignored");
  return without == expected;
}

json upload_error(const std::string& code) {
  return json{{"error", json{{"code", code}}}};
}

json ignored_fields(const generated_request& g, std::size_t read_up_to) {
  json out = json::array();
  for (std::size_t i = 0; i < g.parts.size(); ++i)
    if (g.parts[i].role == part_role::ignored && g.layout.parts[i].content_start <= read_up_to)
      out.push_back(g.parts[i].part.name);
  return out;
}

json valid_outcome(const generated_request& g) {
  json uploads = json::object();
  for (const auto& f : g.files) {
    const auto filename = f.reported_filename();
    uploads[f.field] = json{{"filename", filename ? json(*filename) : json(nullptr)},
                            {"mimetype", f.media.reported},
                            {"size", f.content.size()},
                            {"sha256", sha256::hex_of(f.content)}};
  }
  json out;
  out["status"] = 200;
  out["error"] = nullptr;
  out["operations"] = g.operations_expected;
  out["uploads"] = std::move(uploads);
  out["ignored"] = ignored_fields(g);
  return out;
}

json rejection(const std::string& code, int status) {
  return json{{"status", status}, {"error", json{{"code", code}}}};
}

json failed_at(const generated_request& g, std::size_t offset, const std::string& code) {
  const std::size_t map = g.index_of(part_role::map);
  if (offset < g.layout.parts.at(map).ended_at) return rejection(code, 400);
  json out = valid_outcome(g);
  for (std::size_t i = 0; i < g.parts.size(); ++i)
    if (g.parts[i].role == part_role::file && g.layout.parts[i].ended_at > offset)
      out["uploads"][g.files[g.parts[i].file].field] = upload_error(code);
  out["ignored"] = ignored_fields(g, offset);
  return out;
}

}  // namespace upspec::properties

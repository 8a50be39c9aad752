// The specification's fields: operations, then map, then one part per file.

#include <algorithm>

#include "clients/rules.hpp"

namespace upspec::clients {

using corpus::level;

namespace rules {
const rule field_order{"field-order", level::must,
                       "GraphQL multipart request spec, multipart form field structure"};
const rule operations_field{"operations-field", level::must,
                            "GraphQL multipart request spec, operations field"};
const rule map_field{"map-field", level::must, "GraphQL multipart request spec, map field"};
const rule null_placeholders{"null-placeholders", level::must,
                             "GraphQL multipart request spec (files replaced with null)"};
const rule file_fields_once{"file-fields-once", level::must,
                            "GraphQL multipart request spec (each file, unique field names)"};
const rule no_extra_parts{"no-extra-parts", level::should,
                          "GraphQL multipart request spec, multipart form field structure"};
const rule deduplication{"deduplication", level::should,
                         "GraphQL multipart request spec, file deduplication"};
}  // namespace rules

namespace {

std::vector<const sent_part*> parts_named(const sent_request& r, std::string_view name) {
  std::vector<const sent_part*> out;
  for (const auto& p : r.form.parts)
    if (p.name == name) out.push_back(&p);
  return out;
}

std::size_t position(const sent_request& r, const sent_part* p) {
  return static_cast<std::size_t>(p - r.form.parts.data());
}

// The value at an object path, read as the reference applies paths (reference/src/request/
// object_path.cpp): "."-separated; a segment of digits indexes an array, any other names a key.
const json* value_at(const json& root, std::string_view path) {
  const json* at = &root;
  while (true) {
    const auto dot = path.find('.');
    const std::string segment(path.substr(0, dot));
    if (at->is_object()) {
      const auto it = at->find(segment);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array() && !segment.empty() &&
               std::all_of(segment.begin(), segment.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      const auto index = std::stoull(segment);
      if (index >= at->size()) return nullptr;
      at = &(*at)[index];
    } else {
      return nullptr;
    }
    if (dot == std::string_view::npos) return at;
    path.remove_prefix(dot + 1);
  }
}

std::string json_text(const std::string& text) {
  auto parsed = request::parse_json_field(text);
  if (auto* why = std::get_if<std::string>(&parsed)) return "not JSON (" + *why + ")";
  return {};
}

}  // namespace

void read_fields(sent_request& r) {
  const auto ops = parts_named(r, "operations");
  if (!ops.empty()) {
    auto parsed = request::parse_json_field(ops.front()->content);
    if (auto* j = std::get_if<json>(&parsed); j && (j->is_object() || j->is_array()))
      r.operations = std::move(*j);
  }
  const auto maps = parts_named(r, "map");
  if (maps.empty()) return;
  auto parsed = request::parse_json_field(maps.front()->content);
  auto* j = std::get_if<json>(&parsed);
  if (j == nullptr || !j->is_object()) return;
  std::map<std::string, std::vector<std::string>> map;
  for (const auto& [key, paths] : j->items()) {
    if (!paths.is_array()) return;
    for (const auto& p : paths) {
      if (!p.is_string()) return;
      map[key].push_back(p.get<std::string>());
    }
  }
  r.map = std::move(map);
}

// The specification orders the fields so that a server can run the operations while the files
// are still arriving: operations, then map, then the files.
void check_field_order(const sent_request& r, findings& out) {
  const auto ops = parts_named(r, "operations");
  const auto maps = parts_named(r, "map");
  if (ops.empty() || maps.empty()) return;  // operations-field and map-field say so
  const std::size_t op_at = position(r, ops.front()), map_at = position(r, maps.front());
  if (map_at < op_at) out.push_back({&rules::field_order, "map is sent before operations"});
  if (!r.map) return;
  for (const auto& p : r.form.parts)
    if (p.name && r.map->count(*p.name) && *p.name != "operations" && *p.name != "map" &&
        position(r, &p) < std::max(op_at, map_at)) {
      out.push_back({&rules::field_order, "the file " + shown(*p.name) + " is sent before " +
                                              (position(r, &p) < op_at ? "operations" : "map")});
    }
}

// One operations field holding JSON: an object, or an array for a batch.
void check_operations_field(const sent_request& r, findings& out) {
  const auto ops = parts_named(r, "operations");
  if (ops.empty()) {
    if (!r.form.parts.empty()) out.push_back({&rules::operations_field, "no operations field"});
    return;
  }
  if (ops.size() > 1)
    out.push_back({&rules::operations_field,
                   std::to_string(ops.size()) + " operations fields, where one is expected"});
  if (auto bad = json_text(ops.front()->content); !bad.empty())
    out.push_back({&rules::operations_field, "operations is " + bad});
  else if (!r.operations)
    out.push_back({&rules::operations_field, "operations is neither an object nor an array"});
}

// One map field holding an object whose values are arrays of object-path strings.
void check_map_field(const sent_request& r, findings& out) {
  const auto maps = parts_named(r, "map");
  if (maps.empty()) {
    if (!r.form.parts.empty()) out.push_back({&rules::map_field, "no map field"});
    return;
  }
  if (maps.size() > 1)
    out.push_back(
        {&rules::map_field, std::to_string(maps.size()) + " map fields, where one is expected"});
  if (auto bad = json_text(maps.front()->content); !bad.empty())
    out.push_back({&rules::map_field, "map is " + bad});
  else if (!r.map)
    out.push_back({&rules::map_field, "map is not an object of arrays of path strings"});
}

// "A JSON encoded operations object with files replaced with null": each mapped path exists in
// operations and holds null. A server that walks only existing paths loses a file whose
// placeholder is missing.
void check_null_placeholders(const sent_request& r, findings& out) {
  if (!r.operations || !r.map) return;
  for (const auto& [key, paths] : *r.map)
    for (const auto& path : paths) {
      const json* at = value_at(*r.operations, path);
      if (at == nullptr)
        out.push_back({&rules::null_placeholders,
                       "the map sends " + shown(key) + " to " + shown(path) +
                           ", which operations do not hold: the placeholder is missing"});
      else if (!at->is_null())
        out.push_back({&rules::null_placeholders, "operations hold " +
                                                      shown(request::dump_json(*at)) + " at " +
                                                      shown(path) + ", not null"});
    }
}

// Each file the map names is one part, sent once: a second part of the same name is read by
// some servers and ignored by others. Two files are two parts, even with the same bytes.
void check_file_fields_once(const sent_request& r, findings& out) {
  if (!r.map) return;
  for (const auto& [key, paths] : *r.map) {
    std::vector<std::string> ids;
    for (const auto& path : paths)
      if (const auto* f = r.want.file_at(path);
          f != nullptr && std::find(ids.begin(), ids.end(), f->spec->id) == ids.end())
        ids.push_back(f->spec->id);
    if (ids.size() > 1)
      out.push_back({&rules::file_fields_once, "the part " + shown(key) + " stands for " +
                                                   std::to_string(ids.size()) +
                                                   " different files of the scenario"});
    const auto n = parts_named(r, key).size();
    if (n == 0)
      out.push_back(
          {&rules::file_fields_once, "the map names " + shown(key) + ", but no part carries it"});
    else if (n > 1)
      out.push_back({&rules::file_fields_once,
                     "the file " + shown(key) + " is sent in " + std::to_string(n) + " parts"});
  }
}

// Every part is operations, map or a file the map names.
void check_no_extra_parts(const sent_request& r, findings& out) {
  if (!r.map) return;
  for (const auto& p : r.form.parts)
    if (p.name && *p.name != "operations" && *p.name != "map" && !r.map->count(*p.name))
      out.push_back({&rules::no_extra_parts,
                     "a part named " + shown(*p.name) + " that the map does not name"});
}

// One file used at several places goes once, mapped to each of them.
void check_deduplication(const sent_request& r, findings& out) {
  if (!r.map) return;
  for (const auto& f : r.want.files) {
    if (f.paths.size() < 2) continue;
    std::vector<std::string> keys;
    for (const auto& [key, paths] : *r.map)
      if (std::any_of(paths.begin(), paths.end(),
                      [&](const std::string& p) { return r.want.file_at(p) == &f; }))
        keys.push_back(key);
    if (keys.size() > 1) {
      std::string list;
      for (const auto& k : keys) list += (list.empty() ? "" : ", ") + shown(k);
      out.push_back({&rules::deduplication, "the file " + shown(f.spec->id) + " used at " +
                                                std::to_string(f.paths.size()) +
                                                " places is sent as " + list});
    }
  }
}

}  // namespace upspec::clients

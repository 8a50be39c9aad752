// Mutations of the operations and map fields.
#include <algorithm>

#include "mutators.hpp"

namespace upspec::properties::mutators {
namespace {

mutated_request with_parts(const generated_request& g, std::vector<request_part> parts) {
  generated_request changed = g;
  changed.parts = std::move(parts);
  mutated_request m = start(g);
  m.body = body_of(changed);
  return m;
}

mutated_request with_field_body(const generated_request& g, part_role role, std::string body) {
  auto parts = g.parts;
  parts[g.index_of(role)].part.body = std::move(body);
  return with_parts(g, std::move(parts));
}

std::string not_json(const std::string& valid) {
  return *rc::gen::element<std::string>(valid.substr(0, valid.find_last_not_of(" \r\n\t")),
                                        valid + "}", "", "{'query': 1}", "{\"query\":\"\xff\"}",
                                        std::string(600, '[') + std::string(600, ']'), "/* c */ {}",
                                        "{\"a\":1,}", "nul");
}

json map_of(const generated_request& g) {
  return json::parse(g.parts[g.index_of(part_role::map)].part.body);
}

mutated_request with_map(const generated_request& g, const json& map) {
  return with_field_body(g, part_role::map, request::dump_json(map));
}

// A path of the first file, which the shape guarantees: (entry, index in the entry).
std::pair<std::string, std::size_t> some_path(const generated_request& g) {
  const file_model& f = g.files.at(0);
  return {f.field, *rc::gen::inRange<std::size_t>(0, f.paths.size())};
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  for (std::size_t from = 0;;) {
    const auto dot = path.find('.', from);
    out.push_back(path.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
    if (dot == std::string::npos) return out;
    from = dot + 1;
  }
}

std::string operation_prefix(const generated_request& g) {
  if (!g.model.batch) return "";
  return std::to_string(*rc::gen::inRange<std::size_t>(0, g.model.operations.size())) + ".";
}

mutated_request with_path(const generated_request& g, const json& replacement) {
  json map = map_of(g);
  const auto [field, i] = some_path(g);
  map[field][i] = replacement;
  return with_map(g, map);
}

}  // namespace

mutated_request operations_dropped(const generated_request& g) {
  std::vector<request_part> kept;
  for (const auto& p : g.parts)
    if ((p.role == part_role::ignored || p.role == part_role::skipped) && !p.has_filename &&
        p.part.name != "operations" && p.part.name != "map")
      kept.push_back(p);
  mutated_request m = with_parts(g, kept);
  m.expected = rejection("operations.missing", 400);
  return m;
}

mutated_request operations_not_json(const generated_request& g) {
  mutated_request m = with_field_body(
      g, part_role::operations, not_json(g.parts[g.index_of(part_role::operations)].part.body));
  m.expected = rejection("operations.invalid_json", 400);
  return m;
}

mutated_request operations_not_a_container(const generated_request& g) {
  mutated_request m = with_field_body(
      g, part_role::operations,
      *rc::gen::element<std::string>("1", "null", "true", "\"query\"", "-0.5", " 42 "));
  m.expected = rejection("operations.invalid_type", 400);
  return m;
}

mutated_request map_dropped(const generated_request& g) {
  std::vector<request_part> kept;
  for (const auto& p : g.parts)
    if (p.role != part_role::map && p.role != part_role::file && !p.has_filename &&
        p.part.name != "map")
      kept.push_back(p);
  mutated_request m = with_parts(g, kept);
  m.expected = rejection("map.missing", 400);
  return m;
}

mutated_request map_before_operations(const generated_request& g) {
  auto parts = g.parts;
  const std::size_t map = g.index_of(part_role::map);
  const request_part moved = parts[map];
  parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(map));
  const std::size_t to = *rc::gen::inRange<std::size_t>(0, g.index_of(part_role::operations) + 1);
  parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(to), moved);
  mutated_request m = with_parts(g, parts);
  m.expected = rejection("map.misordered", 400);
  return m;
}

mutated_request map_not_json(const generated_request& g) {
  mutated_request m = with_field_body(g, part_role::map, not_json(request::dump_json(map_of(g))));
  m.expected = rejection("map.invalid_json", 400);
  return m;
}

mutated_request map_not_an_object(const generated_request& g) {
  const std::string map = request::dump_json(map_of(g));
  mutated_request m = with_field_body(
      g, part_role::map,
      *rc::gen::element<std::string>("[]", "null", "1", "\"x\"", "true", "[" + map + "]"));
  m.expected = rejection("map.invalid_type", 400);
  return m;
}

mutated_request map_entry_not_an_array(const generated_request& g) {
  json map = map_of(g);
  const std::string field = g.files[*rc::gen::inRange<std::size_t>(0, g.files.size())].field;
  const json first = map[field].empty() ? json("variables.x") : map[field][0];
  map[field] = *rc::gen::element(first, json(1), json(nullptr), json{{"0", first}}, json(true));
  mutated_request m = with_map(g, map);
  m.expected = rejection("map.entry_invalid_type", 400);
  return m;
}

mutated_request map_path_not_a_string(const generated_request& g) {
  json map = map_of(g);
  const auto [field, i] = some_path(g);
  const json p = map[field][i];
  map[field][i] =
      *rc::gen::element(json(1), json(nullptr), json(true), json::array({p}), json{{"p", p}});
  mutated_request m = with_map(g, map);
  m.expected = rejection("map.path_invalid_type", 400);
  return m;
}

mutated_request map_path_through_a_value(const generated_request& g) {
  // Every operation has a string "query": nothing can be put inside it.
  const std::string tail = *rc::gen::element<std::string>("x", "0", "length", "query");
  mutated_request m = with_path(g, operation_prefix(g) + "query." + tail);
  m.expected = rejection("map.path_invalid", 400);
  return m;
}

mutated_request map_path_prototype_segment(const generated_request& g) {
  json map = map_of(g);
  const auto [field, i] = some_path(g);
  auto segments = split_path(map[field][i].get<std::string>());
  const std::string word = *rc::gen::element<std::string>("__proto__", "constructor", "prototype");
  const auto at = *rc::gen::inRange<std::size_t>(0, segments.size() + 1);
  if (at < segments.size() && *rc::gen::arbitrary<bool>())
    segments[at] = word;
  else
    segments.insert(segments.begin() + static_cast<std::ptrdiff_t>(at), word);
  map[field][i] = join_path(segments);
  mutated_request m = with_map(g, map);
  m.expected = rejection("map.path_invalid", 400);
  return m;
}

mutated_request map_path_not_an_index(const generated_request& g) {
  // Array steps that exist in the operations as sent (not ones object-path would create).
  const json sent = render_sent(g.model);
  std::vector<std::pair<std::vector<std::string>, std::size_t>> steps;
  for (const auto& f : g.files)
    for (const auto& path : f.paths) {
      const auto segments = split_path(path);
      const json* at = &sent;
      for (std::size_t s = 0; s < segments.size() && at != nullptr; ++s) {
        if (at->is_array()) steps.emplace_back(segments, s);
        const json* next = nullptr;
        if (at->is_object() && at->contains(segments[s])) next = &(*at)[segments[s]];
        if (at->is_array() && is_index_segment(segments[s]) && std::stoul(segments[s]) < at->size())
          next = &(*at)[std::stoul(segments[s])];
        at = next;
      }
    }
  // Leading zeros are the likeliest slip of an index parser.
  const std::string not_an_index =
      *rc::gen::element<std::string>("01", "00", "0123", "x", "-1", "", "+1", "1e1");
  const std::string fresh = operation_prefix(g) + "variables.upspecMutantArray";
  mutated_request m = start(g);
  switch (*rc::gen::inRange(steps.empty() ? 1 : 0, 3)) {
    case 0: {
      auto [segments, s] = *rc::gen::elementOf(steps);
      segments[s] = not_an_index;
      m = with_path(g, join_path(segments));
      break;
    }
    case 1: {
      // An array the first path creates, then walked with something that is not an index.
      json map = map_of(g);
      auto& paths = map[g.files.at(0).field];
      paths.push_back(fresh + ".0");
      paths.push_back(fresh + "." + not_an_index);
      m = with_map(g, map);
      break;
    }
    default:
      // A new array, indexed further than object-path pads.
      m = with_path(g, fresh + "." + std::to_string(*rc::gen::inRange<std::size_t>(1025, 100000)));
  }
  m.expected = rejection("map.path_invalid", 400);
  return m;
}

}  // namespace upspec::properties::mutators

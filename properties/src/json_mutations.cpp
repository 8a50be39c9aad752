// The operations and map fields as JSON, and the object paths of the map: built from the
// operations' own structure and from each other (prefixes, extensions, siblings, paths through
// values of the wrong type, numbers at type edges) and naming members that objects inherit in
// the languages servers are written in, or that the values servers put at a mapped path have
// (promises, streams, file objects), followed by further segments.

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <variant>

#include "model_mutators.hpp"

namespace upspec::properties::model_mutators {
namespace {

using path = std::vector<std::string>;

// Documents over the conformance schema, whole or as pieces that splice into others.
constexpr std::array<std::string_view, 16> kQueries{
    "mutation ($file: Upload!) { single(file: $file) { filename mimetype size sha256 } }",
    "mutation ($file: Upload) { optional(file: $file) { size } }",
    "mutation ($files: [Upload!]!) { multiple(files: $files) { filename sha256 } }",
    "mutation ($input: UploadTree!) { tree(input: $input) { filename size } }",
    "mutation ($file: Upload) { echoUpload(file: $file) }",
    "mutation { single(file: \"literal\") { size } }",
    "mutation ($v: String) { echo(value: $v) }",
    "{ ping }",
    "query Q { ping __typename } mutation M { echo(value: \"x\") }",
    "mutation ($f: Upload!) { a: single(file: $f) { size } b: single(file: $f) { sha256 } }",
    "mutation ($f: Upload!) { ...F } fragment F on Mutation { single(file: $f) { size } }",
    "mutation ($f: Upload!, $s: Boolean!) { single(file: $f) @skip(if: $s) { size } }",
    "mutation ($i: UploadTree = {file: null}) { tree(input: $i) { mimetype } }",
    "mutation ($f: Upload!) { single(file: $f) { ... on UploadedFile { size } } }",
    "mutation ($files: [Upload]) { multiple(files: $files) { size } }",
    "subscription { ping }",
};

std::string join(const path& p) {
  std::string out;
  for (std::size_t i = 0; i < p.size(); ++i) out += (i ? "." : "") + p[i];
  return out;
}

path split(const std::string& s) {
  path out;
  std::size_t start = 0;
  for (std::size_t dot; (dot = s.find('.', start)) != std::string::npos; start = dot + 1)
    out.push_back(s.substr(start, dot - start));
  out.push_back(s.substr(start));
  return out;
}

// Every node's path in a JSON value, breadth first, with the node.
void collect(const json& value, path& at, std::vector<std::pair<path, const json*>>& out,
             std::size_t most) {
  if (out.size() >= most) return;
  if (!at.empty()) out.emplace_back(at, &value);
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      at.push_back(key);
      collect(item, at, out, most);
      at.pop_back();
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      at.push_back(std::to_string(i));
      collect(value[i], at, out, most);
      at.pop_back();
    }
  }
}

std::vector<std::pair<path, const json*>> nodes_of(const json& value, std::size_t most = 256) {
  std::vector<std::pair<path, const json*>> out;
  path at;
  collect(value, at, out, most);
  return out;
}

// The string paths of a map's entries.
std::vector<std::string> map_paths(const json& map) {
  std::vector<std::string> out;
  if (!map.is_object()) return out;
  for (const auto& [key, entry] : map.items())
    if (entry.is_array())
      for (const auto& p : entry)
        if (p.is_string()) out.push_back(p.get<std::string>());
  return out;
}

json random_scalar(draw& d, const hazards& h) {
  switch (d.below(10)) {
    case 0:
      return nullptr;
    case 1:
      return d.one_in(2);
    case 2:
      return static_cast<std::int64_t>(d.below(2000)) - 1000;
    case 3: {
      const std::string n = d.hazard(h, hazard::numbers, "1");
      const json parsed = json::parse(n, nullptr, false);
      return parsed.is_discarded() ? json(n) : parsed;
    }
    case 4:
      return d.member(h);
    case 5:
      return json{{"$upload", std::to_string(d.below(3))}};
    case 6:
      return json::array({nullptr, nullptr});
    case 7:
      return json::object({{"file", nullptr}, {"child", {{"file", nullptr}}}});
    case 8:
      return std::string(d.one_in(2) ? 1024 : 70000, 'x');
    default:
      return json::object();
  }
}

// A segment to go on with: a member name, a number at an edge, an index, or a plain key.
std::string next_segment(draw& d, const hazards& h) {
  switch (d.below(6)) {
    case 0:
    case 1:
      return d.member(h);
    case 2:
      return d.hazard(h, hazard::numbers, "0");
    case 3:
      return std::to_string(d.below(4));
    case 4:
      return d.one_in(2) ? "" : "x";
    default:
      return d.pick(std::vector<std::string>{"file", "files", "child", "input", "variables"});
  }
}

// An object path built from what the request already has.
std::string make_path(const json& operations, const std::vector<std::string>& existing, draw& d,
                      const hazards& h) {
  const auto nodes = nodes_of(operations);
  path base;
  if (!existing.empty() && (nodes.empty() || d.one_in(2)))
    base = split(d.pick(existing));
  else if (!nodes.empty())
    base = d.pick(nodes).first;
  else
    base = {"variables", "file"};
  switch (d.below(9)) {
    case 0:  // the node itself
      break;
    case 1:  // a prefix
      if (base.size() > 1) base.resize(1 + d.below(base.size() - 1));
      break;
    case 2:  // an extension, one or more segments deep
    case 3:
      base.push_back(next_segment(d, h));
      while (d.one_in(2)) base.push_back(next_segment(d, h));
      break;
    case 4:  // a member that objects inherit, then more
      base.push_back(d.member(h));
      if (!d.one_in(3)) base.push_back(d.one_in(2) ? d.member(h) : "x");
      break;
    case 5: {  // a sibling: another key of the same object, or the next index
      if (base.empty()) break;
      const std::string last = base.back();
      base.pop_back();
      std::vector<std::string> siblings;
      for (const auto& [p, node] : nodes)
        if (p.size() == base.size() + 1 && std::equal(base.begin(), base.end(), p.begin()) &&
            p.back() != last)
          siblings.push_back(p.back());
      const bool index = !last.empty() && std::isdigit(static_cast<unsigned char>(last[0]));
      if (!siblings.empty() && d.one_in(2))
        base.push_back(d.pick(siblings));
      else if (index)
        base.push_back(std::to_string(std::stoull(last.substr(0, 9)) + 1));
      else
        base.push_back(last + "s");
      break;
    }
    case 6: {  // through a value of the wrong type: a scalar or a string of the operations
      std::vector<path> scalars;
      for (const auto& [p, node] : nodes)
        if (!node->is_object() && !node->is_array() && !node->is_null()) scalars.push_back(p);
      if (!scalars.empty()) base = d.pick(scalars);
      base.push_back(next_segment(d, h));
      break;
    }
    case 7:  // an index at a type's edge
      base.push_back(d.hazard(h, hazard::numbers, "4294967296"));
      break;
    default:  // the batch's shape the other way round
      if (!base.empty() && std::isdigit(static_cast<unsigned char>(base.front()[0])))
        base.erase(base.begin());
      else
        base.insert(base.begin(), std::to_string(d.below(2)));
  }
  return join(base);
}

void mutate_query(json& op, draw& d, const mutation_context& context) {
  std::string query = op.contains("query") && op["query"].is_string()
                          ? op["query"].get<std::string>()
                          : std::string(kQueries[d.below(kQueries.size())]);
  switch (d.below(3)) {
    case 0:
      query = std::string(kQueries[d.below(kQueries.size())]);
      break;
    case 1: {
      // A piece of another document spliced in: fragments, directives and arguments combine.
      const std::string_view other = kQueries[d.below(kQueries.size())];
      const std::size_t from = d.below(other.size());
      query.insert(d.below(query.size() + 1), other.substr(from, d.below(other.size() - from + 1)));
      break;
    }
    default:
      mutate_string(query, 64, d.rng(), context);
  }
  op["query"] = query;
}

// A member of an object, or an item of an array, chosen among the first 256 nodes.
json* random_node(json& root, draw& d) {
  std::vector<json*> nodes{&root};
  for (std::size_t i = 0; i < nodes.size() && nodes.size() < 256; ++i) {
    json& n = *nodes[i];
    if (n.is_object() || n.is_array())
      for (auto& child : n) nodes.push_back(&child);
  }
  return nodes[d.below(nodes.size())];
}

// Insert, delete, duplicate, reorder or replace one element of a container of `root`.
void mutate_element(json& root, draw& d, const hazards& h) {
  std::vector<json*> containers{&root};
  for (std::size_t i = 0; i < containers.size() && containers.size() < 128; ++i)
    for (auto& child : *containers[i])
      if (child.is_object() || child.is_array()) containers.push_back(&child);
  json& c = *containers[d.below(containers.size())];
  if (!c.is_object() && !c.is_array()) return;
  const std::size_t n = c.size();
  switch (d.below(5)) {
    case 0:  // insert
      if (c.is_array())
        c.insert(c.begin() + static_cast<std::ptrdiff_t>(d.below(n + 1)), random_scalar(d, h));
      else
        c[d.one_in(2) ? d.member(h) : "x" + std::to_string(d.below(10))] = random_scalar(d, h);
      return;
    case 1:  // delete
      if (n > 0) c.erase(std::next(c.begin(), static_cast<std::ptrdiff_t>(d.below(n))));
      return;
    case 2:  // duplicate
      if (n > 0 && c.is_array()) c.push_back(c[d.below(n)]);
      return;
    case 3: {  // reorder
      if (n < 2) return;
      if (c.is_array()) {
        std::swap(c[d.below(n)], c[d.below(n)]);
      } else {
        json reordered = json::object();
        std::vector<std::string> keys;
        for (const auto& [k, v] : c.items()) keys.push_back(k);
        std::rotate(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(1 + d.below(n - 1)),
                    keys.end());
        for (const auto& k : keys) reordered[k] = c[k];
        c = std::move(reordered);
      }
      return;
    }
    default:  // replace
      if (n > 0)
        *std::next(c.begin(), static_cast<std::ptrdiff_t>(d.below(n))) = random_scalar(d, h);
  }
}

// A JSON text with a member of its top-level object given twice: which one a parser keeps is
// its own choice (RFC 8259 §4).
std::string with_duplicate_member(const json& value, draw& d) {
  std::string text = request::dump_json(value);
  if (!value.is_object() || value.empty() || text.back() != '}') return text;
  auto it = value.begin();
  std::advance(it, static_cast<std::ptrdiff_t>(d.below(value.size())));
  text.pop_back();
  const json again = d.one_in(2) ? json(nullptr) : json::array({"variables.file"});
  return text + "," + json(it.key()).dump() + ":" + request::dump_json(again) + "}";
}

bool parse_field(const request_model& m, std::size_t i, json& out) {
  if (i >= m.parts.size()) return false;
  auto parsed = request::parse_json_field(m.parts[i].body);
  if (auto* v = std::get_if<json>(&parsed)) {
    out = std::move(*v);
    return true;
  }
  return false;
}

}  // namespace

void mutate_operations_field(request_model& m, draw& d, const mutation_context& context) {
  const hazards& h = context.dictionary;
  const std::size_t i = part_named(m, "operations");
  if (i == m.parts.size()) return;
  json operations;
  if (!parse_field(m, i, operations) || d.one_in(16))
    return mutate_string(m.parts[i].body, 32, d.rng(), context);
  json* op = &operations;
  if (operations.is_array() && !operations.empty()) op = &operations[d.below(operations.size())];
  switch (d.below(9)) {
    case 0:
    case 1:
      if (op->is_object()) mutate_query(*op, d, context);
      break;
    case 2:
      if (op->is_object()) {
        json& vars = (*op)["variables"];
        if (!vars.is_object()) vars = json::object();
        vars[d.pick(std::vector<std::string>{"file", "files", "input", "v", "f", "s"})] =
            random_scalar(d, h);
      }
      break;
    case 3:  // a batch of one, or one more operation in it
      if (operations.is_array())
        operations.push_back(operations.empty() ? json::object() : operations[0]);
      else
        operations = json::array({operations});
      break;
    case 4:
      if (op->is_object()) (*op)["operationName"] = d.one_in(2) ? json("M") : json(nullptr);
      break;
    case 5:
    case 6:
      mutate_element(operations, d, h);
      break;
    case 7:
      m.parts[i].body = with_duplicate_member(*op == operations ? operations : *op, d);
      return;
    default:
      *random_node(operations, d) = random_scalar(d, h);
  }
  m.parts[i].body = request::dump_json(operations);
}

void mutate_map_field(request_model& m, draw& d, const mutation_context& context) {
  const hazards& h = context.dictionary;
  const std::size_t i = part_named(m, "map");
  if (i == m.parts.size()) return;
  json map;
  if (!parse_field(m, i, map) || d.one_in(16))
    return mutate_string(m.parts[i].body, 32, d.rng(), context);
  json operations;
  parse_field(m, part_named(m, "operations"), operations);
  if (!map.is_object()) map = json::object();
  const std::vector<std::string> existing = map_paths(map);
  const std::string made = make_path(operations, existing, d, h);
  std::vector<std::string> keys;
  for (const auto& [k, v] : map.items()) keys.push_back(k);
  const std::string key = keys.empty() || d.one_in(4) ? std::to_string(d.below(4)) : d.pick(keys);
  json& entry = map[key];
  switch (d.below(12)) {
    case 0:
    case 1:
    case 2:  // replace one path of an entry
      if (entry.is_array() && !entry.empty())
        entry[d.below(entry.size())] = made;
      else
        entry = json::array({made});
      break;
    case 3:
    case 4:  // one more path for a file
      if (!entry.is_array()) entry = json::array();
      entry.push_back(d.one_in(3) && !entry.empty() ? entry[d.below(entry.size())] : json(made));
      break;
    case 5:  // a new entry, for a field that may or may not have a part
      map[d.one_in(2) ? std::to_string(keys.size()) : d.member(h)] = json::array({made});
      break;
    case 6:  // delete an entry, or one of its paths
      if (entry.is_array() && entry.size() > 1)
        entry.erase(entry.begin() + static_cast<std::ptrdiff_t>(d.below(entry.size())));
      else
        map.erase(key);
      break;
    case 7:  // entries and paths of the wrong type
      if (entry.is_array() && !entry.empty() && d.one_in(2))
        entry[d.below(entry.size())] = random_scalar(d, h);
      else
        entry = random_scalar(d, h);
      break;
    case 8:  // a path of many segments
    {
      path long_path = split(made);
      for (std::size_t k = 0, n = d.one_in(2) ? 64 : 2000; k < n; ++k)
        long_path.push_back(d.one_in(2) ? "0" : "child");
      entry = json::array({join(long_path)});
      break;
    }
    case 9:
      mutate_element(map, d, h);
      break;
    case 10:
      m.parts[i].body = with_duplicate_member(map, d);
      return;
    default:  // the whole map of another type
      map = d.one_in(2) ? json::array({json::array({made})}) : random_scalar(d, h);
  }
  m.parts[i].body = request::dump_json(map);
}

}  // namespace upspec::properties::model_mutators

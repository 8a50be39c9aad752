#include "structured/json_mutate.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size)
    __attribute__((weak));

namespace upspec::fuzz {
namespace {

using request::json;

std::size_t pick(random_source& rng, std::size_t n) {
  return n == 0 ? 0 : static_cast<std::size_t>(rng() % n);
}

template <typename T, std::size_t N>
const T& pick_from(const std::array<T, N>& items, random_source& rng) {
  return items[pick(rng, N)];
}

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

// The segments that object paths turn on: indices, look-alike indices, prototype segments.
constexpr std::array<std::string_view, 12> kSegments{"0",           "1",         "2", "01",
                                                     "1024",        "99999999",  "",  "__proto__",
                                                     "constructor", "prototype", "x", "variables"};

json random_scalar(random_source& rng) {
  switch (pick(rng, 9)) {
    case 0:
      return nullptr;
    case 1:
      return true;
    case 2:
      return static_cast<std::int64_t>(rng() % 2000) - 1000;
    case 3:
      return 1.5;
    case 4:
      return std::string(pick_from(kSegments, rng));
    case 5:
      return json{{"$upload", std::to_string(pick(rng, 3))}};
    case 6:
      return json::array({nullptr, nullptr});
    case 7:
      return json::object({{"file", nullptr}, {"child", {{"file", nullptr}}}});
    default:
      return json::object();
  }
}

// A node of a JSON tree, chosen evenly among its first 256 in breadth-first order.
json* random_node(json& root, random_source& rng) {
  std::vector<json*> nodes{&root};
  for (std::size_t i = 0; i < nodes.size() && nodes.size() < 256; ++i) {
    json& n = *nodes[i];
    if (n.is_object() || n.is_array())
      for (auto& child : n) nodes.push_back(&child);
  }
  return nodes[pick(rng, nodes.size())];
}

void mutate_query(json& op, random_source& rng) {
  std::string query = op.contains("query") && op["query"].is_string()
                          ? op["query"].get<std::string>()
                          : std::string(pick_from(kQueries, rng));
  switch (pick(rng, 3)) {
    case 0:
      query = std::string(pick_from(kQueries, rng));
      break;
    case 1: {
      // A piece of another document spliced in: fragments, directives and arguments combine.
      const std::string_view other = pick_from(kQueries, rng);
      const std::size_t from = pick(rng, other.size());
      const std::size_t at = pick(rng, query.size() + 1);
      query.insert(at, other.substr(from, pick(rng, other.size() - from + 1)));
      break;
    }
    default:
      mutate_bytes(query, 64, rng);
  }
  op["query"] = query;
}

void collect_paths(const json& value, const std::string& prefix, std::vector<std::string>& out,
                   std::size_t most) {
  if (out.size() >= most) return;
  if (!prefix.empty()) out.push_back(prefix);
  const std::string lead = prefix.empty() ? "" : prefix + ".";
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) collect_paths(item, lead + key, out, most);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      collect_paths(value[i], lead + std::to_string(i), out, most);
  }
}

}  // namespace

void mutate_bytes(std::string& s, std::size_t room, random_source& rng) {
  if (LLVMFuzzerMutate == nullptr) {
    if (!s.empty()) s[pick(rng, s.size())] = static_cast<char>(rng());
    return;
  }
  const std::size_t size = s.size();
  s.resize(size + room);
  s.resize(LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(s.data()), size, s.size()));
}

std::vector<std::string> paths_into(const json& operations, std::size_t most) {
  std::vector<std::string> out;
  collect_paths(operations, "", out, most);
  return out;
}

void mutate_operations(json& operations, random_source& rng) {
  json* op = &operations;
  if (operations.is_array() && !operations.empty()) op = &operations[pick(rng, operations.size())];
  switch (pick(rng, 6)) {
    case 0:
    case 1:
      if (op->is_object()) return mutate_query(*op, rng);
      break;
    case 2:
      if (op->is_object()) {
        json& vars = (*op)["variables"];
        if (!vars.is_object()) vars = json::object();
        vars[std::string(pick_from(
            std::array<std::string_view, 6>{"file", "files", "input", "v", "f", "s"}, rng))] =
            random_scalar(rng);
        return;
      }
      break;
    case 3:
      // A batch of one, or one more operation in it.
      if (operations.is_array()) {
        operations.push_back(operations.empty() ? json::object() : operations[0]);
      } else {
        operations = json::array({operations});
      }
      return;
    case 4:
      if (op->is_object()) {
        (*op)["operationName"] = pick(rng, 2) ? json("M") : json(nullptr);
        return;
      }
      break;
    default:
      break;
  }
  *random_node(operations, rng) = random_scalar(rng);
}

void mutate_map(json& map, const json& operations, random_source& rng) {
  if (!map.is_object()) map = json::object();
  const std::vector<std::string> targets = paths_into(operations);
  std::string path = targets.empty() ? "variables.file" : targets[pick(rng, targets.size())];
  switch (pick(rng, 5)) {
    case 0:
      path += "." + std::string(pick_from(kSegments, rng));
      break;
    case 1:
      path = std::string(pick_from(kSegments, rng)) + "." + path;
      break;
    default:
      break;
  }
  const std::string field = std::to_string(pick(rng, 4));
  switch (pick(rng, 6)) {
    case 0:
      map.erase(field);
      return;
    case 1:
      map[field] = random_scalar(rng);  // entries and paths of the wrong type
      return;
    case 2:
      if (map[field].is_array()) {
        map[field].push_back(path);
        return;
      }
      break;
    default:
      break;
  }
  map[field] = json::array({path});
}

}  // namespace upspec::fuzz

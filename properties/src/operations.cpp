#include "upspec/properties/operations.hpp"

#include <algorithm>

#include "upspec/properties/names.hpp"

namespace upspec::properties {
namespace {

value_node slot() {
  return value_node{value_node::kind::slot, {}, {}, {}, false};
}

rc::Gen<json> gen_scalar() {
  return rc::gen::weightedOneOf<json>({
      {2, rc::gen::just(json(nullptr))},
      {2, rc::gen::map(rc::gen::arbitrary<bool>(), [](bool b) { return json(b); })},
      {2, rc::gen::map(rc::gen::arbitrary<int>(), [](int i) { return json(i); })},
      {1, rc::gen::element(json(0.5), json(-1e300), json(3.141592653589793), json(1e-7))},
      {3, rc::gen::map(rc::gen::element<std::string>("", "text", "\xc3\xa9t\xc3\xa9",
                                                     "quote \" and \\ backslash", "line\r\nbreak",
                                                     "--", "\xe2\x80\xa8", "{\"$upload\":\"0\"}"),
                       [](std::string s) { return json(std::move(s)); })},
  });
}

// A String variable's value: text with the characters that JSON and GraphQL escape.
rc::Gen<json> gen_scalar_string() {
  return rc::gen::map(
      rc::gen::element<std::string>("", "text", "\xc3\xa9t\xc3\xa9", "quote \" and \\ backslash",
                                    "line\r\nbreak", "--", "\xe2\x80\xa8"),
      [](std::string v) { return json(std::move(v)); });
}

value_node gen_value(int depth);

value_node gen_object(int depth) {
  value_node node;
  node.k = value_node::kind::object;
  const auto n = *rc::gen::inRange(0, 5);
  for (int i = 0; i < n; ++i) {
    std::string key = *gen_object_key();
    const bool taken = std::any_of(node.members.begin(), node.members.end(),
                                   [&](const auto& m) { return m.key == key; });
    if (!taken) node.members.push_back({std::move(key), gen_value(depth - 1)});
  }
  return node;
}

value_node gen_array(int depth) {
  value_node node;
  node.k = value_node::kind::array;
  const auto n = *rc::gen::inRange(0, 5);
  for (int i = 0; i < n; ++i) node.items.push_back(gen_value(depth - 1));
  return node;
}

value_node gen_value(int depth) {
  const int choice = *rc::gen::weightedElement<int>(
      {{4, 0}, {3, 1}, {depth > 0 ? 2 : 0, 2}, {depth > 0 ? 2 : 0, 3}});
  switch (choice) {
    case 0:
      return value_node{value_node::kind::scalar, *gen_scalar(), {}, {}, false};
    case 1:
      return slot();
    case 2:
      return gen_object(depth);
    default:
      return gen_array(depth);
  }
}

// A slot inside 0 to 2 containers that do not exist yet. Object-path makes an array for a
// segment followed by an index and an object otherwise, so the keys chosen here are never
// index-like and arrays are padded with nulls as object-path pads them.
value_node gen_absent_chain() {
  value_node node = slot();
  const auto levels = *rc::gen::inRange(0, 3);
  for (int i = 0; i < levels; ++i) {
    value_node outer;
    if (*rc::gen::arbitrary<bool>()) {
      outer.k = value_node::kind::array;
      const auto index = *rc::gen::inRange(0, 3);
      for (int j = 0; j < index; ++j) outer.items.push_back({});
      outer.items.push_back(std::move(node));
    } else {
      outer.k = value_node::kind::object;
      std::string key = *gen_object_key();
      if (is_index_segment(key)) key += "k";
      outer.members.push_back({std::move(key), std::move(node)});
    }
    node = std::move(outer);
  }
  node.absent = true;
  return node;
}

// Adds a member under a key the object does not have yet.
void add_member(value_node& object, std::string key, value_node value) {
  while (std::any_of(object.members.begin(), object.members.end(),
                     [&](const auto& m) { return m.key == key; }))
    key += "_";
  object.members.push_back({std::move(key), std::move(value)});
}

// Gives some objects of the tree one absent member, appended last.
void add_absent_members(value_node& node) {
  if (node.k == value_node::kind::object) {
    for (auto& [key, child] : node.members) add_absent_members(child);
    if (*rc::gen::weightedElement<bool>({{1, true}, {5, false}}))
      add_member(node, *gen_object_key(), gen_absent_chain());
  } else if (node.k == value_node::kind::array) {
    for (auto& child : node.items) add_absent_members(child);
  }
}

std::size_t count_slots(const value_node& node) {
  switch (node.k) {
    case value_node::kind::slot:
      return 1;
    case value_node::kind::object: {
      std::size_t n = 0;
      for (const auto& [key, child] : node.members) n += count_slots(child);
      return n;
    }
    case value_node::kind::array: {
      std::size_t n = 0;
      for (const auto& child : node.items) n += count_slots(child);
      return n;
    }
    default:
      return 0;
  }
}

void collect_slots(const value_node& node, object_path& at, std::vector<object_path>& out) {
  switch (node.k) {
    case value_node::kind::slot:
      out.push_back(at);
      return;
    case value_node::kind::object:
      for (const auto& [key, child] : node.members) {
        at.push_back(key);
        collect_slots(child, at, out);
        at.pop_back();
      }
      return;
    case value_node::kind::array:
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        at.push_back(std::to_string(i));
        collect_slots(node.items[i], at, out);
        at.pop_back();
      }
      return;
    default:
      return;
  }
}

// Slots are numbered in the order collect_slots visits them.
json render(const value_node& node, const std::vector<std::optional<std::string>>* fields,
            std::size_t& next_slot) {
  switch (node.k) {
    case value_node::kind::scalar:
      return node.scalar;
    case value_node::kind::slot: {
      const std::size_t i = next_slot++;
      if (fields == nullptr || !(*fields)[i]) return nullptr;
      return json{{"$upload", *(*fields)[i]}};
    }
    case value_node::kind::object: {
      json out = json::object();
      for (const auto& [key, child] : node.members) {
        // An absent chain holds one slot; object-path creates it only when a file maps there.
        if (child.absent && (fields == nullptr || !(*fields)[next_slot])) {
          next_slot += count_slots(child);
          continue;
        }
        out[key] = render(child, fields, next_slot);
      }
      return out;
    }
    case value_node::kind::array: {
      json out = json::array();
      for (const auto& child : node.items) out.push_back(render(child, fields, next_slot));
      return out;
    }
  }
  return nullptr;
}

json render_all(const operations_model& ops,
                const std::vector<std::optional<std::string>>* fields) {
  std::size_t next_slot = 0;
  json list = json::array();
  for (const auto& op : ops.operations) {
    json o = json::object();
    o["query"] = op.query;
    if (op.operation_name) o["operationName"] = *op.operation_name;
    o["variables"] = render(op.variables, fields, next_slot);
    list.push_back(std::move(o));
  }
  return ops.batch ? list : list.at(0);
}

constexpr std::string_view kSelection = "{ filename mimetype size sha256 }";

value_node null_value() {
  return value_node{value_node::kind::scalar, json(nullptr), {}, {}, false};
}

value_node object_of(std::vector<value_member> members) {
  value_node node;
  node.k = value_node::kind::object;
  node.members = std::move(members);
  return node;
}

value_node slots(std::size_t n) {
  value_node list;
  list.k = value_node::kind::array;
  for (std::size_t i = 0; i < n; ++i) list.items.push_back(slot());
  return list;
}

// An UploadTree input: its own file, a list of files, a child tree; a child may be absent,
// holding one file for object-path to create.
value_node gen_tree(int depth, bool absent) {
  value_node tree = object_of({});
  if (*rc::gen::weightedElement<bool>({{3, true}, {1, false}}))
    tree.members.push_back(
        {"file", *rc::gen::weightedElement<bool>({{4, true}, {1, false}}) ? slot() : null_value()});
  if (*rc::gen::arbitrary<bool>())
    tree.members.push_back({"files", slots(*rc::gen::inRange<std::size_t>(0, 4))});
  if (depth > 0 && *rc::gen::arbitrary<bool>()) {
    if (absent && *rc::gen::weightedElement<bool>({{1, true}, {3, false}})) {
      value_node child = object_of({{"file", slot()}});
      child.absent = true;
      tree.members.push_back({"child", std::move(child)});
    } else {
      tree.members.push_back({"child", gen_tree(depth - 1, absent)});
    }
  }
  return tree;
}

operation_model gen_schema_operation(bool needs_slot, std::size_t min_files, bool absent) {
  const std::string sel(kSelection);
  operation_model op;
  // 0 single, 1 optional, 2 multiple, 3 single and multiple, 4 tree, 5 echo, 6 ping.
  const int kind = needs_slot ? *rc::gen::element(0, 2, 3, 4)
                              : *rc::gen::weightedElement<int>(
                                    {{4, 0}, {2, 1}, {3, 2}, {2, 3}, {3, 4}, {1, 5}, {1, 6}});
  const std::size_t many = std::max<std::size_t>(min_files, *rc::gen::inRange<std::size_t>(1, 5));
  value_node file = slot();
  if (absent && kind == 0 && *rc::gen::weightedElement<bool>({{1, true}, {7, false}}))
    file.absent = true;  // variables.file created by the map alone
  switch (kind) {
    case 0:
      op.query = "mutation ($file: Upload!) { single(file: $file) " + sel + " }";
      op.variables = object_of({{"file", std::move(file)}});
      break;
    case 1:
      op.query = "mutation ($file: Upload) { optional(file: $file) " + sel + " }";
      op.variables = object_of({{"file", *rc::gen::arbitrary<bool>() ? slot() : null_value()}});
      break;
    case 2:
      op.query = "mutation ($files: [Upload!]!) { multiple(files: $files) " + sel + " }";
      op.variables = object_of({{"files", slots(many)}});
      break;
    case 3:
      op.query = "mutation ($file: Upload!, $files: [Upload!]!) { single(file: $file) " + sel +
                 " multiple(files: $files) " + sel + " }";
      op.variables = object_of({{"file", slot()}, {"files", slots(many)}});
      break;
    case 4: {
      op.query = "mutation ($input: UploadTree!) { tree(input: $input) " + sel + " }";
      value_node tree = gen_tree(*rc::gen::inRange(0, 4), absent);
      if (needs_slot && count_slots(tree) == 0)
        tree.members.insert(tree.members.begin(), {"file", slot()});
      op.variables = object_of({{"input", std::move(tree)}});
      break;
    }
    case 5:
      op.query = "mutation ($v: String) { echo(value: $v) }";
      op.variables = object_of(
          {{"v", value_node{value_node::kind::scalar, *gen_scalar_string(), {}, {}, false}}});
      break;
    default:
      op.query = "{ ping }";
      op.variables = object_of({});
  }
  return op;
}

}  // namespace

rc::Gen<operations_model> gen_schema_operations(schema_shape shape) {
  return rc::gen::exec([shape] {
    operations_model ops;
    ops.batch = shape.batches && *rc::gen::weightedElement<bool>({{1, true}, {4, false}});
    const int count = ops.batch ? *rc::gen::inRange(1, 4) : 1;
    for (int i = 0; i < count; ++i)
      ops.operations.push_back(
          gen_schema_operation(i == 0 && shape.min_slots > 0, shape.min_slots, shape.absent));
    return ops;
  });
}

bool is_index_segment(const std::string& segment) {
  return !segment.empty() && segment.size() <= 9 &&
         std::all_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         (segment.size() == 1 || segment.front() != '0');
}

std::string join_path(const object_path& segments) {
  std::string out;
  for (std::size_t i = 0; i < segments.size(); ++i) out += (i ? "." : "") + segments[i];
  return out;
}

std::vector<object_path> slot_paths(const operations_model& ops) {
  std::vector<object_path> out;
  for (std::size_t i = 0; i < ops.operations.size(); ++i) {
    object_path at;
    if (ops.batch) at.push_back(std::to_string(i));
    at.push_back("variables");
    collect_slots(ops.operations[i].variables, at, out);
  }
  return out;
}

json render_sent(const operations_model& ops) {
  return render_all(ops, nullptr);
}

json render_expected(const operations_model& ops,
                     const std::vector<std::optional<std::string>>& field_of_slot) {
  return render_all(ops, &field_of_slot);
}

rc::Gen<operations_model> gen_operations(std::size_t min_slots) {
  return rc::gen::exec([min_slots] {
    operations_model ops;
    ops.batch = *rc::gen::weightedElement<bool>({{1, true}, {3, false}});
    const int count = ops.batch ? *rc::gen::inRange(1, 4) : 1;
    for (int i = 0; i < count; ++i) {
      operation_model op;
      op.query = *rc::gen::element<std::string>(
          "mutation ($file: Upload!) { single(file: $file) { sha256 } }",
          "mutation ($files: [Upload!]!) { multiple(files: $files) { size } }",
          "mutation ($input: UploadTree!) { tree(input: $input) { filename } }", "{ ping }",
          "query \xc3\xa9 \" \\ \r\n");
      if (*rc::gen::arbitrary<bool>())
        op.operation_name = *rc::gen::element(json(nullptr), json("Upload"), json("\xc3\xa9"));
      const int depth = *rc::gen::inRange(0, 4);
      op.variables = gen_object(depth);
      add_absent_members(op.variables);
      ops.operations.push_back(std::move(op));
    }
    std::size_t slots = 0;
    for (const auto& op : ops.operations) slots += count_slots(op.variables);
    // Extra slots go before any absent member, which must stay last.
    auto& vars = ops.operations.front().variables;
    for (; slots < min_slots; ++slots) {
      const auto absent = std::find_if(vars.members.begin(), vars.members.end(),
                                       [](const auto& m) { return m.value.absent; });
      std::string key = "file" + std::to_string(slots);
      while (std::any_of(vars.members.begin(), vars.members.end(),
                         [&](const auto& m) { return m.key == key; }))
        key += "_";
      vars.members.insert(absent, {std::move(key), slot()});
    }
    return ops;
  });
}

}  // namespace upspec::properties

// GraphQL Oct 2021 §5.3.2 Field Selection Merging, as graphql-js
// OverlappingFieldsCanBeMergedRule words its errors. Each selection set with a known type is
// checked once, with its fragment spreads followed; a conflict wholly inside one fragment is
// left to that fragment's own check. Every field collected and every pair compared is paid
// for from the validation budget, which bounds documents built to make this rule explode.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "upspec/graphql/printer.hpp"
#include "validation_context.hpp"

namespace upspec::execution {
namespace {

struct collected_field {
  const graphql::Field* node = nullptr;
  const named_type* parent = nullptr;  // nullptr when unknown
  const field_def* def = nullptr;      // nullptr when unknown
  int origin = -1;                     // which top-level fragment spread it came through; -1: none
};

struct field_map {
  std::vector<std::pair<std::string_view, std::vector<collected_field>>> groups;
  std::unordered_map<std::string_view, std::size_t> index;

  void add(const collected_field& field) {
    const auto [at, added] = index.emplace(field.node->response_key(), groups.size());
    if (added) groups.push_back({field.node->response_key(), {}});
    groups[at->second].second.push_back(field);
  }
  const std::vector<collected_field>* find(std::string_view key) const {
    const auto it = index.find(key);
    return it == index.end() ? nullptr : &groups[it->second].second;
  }
};

struct conflict {
  std::string reason;
  std::vector<graphql::SourceLocation> fields1;
  std::vector<graphql::SourceLocation> fields2;
};

const named_type* composite(validation_context& ctx, std::string_view name) {
  const named_type* type = ctx.types.type(name);
  return type && type->is_composite() ? type : nullptr;
}

// The fields of a selection set, fragments followed once each, with an explicit stack.
field_map collect(validation_context& ctx, const graphql::SelectionSet& set,
                  const named_type* parent) {
  struct frame {
    const graphql::SelectionSet* set;
    std::size_t next;
    const named_type* parent;
    int origin;
  };
  field_map fields;
  std::set<std::string_view> visited;
  int next_origin = 0;
  std::vector<frame> stack{{&set, 0, parent, -1}};
  while (!stack.empty()) {
    frame& top = stack.back();
    if (top.next == top.set->selections.size()) {
      stack.pop_back();
      continue;
    }
    const graphql::Selection& selection = top.set->selections[top.next++];
    const named_type* here = top.parent;
    const int origin = top.origin;
    ctx.spend();
    if (const auto* field = selection.as<graphql::Field>()) {
      fields.add({field, here, here ? here->field(field->name) : nullptr, origin});
    } else if (const auto* spread = selection.as<graphql::FragmentSpread>()) {
      if (!visited.insert(spread->name).second) continue;
      const auto fragment = ctx.fragments.find(spread->name);
      if (fragment == ctx.fragments.end()) continue;
      stack.push_back({&fragment->second->selection_set, 0,
                       composite(ctx, fragment->second->type_condition.name),
                       origin >= 0 ? origin : next_origin++});
    } else {
      const auto& inline_fragment = *selection.as<graphql::InlineFragment>();
      const named_type* type = inline_fragment.type_condition
                                   ? composite(ctx, inline_fragment.type_condition->name)
                                   : here;
      stack.push_back({&inline_fragment.selection_set, 0, type, origin});
    }
  }
  return fields;
}

bool same_arguments(validation_context& ctx, const graphql::Field& a, const graphql::Field& b) {
  if (a.arguments.size() != b.arguments.size()) return false;
  ctx.spend(a.arguments.size());
  std::map<std::string_view, const graphql::Value*> other;
  for (const graphql::Argument& argument : b.arguments)
    other.emplace(argument.name, &argument.value);
  for (const graphql::Argument& argument : a.arguments) {
    const auto it = other.find(argument.name);
    if (it == other.end() || graphql::print(argument.value) != graphql::print(*it->second))
      return false;
  }
  return true;
}

// graphql-js doTypesConflict(): list and non-null shapes must match, leaf types must be equal.
bool types_conflict(validation_context& ctx, const type_ref& a, const type_ref& b) {
  if (a.is_list() || b.is_list())
    return !(a.is_list() && b.is_list()) || types_conflict(ctx, *a.of, *b.of);
  if (a.is_non_null() || b.is_non_null())
    return !(a.is_non_null() && b.is_non_null()) || types_conflict(ctx, *a.of, *b.of);
  const named_type* x = ctx.types.type(a.name);
  const named_type* y = ctx.types.type(b.name);
  if ((x && x->is_leaf()) || (y && y->is_leaf())) return a.name != b.name;
  return false;
}

std::optional<conflict> find_conflict(validation_context& ctx, const collected_field& a,
                                      const collected_field& b, bool exclusive);

std::vector<std::pair<std::string_view, conflict>> sub_conflicts(validation_context& ctx,
                                                                 const collected_field& a,
                                                                 const collected_field& b,
                                                                 bool exclusive) {
  const auto sub_type = [&](const collected_field& f) {
    return f.def ? composite(ctx, f.def->type.named_type()) : nullptr;
  };
  const field_map first = collect(ctx, *a.node->selection_set, sub_type(a));
  const field_map second = collect(ctx, *b.node->selection_set, sub_type(b));
  std::vector<std::pair<std::string_view, conflict>> found;
  for (const auto& [key, fields] : first.groups) {
    const std::vector<collected_field>* others = second.find(key);
    if (!others) continue;
    for (const collected_field& x : fields)
      for (const collected_field& y : *others) {
        ctx.spend();
        if (auto c = find_conflict(ctx, x, y, exclusive)) found.emplace_back(key, std::move(*c));
      }
  }
  return found;
}

// Recursion follows selection set nesting, which the parser bounds.
std::optional<conflict> find_conflict(validation_context& ctx, const collected_field& a,
                                      const collected_field& b, bool exclusive) {
  if (a.node == b.node) return std::nullopt;
  // Fields of two different object types never both apply (not possible in this schema's
  // valid documents, kept for the invalid ones).
  exclusive = exclusive || (a.parent && b.parent && a.parent != b.parent);
  const auto simple = [&](std::string reason) {
    return conflict{std::move(reason), {a.node->location}, {b.node->location}};
  };
  if (!exclusive) {
    if (a.node->name != b.node->name)
      return simple("\"" + a.node->name + "\" and \"" + b.node->name + "\" are different fields");
    if (!same_arguments(ctx, *a.node, *b.node)) return simple("they have differing arguments");
  }
  if (a.def && b.def && types_conflict(ctx, a.def->type, b.def->type))
    return simple("they return conflicting types \"" + to_string(a.def->type) + "\" and \"" +
                  to_string(b.def->type) + "\"");
  if (!a.node->selection_set || !b.node->selection_set) return std::nullopt;
  auto subs = sub_conflicts(ctx, a, b, exclusive);
  if (subs.empty()) return std::nullopt;
  conflict out{"", {a.node->location}, {b.node->location}};
  for (auto& [key, sub] : subs) {
    if (!out.reason.empty()) out.reason += " and ";
    out.reason += "subfields \"" + std::string(key) + "\" conflict because " + sub.reason;
    out.fields1.insert(out.fields1.end(), sub.fields1.begin(), sub.fields1.end());
    out.fields2.insert(out.fields2.end(), sub.fields2.begin(), sub.fields2.end());
  }
  return out;
}

// Leaf fields that repeat one another exactly (same name, arguments, type, origin) conflict
// with nothing among themselves and with everything else alike: one of each is enough, which
// keeps a selection of many identical fields linear instead of quadratic.
std::vector<collected_field> distinct(validation_context& ctx,
                                      const std::vector<collected_field>& group) {
  std::vector<collected_field> out;
  std::set<std::string> seen;
  for (const collected_field& field : group) {
    if (field.node->selection_set) {
      out.push_back(field);
      continue;
    }
    ctx.spend(field.node->arguments.size());
    std::map<std::string_view, std::string> args;
    for (const graphql::Argument& argument : field.node->arguments)
      args.emplace(argument.name, graphql::print(argument.value));
    std::string signature = std::to_string(field.origin) + " " + field.node->name + " " +
                            std::to_string(reinterpret_cast<std::uintptr_t>(field.def));
    for (const auto& [name, value] : args) signature += " " + std::string(name) + ":" + value;
    if (seen.insert(std::move(signature)).second) out.push_back(field);
  }
  return out;
}

void check_set(validation_context& ctx, const typed_selection_set& typed) {
  const field_map fields = collect(ctx, *typed.set, typed.parent);
  for (const auto& [key, all] : fields.groups) {
    const std::vector<collected_field> group = all.size() > 1 ? distinct(ctx, all) : all;
    for (std::size_t i = 0; i < group.size(); ++i)
      for (std::size_t j = i + 1; j < group.size(); ++j) {
        if (group[i].origin >= 0 && group[i].origin == group[j].origin) continue;
        ctx.spend();
        auto c = find_conflict(ctx, group[i], group[j], false);
        if (!c) continue;
        std::vector<graphql::SourceLocation> at = c->fields1;
        at.insert(at.end(), c->fields2.begin(), c->fields2.end());
        ctx.report("Fields \"" + std::string(key) + "\" conflict because " + c->reason +
                       ". Use different aliases on the fields to fetch both if this was "
                       "intentional.",
                   std::move(at));
      }
  }
}

}  // namespace

void check_overlapping_fields(validation_context& ctx) {
  for (const typed_selection_set& typed : ctx.selection_sets) check_set(ctx, typed);
}

}  // namespace upspec::execution

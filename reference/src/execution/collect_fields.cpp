#include "collect_fields.hpp"

#include <set>
#include <unordered_map>

#include "coerce_arguments.hpp"

namespace upspec::execution {
namespace {

// GraphQL Oct 2021 §3.13.2, §3.13.3: @skip(if: true) and @include(if: false) leave a
// selection out. graphql-js reads the first directive of each name.
std::variant<bool, graphql_error> should_include(const std::vector<graphql::Directive>& directives,
                                                 const variable_values& variables) {
  for (const char* name : {"skip", "include"}) {
    const graphql::Directive* directive = nullptr;
    for (const graphql::Directive& d : directives)
      if (d.name == name && !directive) directive = &d;
    if (!directive) continue;
    auto args = coerce_argument_values(conformance_schema().directive(name)->args,
                                       directive->arguments, directive->location, variables);
    if (auto* error = std::get_if<graphql_error>(&args)) return std::move(*error);
    const input_value* condition = &std::get<argument_values>(args).at("if");
    const bool* value = condition->as<bool>();
    if (value && *value == (std::string_view(name) == "skip")) return false;
  }
  return true;
}

// GraphQL Oct 2021 §6.3.2 DoesFragmentTypeApply: without interfaces or unions, a condition
// applies to the object type it names.
bool applies(const graphql::NamedType* condition, const named_type& type) {
  return !condition || condition->name == type.name;
}

}  // namespace

fragment_map index_fragments(const graphql::Document& document) {
  fragment_map fragments;
  for (const graphql::Definition& definition : document.definitions)
    if (const auto* fragment = definition.as<graphql::FragmentDefinition>())
      fragments[fragment->name] = fragment;
  return fragments;
}

// Depth-first with an explicit stack, so that a long chain of fragment spreads cannot
// exhaust the call stack; each fragment is entered once per collection (§6.3.2 step 3.c).
std::variant<grouped_fields, graphql_error> collect_fields(
    const named_type& type, const std::vector<const graphql::SelectionSet*>& sets,
    const fragment_map& fragments, const variable_values& variables) {
  grouped_fields groups;
  std::unordered_map<std::string_view, std::size_t> index;
  std::set<std::string_view> visited;
  struct frame {
    const graphql::SelectionSet* set;
    std::size_t next;
  };
  std::vector<frame> stack;
  for (auto it = sets.rbegin(); it != sets.rend(); ++it) stack.push_back({*it, 0});
  while (!stack.empty()) {
    frame& top = stack.back();
    if (top.next == top.set->selections.size()) {
      stack.pop_back();
      continue;
    }
    const graphql::Selection& selection = top.set->selections[top.next++];
    if (const auto* field = selection.as<graphql::Field>()) {
      auto include = should_include(field->directives, variables);
      if (auto* error = std::get_if<graphql_error>(&include)) return std::move(*error);
      if (!std::get<bool>(include)) continue;
      const std::string& key = field->response_key();
      const auto [at, added] = index.emplace(key, groups.size());
      if (added) groups.push_back({key, {}});
      groups[at->second].fields.push_back(field);
    } else if (const auto* spread = selection.as<graphql::FragmentSpread>()) {
      if (visited.count(spread->name)) continue;
      auto include = should_include(spread->directives, variables);
      if (auto* error = std::get_if<graphql_error>(&include)) return std::move(*error);
      if (!std::get<bool>(include)) continue;
      visited.insert(spread->name);
      const auto fragment = fragments.find(spread->name);
      if (fragment == fragments.end() || !applies(&fragment->second->type_condition, type))
        continue;
      stack.push_back({&fragment->second->selection_set, 0});
    } else {
      const auto& inline_fragment = *selection.as<graphql::InlineFragment>();
      auto include = should_include(inline_fragment.directives, variables);
      if (auto* error = std::get_if<graphql_error>(&include)) return std::move(*error);
      const graphql::NamedType* condition =
          inline_fragment.type_condition ? &*inline_fragment.type_condition : nullptr;
      if (!std::get<bool>(include) || !applies(condition, type)) continue;
      stack.push_back({&inline_fragment.selection_set, 0});
    }
  }
  return groups;
}

}  // namespace upspec::execution

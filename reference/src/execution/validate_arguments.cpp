// Directives (GraphQL Oct 2021 §5.7) and the arguments of fields and directives (§5.4).

#include <map>
#include <string>
#include <unordered_map>

#include "suggestions.hpp"
#include "validation_context.hpp"

namespace upspec::execution {

void walk_directives(validation_context& ctx, const std::vector<graphql::Directive>& directives,
                     std::string_view location, definition_facts& facts) {
  std::map<std::string_view, graphql::SourceLocation> seen;
  for (const graphql::Directive& directive : directives) {
    const directive_def* def = ctx.types.directive(directive.name);
    if (!def) {
      // GraphQL Oct 2021 §5.7.1 Directives Are Defined.
      ctx.report("Unknown directive \"@" + directive.name + "\".", {directive.location});
    } else {
      // GraphQL Oct 2021 §5.7.2 Directives Are In Valid Locations.
      bool allowed = false;
      for (std::string_view candidate : def->locations) allowed = allowed || candidate == location;
      if (!allowed)
        ctx.report("Directive \"@" + directive.name + "\" may not be used on " +
                       std::string(location) + ".",
                   {directive.location});
      // GraphQL Oct 2021 §5.7.3 Directives Are Unique Per Location (none here is repeatable).
      const auto [first, added] = seen.emplace(directive.name, directive.location);
      if (!added)
        ctx.report(
            "The directive \"@" + directive.name + "\" can only be used once at this location.",
            {first->second, directive.location});
    }
    walk_arguments(ctx, directive.arguments, def ? &def->args : nullptr, true, directive.name,
                   directive.location, facts);
  }
}

void walk_arguments(validation_context& ctx, const std::vector<graphql::Argument>& arguments,
                    const std::vector<input_def>* defs, bool directive, std::string_view owner,
                    graphql::SourceLocation node, definition_facts& facts) {
  // GraphQL Oct 2021 §5.4.2 Argument Uniqueness: one error per repeated name, at each use.
  std::vector<std::pair<std::string_view, std::vector<graphql::SourceLocation>>> by_name;
  std::unordered_map<std::string_view, std::size_t> index;
  for (const graphql::Argument& argument : arguments) {
    const auto [at, added] = index.emplace(argument.name, by_name.size());
    if (added) by_name.push_back({argument.name, {}});
    by_name[at->second].second.push_back(argument.location);
  }
  for (const auto& [name, uses] : by_name)
    if (uses.size() > 1)
      ctx.report("There can be only one argument named \"" + std::string(name) + "\".", uses);

  const std::string where = directive ? " on directive \"@" + std::string(owner) + "\"."
                                      : " on field \"" + std::string(owner) + "\".";
  for (const graphql::Argument& argument : arguments) {
    const input_def* def = nullptr;
    if (defs) {
      for (const input_def& candidate : *defs)
        if (candidate.name == argument.name) def = &candidate;
      if (!def) {
        // GraphQL Oct 2021 §5.4.1 Argument Names.
        std::vector<std::string> names;
        for (const input_def& candidate : *defs) names.push_back(candidate.name);
        ctx.report("Unknown argument \"" + argument.name + "\"" + where +
                       did_you_mean(suggestion_list(argument.name, names)),
                   {argument.location});
      }
    }
    walk_value(ctx, argument.value, def ? &def->type : nullptr, def && def->has_default, true,
               facts);
  }

  if (!defs) return;
  // GraphQL Oct 2021 §5.4.2.1 Required Arguments.
  for (const input_def& def : *defs) {
    if (!def.type.is_non_null() || def.has_default) continue;
    bool given = false;
    for (const graphql::Argument& argument : arguments) given = given || argument.name == def.name;
    if (given) continue;
    const std::string type = to_string(def.type);
    if (directive) {
      ctx.report("Directive \"@" + std::string(owner) + "\" argument \"" + def.name +
                     "\" of type \"" + type + "\" is required, but it was not provided.",
                 {node});
    } else {
      const std::string field = std::string(owner.substr(owner.find('.') + 1));
      ctx.report("Field \"" + field + "\" argument \"" + def.name + "\" of type \"" + type +
                     "\" is required, but it was not provided.",
                 {node});
    }
  }
}

}  // namespace upspec::execution

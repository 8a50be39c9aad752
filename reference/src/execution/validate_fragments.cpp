// Fragments must be used and must not form cycles (GraphQL Oct 2021 §5.5.1.4, §5.5.2.2).

#include <map>
#include <set>
#include <string>

#include "validation_context.hpp"

namespace upspec::execution {
namespace {

void check_unused(validation_context& ctx) {
  definition_facts roots;
  for (const graphql::Definition& definition : ctx.document.definitions)
    if (const auto* op = definition.as<graphql::OperationDefinition>()) {
      const auto& spreads = ctx.facts(op).spreads;
      roots.spreads.insert(roots.spreads.end(), spreads.begin(), spreads.end());
    }
  std::set<std::string_view> used;
  for (const graphql::FragmentDefinition* fragment : ctx.reachable_fragments(roots))
    used.insert(fragment->name);
  for (const graphql::Definition& definition : ctx.document.definitions)
    if (const auto* fragment = definition.as<graphql::FragmentDefinition>())
      if (!used.count(fragment->name))
        ctx.report("Fragment \"" + fragment->name + "\" is never used.", {fragment->location});
}

// graphql-js NoFragmentCycles: a depth-first search from each fragment over its spreads,
// reporting each spread that leads back into the current path. The search keeps its own
// stack, as the chain of spreads can be as long as the document allows.
class cycle_finder {
 public:
  explicit cycle_finder(validation_context& ctx) : ctx_(ctx) {}

  void search(const graphql::FragmentDefinition& start) {
    if (!enter(start)) return;
    while (!stack_.empty()) {
      frame& top = stack_.back();
      const auto& spreads = ctx_.facts(top.fragment).spreads;
      if (top.next == spreads.size()) {
        on_path_.erase(top.fragment->name);
        stack_.pop_back();
        if (!stack_.empty()) path_.pop_back();  // the spread that led into the finished one
        continue;
      }
      const graphql::FragmentSpread* spread = spreads[top.next++];
      ctx_.spend();
      path_.push_back(spread);
      const auto cycle = on_path_.find(spread->name);
      if (cycle != on_path_.end()) {
        report(cycle->second);
        path_.pop_back();
        continue;
      }
      const auto target = ctx_.fragments.find(spread->name);
      if (target == ctx_.fragments.end() || !enter(*target->second)) path_.pop_back();
    }
  }

 private:
  struct frame {
    const graphql::FragmentDefinition* fragment;
    std::size_t next;
  };

  // Starts searching a fragment's spreads; false when it needs no search.
  bool enter(const graphql::FragmentDefinition& fragment) {
    if (!visited_.insert(fragment.name).second) return false;
    if (ctx_.facts(&fragment).spreads.empty()) return false;
    on_path_[fragment.name] = path_.size();
    stack_.push_back({&fragment, 0});
    return true;
  }

  void report(std::size_t from) {
    std::string via;
    std::vector<graphql::SourceLocation> at;
    for (std::size_t i = from; i < path_.size(); ++i) {
      at.push_back(path_[i]->location);
      if (i + 1 < path_.size()) via += (via.empty() ? "\"" : ", \"") + path_[i]->name + "\"";
    }
    ctx_.report("Cannot spread fragment \"" + path_.back()->name + "\" within itself" +
                    (via.empty() ? "." : " via " + via + "."),
                std::move(at));
  }

  validation_context& ctx_;
  std::set<std::string_view> visited_;
  std::map<std::string_view, std::size_t> on_path_;  // fragment name -> its index in path_
  std::vector<const graphql::FragmentSpread*> path_;
  std::vector<frame> stack_;
};

}  // namespace

void check_fragment_usage(validation_context& ctx) {
  check_unused(ctx);
  cycle_finder finder(ctx);
  for (const graphql::Definition& definition : ctx.document.definitions)
    if (const auto* fragment = definition.as<graphql::FragmentDefinition>())
      finder.search(*fragment);
}

}  // namespace upspec::execution

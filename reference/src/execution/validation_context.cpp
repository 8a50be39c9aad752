#include "validation_context.hpp"

#include <algorithm>
#include <deque>
#include <set>
#include <tuple>

#include "upspec/execution/limits.hpp"

namespace upspec::execution {

validation_context::validation_context(const graphql::Document& doc, std::string_view source)
    : types(conformance_schema()),
      document(doc),
      fragments(index_fragments(doc)),
      source_(source) {}

void validation_context::report(graphql_error e) {
  if (errors.size() >= kMaxValidationErrors) {
    errors.emplace_back("Too many validation errors, error limit reached. Validation aborted.");
    throw validation_aborted{};
  }
  errors.push_back(std::move(e));
}

void validation_context::spend(std::size_t units) {
  work_ += units;
  if (work_ > kMaxValidationWork) {
    errors.emplace_back("Document too complex: validating it takes more than " +
                        std::to_string(kMaxValidationWork) +
                        " steps through fields and fragment spreads. Validation aborted.");
    throw validation_aborted{};
  }
}

// Breadth first with a visited set: linear in the fragments reached, whatever the nesting.
std::vector<const graphql::FragmentDefinition*> validation_context::reachable_fragments(
    const definition_facts& from) {
  std::vector<const graphql::FragmentDefinition*> reached;
  std::set<std::string_view> seen;
  std::deque<const graphql::FragmentSpread*> queue(from.spreads.begin(), from.spreads.end());
  while (!queue.empty()) {
    const graphql::FragmentSpread* spread = queue.front();
    queue.pop_front();
    spend();
    if (seen.count(spread->name)) continue;
    seen.insert(spread->name);
    const auto it = fragments.find(spread->name);
    if (it == fragments.end()) continue;
    reached.push_back(it->second);
    for (const graphql::FragmentSpread* next : facts(it->second).spreads) queue.push_back(next);
  }
  return reached;
}

graphql::SourceLocation validation_context::name_after(graphql::SourceLocation token) {
  if (!tokens_) {
    auto tokens = graphql::tokenize(source_);
    tokens_ = tokens ? std::move(*tokens) : std::vector<graphql::Token>{};
  }
  const auto before = [](const graphql::Token& t, graphql::SourceLocation at) {
    return std::tie(t.location.line, t.location.column) < std::tie(at.line, at.column);
  };
  auto it = std::lower_bound(tokens_->begin(), tokens_->end(), token, before);
  if (it == tokens_->end() || it->location != token || it + 1 == tokens_->end()) return token;
  return (it + 1)->location;
}

}  // namespace upspec::execution

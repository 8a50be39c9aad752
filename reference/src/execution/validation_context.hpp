#pragma once
// State shared by the validation rules (GraphQL Oct 2021 §5): the schema, the document, what
// the typed walk learnt about each definition, the errors so far and the work budget.

#include <cstddef>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "collect_fields.hpp"
#include "graphql_error.hpp"
#include "schema.hpp"
#include "type_ref.hpp"
#include "upspec/graphql/ast.hpp"
#include "upspec/graphql/lexer.hpp"

namespace upspec::execution {

// A variable in a value, with the input type expected there when it is known.
struct variable_usage {
  const graphql::Value* node = nullptr;
  const std::string* name = nullptr;
  std::optional<type_ref> type;
  bool location_has_default = false;
};

// What the typed walk found in one operation or fragment definition.
struct definition_facts {
  std::vector<variable_usage> usages;
  std::vector<const graphql::FragmentSpread*> spreads;  // nested ones included, in order
};

// A selection set whose parent type is known: the unit the overlapping-fields rule checks.
struct typed_selection_set {
  const graphql::SelectionSet* set = nullptr;
  const named_type* parent = nullptr;
};

// Thrown once the error cap or the work budget is reached; validate() catches it.
struct validation_aborted {};

class validation_context {
 public:
  validation_context(const graphql::Document& document, std::string_view source);

  const schema& types;
  const graphql::Document& document;
  const fragment_map fragments;
  std::vector<typed_selection_set> selection_sets;
  std::vector<graphql_error> errors;

  // Adds an error; at kMaxValidationErrors adds graphql-js's last one and aborts.
  void report(graphql_error e);
  void report(std::string message, std::vector<graphql::SourceLocation> at) {
    report(graphql_error(std::move(message), std::move(at)));
  }
  // Counts work that follows fragment spreads; past kMaxValidationWork, aborts with an error.
  void spend(std::size_t units = 1);

  definition_facts& facts(const void* definition) { return facts_[definition]; }

  // The fragments a definition reaches through its spreads, transitively, each once.
  std::vector<const graphql::FragmentDefinition*> reachable_fragments(const definition_facts& from);

  // Where the name after a keyword or punctuator starts (`query Name`, `...Name`, `$name`):
  // graphql-js puts some errors at the name, which the tree does not locate.
  graphql::SourceLocation name_after(graphql::SourceLocation token);

 private:
  std::string_view source_;
  std::optional<std::vector<graphql::Token>> tokens_;
  std::map<const void*, definition_facts> facts_;
  std::size_t work_ = 0;
};

// The rules, in the order validate() runs them.
void check_definition_names(validation_context& ctx);  // §5.2.1.1, §5.2.2.1, §5.5.1.1
void walk_definitions(validation_context& ctx);  // §5.3.1, §5.3.3, §5.4, §5.5, §5.6, §5.7, §5.8.1-2
void check_variable_usages(validation_context& ctx);     // §5.8.3, §5.8.4, §5.8.5
void check_fragment_usage(validation_context& ctx);      // §5.5.1.4, §5.5.2.2
void check_overlapping_fields(validation_context& ctx);  // §5.3.2

// Pieces of the typed walk, shared by its files.
void walk_variable_definitions(validation_context& ctx,
                               const graphql::OperationDefinition& operation,
                               definition_facts& facts);
void walk_directives(validation_context& ctx, const std::vector<graphql::Directive>& directives,
                     std::string_view location, definition_facts& facts);
// `owner` is "Mutation.single" for a field, "skip" for a directive; `defs` nullptr when the
// field or directive is unknown.
void walk_arguments(validation_context& ctx, const std::vector<graphql::Argument>& arguments,
                    const std::vector<input_def>* defs, bool directive, std::string_view owner,
                    graphql::SourceLocation node, definition_facts& facts);
void walk_value(validation_context& ctx, const graphql::Value& value, const type_ref* type,
                bool location_has_default, bool check, definition_facts& facts);
// KnownTypeNames (§5.5.1.2 and §5.8.2 share it): reports an unknown type, returns the type.
const named_type* known_type(validation_context& ctx, const graphql::NamedType& type);

}  // namespace upspec::execution

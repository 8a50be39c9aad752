#pragma once
// What an operation will resolve, worked out before any upload has arrived: its root fields
// with their coerced arguments, and so the uploads it reads (the executor's needed_uploads()).
// Only root fields take arguments in the conformance schema, so this is everything.

#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "coerce_arguments.hpp"
#include "collect_fields.hpp"
#include "graphql_error.hpp"
#include "schema.hpp"

namespace upspec::execution {

struct root_field {
  field_group group;
  const field_def* def = nullptr;
  std::variant<argument_values, graphql_error> args;  // an error fails this field only
};

struct root_plan {
  const named_type* type = nullptr;
  std::vector<root_field> fields;
  // Set when the operation cannot start (a subscription, a @skip that cannot be coerced on a
  // root selection): the result is this error with "data": null.
  std::optional<graphql_error> error;
};

// GraphQL Oct 2021 §6.2 ExecuteQuery/ExecuteMutation up to the root fields' CoerceArgumentValues.
root_plan plan_operation(const graphql::OperationDefinition& operation,
                         const fragment_map& fragments, const variable_values& variables);

// The upload fields the plan's arguments hold.
std::set<std::string> plan_uploads(const root_plan& plan);

}  // namespace upspec::execution

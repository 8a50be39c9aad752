#pragma once
// One GraphQL request from parameters to plan (GraphQL Oct 2021 §6.1 ExecuteRequest up to the
// point where resolvers run), so that a streaming server knows what it is waiting for.

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "coerce_variables.hpp"
#include "collect_fields.hpp"
#include "graphql_error.hpp"
#include "root_plan.hpp"
#include "upspec/execution/executor.hpp"
#include "upspec/graphql/ast.hpp"

namespace upspec::execution {

struct prepared_operation {
  // Set when the request fails before execution: bad parameters, a syntax error, validation
  // errors, no operation to run, variable coercion errors. The result is {"errors"} alone.
  std::vector<graphql_error> request_errors;
  graphql::Document document;  // the plan points into it: never moved once planned
  fragment_map fragments;
  variable_values variables;
  root_plan plan;
  std::set<std::string> uploads;  // the upload fields the plan reads
};

// `variables_path` is where the request's variables sit in operations ("variables", or
// "1.variables" in a batch), for telling uploads from look-alikes.
std::unique_ptr<prepared_operation> prepare_operation(const json& request,
                                                      std::string variables_path,
                                                      const upload_paths& paths);

// The GraphQL response for a prepared request.
json complete_operation(const prepared_operation& prepared, const upload_values& uploads);

}  // namespace upspec::execution

#pragma once
// Execution of a planned operation (GraphQL Oct 2021 §6.3, §6.4): resolvers, value completion
// and the propagation of field errors to the nearest nullable position (§6.4.4).

#include "collect_fields.hpp"
#include "root_plan.hpp"
#include "upspec/execution/executor.hpp"

namespace upspec::execution {

// The response {"errors"?, "data"} (errors first, as graphql-js writes it). Root fields run in
// order, also for queries, since every resolver here is synchronous (§6.3.1).
json execute_plan(const root_plan& plan, const fragment_map& fragments,
                  const variable_values& variables, const upload_values& uploads);

}  // namespace upspec::execution

#pragma once
// The index.json of a clients run: the schema of server runs (docs/report-format.md), with each
// scenario as a case and each client as a target.

#include <vector>

#include "clients/expected_request.hpp"
#include "run/report_index.hpp"

namespace upspec::clients {

// A scenario as a case: its request is the one a correct client could send.
corpus::test_case as_case(const scenario& s, const expected_request& want);

corpus::json clients_index(const std::vector<scenario>& scenarios,
                           const std::vector<expected_request>& expected,
                           const std::vector<run::target_run>& runs, const run::run_info& info);

}  // namespace upspec::clients

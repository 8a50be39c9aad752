#pragma once
// The corpus against one target of harness/targets: bring it up, run, stop. A target that
// cannot be brought up still gets a result for every case (ERROR, with the reason and its log)
// so that a matrix of many targets always has all of its rows.

#include <filesystem>
#include <vector>

#include "corpus/test_case.hpp"
#include "run/runner.hpp"
#include "targets/managed_target.hpp"

namespace upspec::targets {

// Progress lines ("graphql-yoga: installing", "... ready at ...") go to `say`.
run::target_run run_managed_target(const target_definition& definition,
                                   const std::filesystem::path& log,
                                   const bring_up_options& bring_up,
                                   const std::vector<corpus::test_case>& cases,
                                   const run::run_options& options,
                                   const run::result_callback& on_result,
                                   const std::function<void(const std::string&)>& say);

}  // namespace upspec::targets

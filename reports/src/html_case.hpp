#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model.hpp"
#include "upspec/reports/render.hpp"

namespace upspec::reports::detail {

// Which results get their response body, headers and wire log embedded in the page: results
// other than PASS first, then PASS ones, in case order, while HtmlOptions::bulk_budget lasts.
// Indexed like Report::results.
std::vector<bool> plan_bulk(const Report& report, const HtmlOptions& options);

// The expanded view of case `c`: its rule and request, then each target's result.
void append_case_body(std::string& out, const Report& report, std::size_t c,
                      const std::vector<bool>& bulk, const HtmlOptions& options);

}  // namespace upspec::reports::detail

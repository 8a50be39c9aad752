#pragma once

#include <CLI/CLI.hpp>

namespace upspec::cli {

// `upspec run`: replay the corpus against servers, judge every answer, write the reports.
void add_run_command(CLI::App& app);

}  // namespace upspec::cli

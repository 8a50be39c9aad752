#pragma once

#include <CLI/CLI.hpp>

namespace upspec::cli {

// `upspec report diff OLD NEW` and `upspec report render INDEX --out DIR`.
void add_report_command(CLI::App& app);

}  // namespace upspec::cli

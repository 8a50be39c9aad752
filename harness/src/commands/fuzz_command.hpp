#pragma once

#include <CLI/CLI.hpp>

namespace upspec::cli {

// `upspec fuzz` and `upspec fuzz merge` (docs/fuzz-live.md).
void add_fuzz_command(CLI::App& app);

}  // namespace upspec::cli

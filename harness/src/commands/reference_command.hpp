#pragma once

#include <CLI/CLI.hpp>

namespace upspec::cli {

// `upspec reference`: the reference outcome of one request body (design.md).
void add_reference_command(CLI::App& app);

}  // namespace upspec::cli

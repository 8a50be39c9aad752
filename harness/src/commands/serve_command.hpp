#pragma once

#include <CLI/CLI.hpp>

namespace upspec::cli {

// `upspec serve`: the reference server, the conformance schema over HTTP.
void add_serve_command(CLI::App& app);

}  // namespace upspec::cli

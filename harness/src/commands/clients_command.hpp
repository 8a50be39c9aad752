#pragma once

#include <CLI/CLI.hpp>

namespace upspec::cli {

// `upspec clients`: run client libraries' adapters against the recording reference server and
// judge every request they send (docs/clients.md).
void add_clients_command(CLI::App& app);

}  // namespace upspec::cli

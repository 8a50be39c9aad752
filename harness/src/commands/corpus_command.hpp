#pragma once

#include <CLI/CLI.hpp>

namespace upspec::cli {

// `upspec corpus generate|list|show`: the conformance cases.
void add_corpus_command(CLI::App& app);

}  // namespace upspec::cli

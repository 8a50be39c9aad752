#pragma once
// The plan an adapter performs (docs/clients.md, "Adapters"): the scenarios it can express, each
// with the URL to send it to and its files written out, as one JSON file named by UPSPEC_PLAN.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clients/expected_request.hpp"

namespace upspec::clients {

// Writes every file of every scenario under `dir` (dir/<scenario id>/<file id>), once for all
// adapters.
void write_scenario_files(const std::vector<scenario>& scenarios,
                          const std::vector<expected_request>& expected,
                          const std::filesystem::path& dir);

// {"scenarios": [{"id", "url", "operations", "headers", "files": {id: {"path", "name",
// "type"}}}]}; `chosen` are indexes into `scenarios`.
json plan_for(const std::vector<scenario>& scenarios, const std::vector<std::size_t>& chosen,
              const std::string& base_url, const std::filesystem::path& files_dir);

// The URL a scenario's request goes to: the server's, with ?scenario=ID.
std::string scenario_url(const std::string& base_url, std::string_view id);
// The scenario a request was sent for, from its target ("/graphql?scenario=ID").
std::optional<std::string> scenario_of(std::string_view target);

}  // namespace upspec::clients

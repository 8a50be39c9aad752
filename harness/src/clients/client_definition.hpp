#pragma once
// A client adapter: harness/clients/<name>/client.json (docs/clients.md).

#include <chrono>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "clients/judge.hpp"

namespace upspec::clients {

struct client_definition {
  std::string name;     // the folder's name; the report's name for the client
  std::string library;  // what is under test, with the versions the lockfile pins
  std::string version;
  std::string language;
  std::filesystem::path dir;
  std::vector<std::string> required_commands;
  std::string install, installed;
  std::vector<std::string> lockfiles;
  std::chrono::seconds install_timeout{1800};
  std::string run;  // performs every scenario of the plan (UPSPEC_PLAN) and exits
  client_traits traits;
  std::string notes;
};

std::variant<client_definition, std::string> load_client_definition(
    const std::filesystem::path& dir);

// `root` is one adapter's folder (it has a client.json) or a folder of them, taken in name
// order; `only` (names) narrows them and must all exist.
std::variant<std::vector<client_definition>, std::string> load_clients(
    const std::filesystem::path& root, const std::vector<std::string>& only);

}  // namespace upspec::clients

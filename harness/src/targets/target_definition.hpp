#pragma once
// A target the harness installs and starts itself: harness/targets/<name>/target.json
// (docs/targets.md).

#include <chrono>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "run/target.hpp"

namespace upspec::targets {

struct readiness_probe {
  std::string method = "POST";
  std::string body = R"({"query":"{ ping }"})";  // JSON text; empty sends no body
  int status = 200;
  std::chrono::seconds timeout{60};
};

struct target_definition {
  run::target target;  // url keeps its {port} placeholder until the server is started
  std::filesystem::path dir;
  std::string notes;
  std::vector<std::string> required_commands;
  std::string install, installed;
  std::vector<std::string> lockfiles;
  std::chrono::seconds install_timeout{1800};
  std::string start;
  readiness_probe ready;
};

std::variant<target_definition, std::string> load_target_definition(
    const std::filesystem::path& dir);

// Every folder of `root` with a target.json, in name order; `only` (names) narrows them and
// must all exist. A folder whose target.json is unreadable is an error of the whole call: the
// user asked for it.
std::variant<std::vector<target_definition>, std::string> load_target_directory(
    const std::filesystem::path& root, const std::vector<std::string>& only);

// The url with {port} (or the port it names) replaced by `port`.
std::string url_on_port(const std::string& url, std::uint16_t port);

}  // namespace upspec::targets

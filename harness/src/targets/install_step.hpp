#pragma once
// The install step shared by targets and client adapters: run the install command in the folder
// when its marker is missing or older than a lockfile, or when asked to.

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace upspec::targets {

struct install_step {
  std::filesystem::path dir;
  std::string command;                 // empty: nothing to install
  std::string installed;               // a path, relative to dir, that exists once it succeeded
  std::vector<std::string> lockfiles;  // paths whose change calls for a new install
  std::chrono::seconds timeout{1800};
};

// nullopt when installed (or nothing to install), else why not. The command's output goes to
// `log`; `note` writes the harness's own lines there.
std::optional<std::string> install_if_needed(const install_step& step, bool reinstall,
                                             const std::filesystem::path& log,
                                             const std::function<void(const std::string&)>& note);

}  // namespace upspec::targets

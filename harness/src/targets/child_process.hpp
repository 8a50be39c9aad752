#pragma once
// A server the harness starts itself: a shell command in its own process group, its output
// appended to a log file, stopped as a group so that a wrapper's children go with it.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace upspec::targets {

using environment = std::vector<std::pair<std::string, std::string>>;

class child_process {
 public:
  child_process() = default;
  ~child_process();
  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  // Runs `/bin/sh -c command` in `dir` with `extra` added to the environment, stdin from
  // /dev/null and stdout and stderr appended to `log`. Returns why it could not, if it could not.
  std::optional<std::string> start(const std::string& command, const std::filesystem::path& dir,
                                   const environment& extra, const std::filesystem::path& log);

  // How it ended ("exited with status 1", "killed by signal 11"), or nullopt while it runs.
  std::optional<std::string> exited();
  bool running() { return pid_ > 0 && !exited(); }

  // SIGTERM to the group, SIGKILL after `grace`; waits for the process. Safe to call twice.
  void stop(std::chrono::milliseconds grace = std::chrono::seconds(5));

 private:
  pid_t pid_ = -1;
  std::optional<std::string> ended_;
};

// Runs a command to completion the same way (for installs), at most `limit` long; returns how
// it ended ("exited with status 0" is success), or "timed out after N s".
std::string run_to_completion(const std::string& command, const std::filesystem::path& dir,
                              const environment& extra, const std::filesystem::path& log,
                              std::chrono::seconds limit);

// Whether `name` is a program found on PATH.
bool on_path(const std::string& name);

}  // namespace upspec::targets

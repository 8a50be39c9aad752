#pragma once
// One target of harness/targets driven through its life: commands it requires, install when
// missing or stale, start on a free loopback port, readiness, restarts, stop. Everything it
// does is written to the target's log next to the server's own output.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "run/server_control.hpp"
#include "targets/child_process.hpp"
#include "targets/target_definition.hpp"

namespace upspec::targets {

struct bring_up_options {
  bool reinstall = false;
};

class managed_target final : public run::server_control {
 public:
  managed_target(target_definition d, std::filesystem::path log, bring_up_options options);
  ~managed_target() override;

  // Checks the required commands, installs when needed, starts the server and waits until it
  // answers the readiness probe. nullopt when it is up; else why not.
  std::optional<std::string> bring_up();
  void stop();

  // The target as the runner sees it: its url on the port the server listens on.
  const run::target& target() const { return target_; }
  const target_definition& definition() const { return def_; }
  const std::filesystem::path& log_path() const { return log_; }
  int restarts() const { return restarts_; }
  // The last `bytes` of the log.
  std::string log_tail(std::size_t bytes) const;

  std::optional<std::string> exited() override;
  bool restart(const std::string& reason) override;

 private:
  std::optional<std::string> install_if_needed();
  std::optional<std::string> start_and_wait();
  std::optional<std::string> wait_until_ready();
  void note(const std::string& line) const;

  target_definition def_;
  std::filesystem::path log_;
  bring_up_options options_;
  run::target target_;
  std::uint16_t port_ = 0;
  child_process server_;
  std::mutex mutex_;
  int restarts_ = 0;
  bool gave_up_ = false;
  std::chrono::steady_clock::time_point last_restart_;
  std::chrono::milliseconds backoff_{0};
};

// A free TCP port on 127.0.0.1 (the kernel's choice; free when this returns).
std::uint16_t free_loopback_port();

}  // namespace upspec::targets

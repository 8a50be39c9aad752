#pragma once
// A server the harness started itself and can start again: after it crashed during a case, or
// after a canary found it poisoned (design.md: "a target the harness started itself is
// restarted before the next case").

#include <optional>
#include <string>

namespace upspec::run {

class server_control {
 public:
  virtual ~server_control() = default;
  // How the server's process ended ("killed by signal 11"), or nullopt while it runs.
  virtual std::optional<std::string> exited() = 0;
  // Starts it again and waits until it is ready; false when it did not come back.
  virtual bool restart(const std::string& reason) = 0;
};

}  // namespace upspec::run

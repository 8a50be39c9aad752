#include "targets/install_step.hpp"

#include "targets/child_process.hpp"

namespace upspec::targets {

namespace fs = std::filesystem;

std::optional<std::string> install_if_needed(const install_step& step, bool reinstall,
                                             const fs::path& log,
                                             const std::function<void(const std::string&)>& note) {
  if (step.command.empty()) return std::nullopt;
  const fs::path marker = step.dir / step.installed;
  std::error_code ec;
  std::string why;
  if (reinstall) {
    why = "--reinstall";
  } else if (!fs::exists(marker, ec)) {
    why = step.installed + " is missing";
  } else {
    const auto installed_at = fs::last_write_time(marker, ec);
    for (const auto& lock : step.lockfiles) {
      const auto changed_at = fs::last_write_time(step.dir / lock, ec);
      if (!ec && changed_at > installed_at) why = lock + " is newer than " + step.installed;
    }
  }
  if (why.empty()) return std::nullopt;
  note("installing (" + why + "): " + step.command);
  const auto started = std::chrono::steady_clock::now();
  const std::string how = run_to_completion(step.command, step.dir, {}, log, step.timeout);
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
          .count();
  note("install " + how + " after " + std::to_string(seconds) + " s");
  if (how != "exited with status 0") return "the install command " + how + ": " + step.command;
  if (!fs::exists(marker, ec))
    return "the install command succeeded but " + step.installed + " does not exist";
  return std::nullopt;
}

}  // namespace upspec::targets

#include "targets/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

namespace upspec::targets {
namespace {

// The process groups of the servers that run now, so that an interrupted run (Ctrl-C, a CI
// timeout's SIGTERM) does not leave them listening: they live in groups of their own, out of
// reach of the terminal's signals.
constexpr std::size_t kMaxChildren = 256;
std::atomic<pid_t> running_groups[kMaxChildren];

extern "C" void stop_children_and_die(int sig) {
  for (auto& g : running_groups)
    if (const pid_t p = g.load(); p > 0) ::kill(-p, SIGKILL);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void remember(pid_t pid) {
  static std::once_flag handlers;
  std::call_once(handlers, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::signal(sig, stop_children_and_die);
  });
  for (auto& g : running_groups) {
    pid_t empty = 0;
    if (g.compare_exchange_strong(empty, pid)) return;
  }
}

void forget(pid_t pid) {
  for (auto& g : running_groups) {
    pid_t mine = pid;
    if (g.compare_exchange_strong(mine, 0)) return;
  }
}

std::string describe(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = ::strsignal(sig);
    return "killed by signal " + std::to_string(sig) + (name ? std::string(" (") + name + ")" : "");
  }
  return "ended with wait status " + std::to_string(status);
}

}  // namespace

child_process::~child_process() {
  stop();
}

std::optional<std::string> child_process::start(const std::string& command,
                                                const std::filesystem::path& dir,
                                                const environment& extra,
                                                const std::filesystem::path& log) {
  stop();
  ended_.reset();
  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) return "cannot open " + log.string() + ": " + std::strerror(errno);
  const int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  std::vector<std::string> env_text;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    bool replaced = false;
    for (const auto& [k, v] : extra) replaced = replaced || entry.rfind(k + "=", 0) == 0;
    if (!replaced) env_text.push_back(entry);
  }
  for (const auto& [k, v] : extra) env_text.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_text) envp.push_back(s.data());
  envp.push_back(nullptr);
  const std::string dir_text = dir.string();

  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(log_fd);
    if (null_fd >= 0) ::close(null_fd);
    return std::string("fork failed: ") + std::strerror(errno);
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
    ::dup2(log_fd, STDOUT_FILENO);
    ::dup2(log_fd, STDERR_FILENO);
    if (::chdir(dir_text.c_str()) != 0) ::_exit(126);
    const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
    ::execve("/bin/sh", const_cast<char* const*>(argv), envp.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also from the parent, so that stop() never races the child's own call
  ::close(log_fd);
  if (null_fd >= 0) ::close(null_fd);
  pid_ = pid;
  remember(pid);
  return std::nullopt;
}

std::optional<std::string> child_process::exited() {
  if (ended_) return ended_;
  if (pid_ <= 0) return std::string("not started");
  int status = 0;
  const pid_t r = ::waitpid(pid_, &status, WNOHANG);
  if (r == pid_) {
    ended_ = describe(status);
    // Whatever the shell left behind in its group goes too.
    ::kill(-pid_, SIGKILL);
    forget(pid_);
    pid_ = -1;
  }
  return ended_;
}

void child_process::stop(std::chrono::milliseconds grace) {
  if (pid_ <= 0) return;
  if (exited()) return;
  ::kill(-pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (std::chrono::steady_clock::now() < deadline) {
    if (exited()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(-pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  ended_ = describe(status);
  forget(pid_);
  pid_ = -1;
}

std::string run_to_completion(const std::string& command, const std::filesystem::path& dir,
                              const environment& extra, const std::filesystem::path& log,
                              std::chrono::seconds limit) {
  child_process p;
  if (auto why = p.start(command, dir, extra, log)) return *why;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto how = p.exited()) return *how;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  p.stop();
  return "timed out after " + std::to_string(limit.count()) + " s";
}

bool on_path(const std::string& name) {
  if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string candidate = dirs.substr(start, end - start) + "/" + name;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0)
      return true;
    start = end + 1;
  }
  return false;
}

}  // namespace upspec::targets

#pragma once
// Runs a shell command and keeps its exit status and standard output: the tests that play the
// `upspec` command as a user or a CI job would.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace upspec::testing {

struct finished {
  int status = -1;
  std::string out;
};

inline finished shell_run(const std::string& command) {
  finished f;
  std::FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return f;
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), p)) > 0;)
    f.out.append(buf.data(), n);
  const int status = pclose(p);
  f.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return f;
}

}  // namespace upspec::testing

#include "support/check.hpp"

#include <cstdio>
#include <cstdlib>

namespace upspec::fuzz {

void check_failed(const char* condition, std::string_view what, const char* file, int line) {
  std::fprintf(stderr, "\n==upspec-fuzz== invariant broken at %s:%d: %s\n  %.*s\n", file, line,
               condition, static_cast<int>(what.size()), what.data());
  // abort() is what libFuzzer and the sanitizers report as a crash, with the input saved.
  std::abort();
}

}  // namespace upspec::fuzz

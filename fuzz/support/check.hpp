#pragma once
// Invariant checks of the fuzz targets. A broken invariant must stop the run in every build,
// and assert() does not: RelWithDebInfo and OSS-Fuzz builds define NDEBUG.

#include <string_view>

namespace upspec::fuzz {

[[noreturn]] void check_failed(const char* condition, std::string_view what, const char* file,
                               int line);

}  // namespace upspec::fuzz

#define UPSPEC_FUZZ_CHECK(condition, what)                                                  \
  do {                                                                                      \
    if (!(condition)) ::upspec::fuzz::check_failed(#condition, (what), __FILE__, __LINE__); \
  } while (false)

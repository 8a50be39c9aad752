#pragma once
// The exit status of `upspec run`, `fuzz` and `clients` (design.md, "Cases and verdicts"): 0
// nothing failed; 1 something FAILed (with --strict, NON-STRICT too; for fuzz, a new finding);
// 2 the run could not happen; 3 some case is ERROR, unless errors are allowed. The highest wins.

#include "corpus/test_case.hpp"

namespace upspec::run {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitCouldNotRun = 2;
inline constexpr int kExitUnjudged = 3;

class exit_status {
 public:
  void add(corpus::verdict v) {
    failed_ = failed_ || v == corpus::verdict::fail;
    non_strict_ = non_strict_ || v == corpus::verdict::non_strict;
    unjudged_ = unjudged_ || v == corpus::verdict::error;
  }
  void add_failure() { failed_ = true; }

  int code(bool strict, bool allow_errors) const {
    if (unjudged_ && !allow_errors) return kExitUnjudged;
    if (failed_ || (strict && non_strict_)) return kExitFailed;
    return kExitOk;
  }

 private:
  bool failed_ = false;
  bool non_strict_ = false;
  bool unjudged_ = false;
};

}  // namespace upspec::run

#pragma once
// The tool's version and the version of the corpus it was built with, defined in a source that
// cmake/corpus_version.cmake writes at build time (docs/install.md says what the corpus version
// is made of).

#include <string_view>

namespace upspec {

extern const std::string_view tool_version;
extern const std::string_view corpus_version;

}  // namespace upspec

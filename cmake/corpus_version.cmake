# Run with cmake -P at build time: writes OUTPUT, a C++ source defining the tool's version and the
# version of the corpus it was built with. The corpus version is TOOL_VERSION, '+', and the first
# 12 hex digits of the SHA-256 of what `sha256sum` prints for every *.json below CORPUS_DIR, by
# relative path in byte order, so it can be checked with coreutils alone (docs/install.md).
foreach(var CORPUS_DIR TOOL_VERSION OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "corpus_version.cmake needs -D${var}=...")
  endif()
endforeach()

file(GLOB_RECURSE files RELATIVE ${CORPUS_DIR} ${CORPUS_DIR}/*.json)
list(SORT files)
set(listing "")
foreach(f IN LISTS files)
  file(SHA256 ${CORPUS_DIR}/${f} digest)
  string(APPEND listing "${digest}  ${f}\n")
endforeach()
string(SHA256 corpus_digest "${listing}")
string(SUBSTRING ${corpus_digest} 0 12 corpus_digest)

set(source "// Written by cmake/corpus_version.cmake at build time.
#include \"version.hpp\"

namespace upspec {
const std::string_view tool_version = \"${TOOL_VERSION}\";
const std::string_view corpus_version = \"${TOOL_VERSION}+${corpus_digest}\";
}  // namespace upspec
")
# Left untouched when nothing changed, so that nothing is recompiled.
file(CONFIGURE OUTPUT ${OUTPUT} CONTENT "${source}" @ONLY)

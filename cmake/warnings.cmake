# One warning policy for every target of the project.
add_library(upspec_warnings INTERFACE)
target_compile_options(upspec_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough)
# -Wnull-dereference is left out and -Wrestrict turned off: GCC 12 reports false positives for
# them inside std::variant and std::string concatenation at -O3 (GCC PR 105329).
target_compile_options(upspec_warnings INTERFACE $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(UPSPEC_WERROR)
  target_compile_options(upspec_warnings INTERFACE -Werror)
endif()

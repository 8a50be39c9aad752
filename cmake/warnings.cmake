# One warning policy for every target of the project.
add_library(upspec_warnings INTERFACE)
target_compile_options(upspec_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough)
# -Wnull-dereference is left out: GCC 12 reports false positives inside std::variant at -O3.
if(UPSPEC_WERROR)
  target_compile_options(upspec_warnings INTERFACE -Werror)
endif()

# With a fuzzing engine (the fuzz preset, OSS-Fuzz's build.sh), libFuzzer's coverage feedback
# comes from upspec's own code only: fuzz/coverage-ignorelist.txt says why.
if(UPSPEC_FUZZ_ENGINE AND CMAKE_CXX_COMPILER_ID MATCHES "Clang" AND
   CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 13)
  add_compile_options(
    -fsanitize-coverage-ignorelist=${PROJECT_SOURCE_DIR}/fuzz/coverage-ignorelist.txt)
endif()

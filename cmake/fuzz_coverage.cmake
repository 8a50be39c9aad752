# With a fuzzing engine (the fuzz preset, OSS-Fuzz's build.sh), libFuzzer's coverage feedback
# comes from upspec's own code only: fuzz/coverage-ignorelist.txt says why.
if(UPSPEC_FUZZ_ENGINE AND CMAKE_CXX_COMPILER_ID MATCHES "Clang" AND
   CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 13)
  # Compilers do not list the ignorelist among a source's dependencies: the copy named after its
  # contents changes the flags, and so rebuilds every object, when an entry changes.
  set(ignorelist ${PROJECT_SOURCE_DIR}/fuzz/coverage-ignorelist.txt)
  file(MD5 ${ignorelist} ignorelist_hash)
  set(ignorelist_copy ${PROJECT_BINARY_DIR}/coverage-ignorelist-${ignorelist_hash}.txt)
  configure_file(${ignorelist} ${ignorelist_copy} COPYONLY)
  add_compile_options(-fsanitize-coverage-ignorelist=${ignorelist_copy})
endif()

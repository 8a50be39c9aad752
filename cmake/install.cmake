# `cmake --install` puts the upspec command in bin/ and what it reads in share/upspec/: the
# conformance cases, the specification's examples, the client scenarios and the conformance
# schema. The command looks for share/upspec/corpus/cases relative to its own path
# (harness/src/corpus/corpus_store.cpp).
install(TARGETS upspec RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/corpus/cases ${PROJECT_SOURCE_DIR}/corpus/spec-examples
  ${PROJECT_SOURCE_DIR}/corpus/clients
  DESTINATION ${UPSPEC_INSTALL_DATADIR}/corpus)
install(FILES ${PROJECT_SOURCE_DIR}/harness/schema.graphql DESTINATION ${UPSPEC_INSTALL_DATADIR})

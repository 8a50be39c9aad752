# `cpack -G DEB` in a build folder packages what `cmake --install` puts in place, under /usr.
# The runtime dependencies are read from the binary by dpkg-shlibdeps, so the package declares
# the shared libraries this build really links (libssl, libstdc++, libc) at the versions of the
# machine it was built on.
set(CPACK_PACKAGE_NAME upspec)
set(CPACK_PACKAGE_VENDOR upspec)
set(CPACK_PACKAGE_CONTACT "upspec maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "conformance suite for the GraphQL multipart request specification (file uploads)")
set(CPACK_PACKAGE_DESCRIPTION
  "upspec replays a conformance corpus over HTTP against a GraphQL server that accepts file \
uploads, judges every answer against a reference implementation, and writes JSON, JUnit XML, \
Markdown and HTML reports. The corpus is installed with it.")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
